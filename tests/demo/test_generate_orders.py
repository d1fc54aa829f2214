import pytest
from django.core.management import call_command
from django.db.models import Count, Sum

from softwarebroker.bestellingen.models import Bestelling, Bestelregel
from softwarebroker.organisaties.models import Organisatie
from tests.catalogus.factories import AanbiedingFactory, LeverancierFactory

pytestmark = pytest.mark.django_db


def test_generated_orders_are_consistent_and_removable():
    for leverancier in LeverancierFactory.create_batch(3):
        AanbiedingFactory.create_batch(3, leverancier=leverancier)
    real = Organisatie.objects.create(oin="00000001001589623000", naam="Echte gemeente", type="gemeente")

    call_command("generate_orders", "--bestellingen", "300", "--organisaties", "7")
    call_command("generate_orders", "--bestellingen", "300", "--organisaties", "7")  # nothing more

    bestellingen = Bestelling.objects.filter(nummer__startswith="2000-")
    assert bestellingen.count() == 300
    assert Organisatie.objects.filter(naam__startswith="Benchmarkgemeente").count() == 7
    assert not bestellingen.filter(besteller=real).exists()
    assert bestellingen.values("besteller").distinct().count() == 7
    assert set(bestellingen.annotate(regel_count=Count("regels")).values_list("regel_count", flat=True)) == {
        1,
        2,
        3,
    }
    bestelling = bestellingen.first()
    regel_totals = bestelling.regels.aggregate(eenmalig=Sum("bedrag_eenmalig_excl_btw"), btw=Sum("btw"))
    assert (bestelling.totaal_eenmalig_excl_btw, bestelling.totaal_btw) == (
        regel_totals["eenmalig"],
        regel_totals["btw"],
    )
    assert {regel.aanbieding.leverancier_id for regel in bestelling.regels.all()} == {
        bestelling.leverancier_id
    }

    call_command("generate_orders", "--clear")
    assert not Bestelling.objects.exists() and not Bestelregel.objects.exists()
