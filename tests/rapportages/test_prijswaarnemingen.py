"""The summary follows orders and licences through their services, in their transaction."""

import datetime
from decimal import Decimal

import pytest
from django.apps import apps
from django.utils import timezone

from softwarebroker.bestellingen import services
from softwarebroker.bestellingen.constants import Besluit, BestellingStatus
from softwarebroker.rapportages.models import Prijswaarneming
from tests.bestellingen import walk
from tests.bestellingen.factories import BeoordelingFactory, BestellingFactory
from tests.bestellingen.helpers import aanbieding_with_prijzen
from tests.catalogus.factories import SoftwarepakketFactory
from tests.organisaties.factories import OrganisatieFactory

pytestmark = pytest.mark.django_db

S = BestellingStatus


def _waarneming(bestelling):
    return Prijswaarneming.objects.filter(bestelregel__bestelling=bestelling).first()


def test_orders_count_from_submission_until_withdrawn_rejected_or_cancelled_and_external_licences_count():
    # 12 months and two renewals: one-time costs spread over 36 months.
    aanbieding = aanbieding_with_prijzen(looptijd_maanden=12, max_verlengingen=2)
    ter_goedkeuring = BestellingFactory(aanbieding=aanbieding, aantal=4, status=S.TER_GOEDKEURING)
    regel = ter_goedkeuring.regels.get()
    waarneming = _waarneming(ter_goedkeuring)
    assert regel.bedrag_eenmalig_excl_btw == Decimal("400.00") and regel.bedrag_per_jaar_excl_btw == 40
    # (40.00 + 400.00 / 3 years) / 4 units
    assert waarneming.prijs == Decimal("43.3333333333")
    assert (waarneming.organisatie, waarneming.softwarepakket_id, waarneming.aanbieding) == (
        ter_goedkeuring.besteller,
        aanbieding.softwarepakket_id,
        aanbieding,
    )
    assert (waarneming.licentiemodel, waarneming.eenheid, waarneming.aantal, waarneming.bron) == (
        "per_gebruiker",
        "gebruiker",
        4,
        "broker",
    )
    ingediend = timezone.localdate(ter_goedkeuring.ingediend_op)
    assert waarneming.kwartaal == datetime.date(ingediend.year, (ingediend.month - 1) // 3 * 3 + 1, 1)

    geleverd = BestellingFactory(aanbieding=aanbieding, status=S.GELEVERD)
    assert _waarneming(geleverd) is not None
    for status in (S.INGETROKKEN, S.AFGEWEZEN, S.GEWEIGERD, S.GEANNULEERD):
        assert _waarneming(BestellingFactory(aanbieding=aanbieding, status=status)) is None, status

    # Back to concept (more information asked): no longer counted; submitted again: counted.
    BeoordelingFactory(bestelling=ter_goedkeuring, besluit=Besluit.AANVULLING_GEVRAAGD)
    assert _waarneming(ter_goedkeuring) is None
    walk.walk(ter_goedkeuring, S.TER_GOEDKEURING)
    assert _waarneming(ter_goedkeuring).prijs == Decimal("43.3333333333")

    # Bought elsewhere: counted with its amounts, in the quarter it started; without amounts not.
    organisatie = OrganisatieFactory()
    pakket = SoftwarepakketFactory()
    extern = services.register_licentie(
        acting=walk.afnemer(organisatie),
        organisatie=organisatie,
        softwarepakket=pakket,
        leverancier_naam="Elders B.V.",
        aantal=10,
        ingangsdatum=datetime.date(2025, 5, 17),
        einddatum=datetime.date(2027, 5, 16),
        looptijd_maanden=24,
        max_verlengingen=0,
        bedrag_eenmalig_excl_btw=Decimal("1000.00"),
        bedrag_per_jaar_excl_btw=Decimal("250.00"),
    )
    services.register_licentie(
        acting=walk.afnemer(organisatie),
        organisatie=organisatie,
        softwarepakket=pakket,
        leverancier_naam="Elders B.V.",
        aantal=10,
        ingangsdatum=datetime.date(2025, 5, 17),
    )
    [waarneming] = Prijswaarneming.objects.filter(softwarepakket=pakket)
    assert (waarneming.licentie, waarneming.bron, waarneming.aanbieding, waarneming.licentiemodel) == (
        extern,
        "extern",
        None,
        "",
    )
    # (250.00 + 1000.00 / 2 years) / 10 units
    assert (waarneming.prijs, waarneming.kwartaal) == (Decimal("75.0000000000"), datetime.date(2025, 4, 1))

    # The data migration makes the same observations from the orders and licences there are.
    velden = ("bestelregel", "licentie", "organisatie", "aanbieding", "aantal", "prijs", "kwartaal")
    voor = set(Prijswaarneming.objects.values_list(*velden))
    Prijswaarneming.objects.all().delete()
    vullen = __import__(
        "softwarebroker.rapportages.migrations.0002_prijswaarnemingen_vullen", fromlist=["fill"]
    )
    vullen.fill(apps, None)
    assert set(Prijswaarneming.objects.values_list(*velden)) == voor
    assert len(voor) == 3
