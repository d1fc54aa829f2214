"""A delivered `nieuw` order line registers the organisation's use, through the real order
flow: created, submitted, approved, accepted, handled, delivered."""

import pytest

from softwarebroker.audit.models import AuditTrail
from softwarebroker.bestellingen import services as bestellingen
from softwarebroker.bestellingen.models import Licentie
from softwarebroker.gebruik.models import Gebruik
from tests.bestellingen.helpers import Partijen, aanbieding_with_prijzen
from tests.catalogus.factories import SoftwarepakketFactory
from tests.gebruik.support import ZAAKAFHANDEL, ZAAKREGISTRATIE, gebruik, register

pytestmark = pytest.mark.django_db


@pytest.fixture
def partijen():
    register()
    pakket = SoftwarepakketFactory(referentiecomponenten=[ZAAKREGISTRATIE.uri, ZAAKAFHANDEL.uri])
    return Partijen(aanbieding=aanbieding_with_prijzen(softwarepakket=pakket))


def _deliver(partijen, bestelling):
    """Accept, handle, deliver every line and complete the order (the supplier's steps)."""
    for naar in ("geaccepteerd", "in_behandeling"):
        bestellingen.change_status(acting=partijen.leverancier, bestelling=bestelling, naar=naar)
    for regel in bestelling.regels.all():
        bestellingen.create_levering(
            acting=partijen.leverancier, bestelling=bestelling, regel=regel, type="account"
        )
    bestellingen.change_status(acting=partijen.leverancier, bestelling=bestelling, naar="geleverd")


def _order(partijen, **regel):
    bestelling = bestellingen.create_bestelling(
        acting=partijen.afnemer,
        besteller=partijen.organisatie,
        regels=[{"aanbieding": partijen.aanbieding, "aantal": 10, **regel}],
    )
    bestellingen.change_status(acting=partijen.afnemer, bestelling=bestelling, naar="ter_goedkeuring")
    bestellingen.create_beoordeling(
        acting=partijen.budgethouder, bestelling=bestelling, besluit="goedgekeurd"
    )
    bestelling.refresh_from_db()
    return bestelling


def test_a_delivered_new_line_registers_one_use_in_production_with_its_licence(partijen):
    bestelling = _order(partijen)
    assert not Gebruik.objects.exists()  # nothing before the delivery

    _deliver(partijen, bestelling)

    licentie = Licentie.objects.get()
    use = Gebruik.objects.get()
    assert (use.organisatie, use.softwarepakket, use.softwarepakketversie) == (
        partijen.organisatie,
        partijen.aanbieding.softwarepakket,
        None,
    )
    assert (use.status, use.statusdatum, use.licentie) == ("in_productie", licentie.ingangsdatum, licentie)
    assert use.referentiecomponenten == [ZAAKREGISTRATIE.uri, ZAAKAFHANDEL.uri]
    assert list(use.statuswijzigingen.values_list("van_status", "naar_status")) == [("", "in_productie")]
    entry = AuditTrail.objects.get(hoofd_object_uuid=use.uuid)
    assert (entry.actie, entry.gebruikers_id) == ("create", "verwerker@leverancier.nl")


def test_a_second_delivery_for_the_same_licence_adds_no_use(partijen):
    _deliver(partijen, _order(partijen))
    licentie = Licentie.objects.get()
    use = Gebruik.objects.get()

    _deliver(partijen, _order(partijen, actie="uitbreiden", licentie=licentie))

    licentie.refresh_from_db()
    assert licentie.aantal == 20  # the licence grew ...
    assert list(Gebruik.objects.values_list("pk", "licentie", "status")) == [
        (use.pk, licentie.pk, "in_productie")
    ]  # ... and is still the one use's
    assert use.statuswijzigingen.count() == 1


def test_a_planned_use_gets_the_licence_and_goes_into_production(partijen):
    planned = gebruik(
        partijen.organisatie, partijen.aanbieding.softwarepakket, status="gepland", bedrijfskritisch=True
    )

    _deliver(partijen, _order(partijen))

    licentie = Licentie.objects.get()
    use = Gebruik.objects.get()
    assert use.pk == planned.pk
    assert (use.status, use.licentie, use.bedrijfskritisch) == ("in_productie", licentie, True)
    assert use.statusdatum == max(licentie.ingangsdatum, planned.statusdatum)
    assert list(
        use.statuswijzigingen.order_by("id").values_list("van_status", "naar_status", "toelichting")
    ) == [
        ("", "gepland", "Geregistreerd."),
        ("gepland", "in_productie", "Geleverd."),
    ]


def test_an_order_that_is_not_delivered_registers_nothing(partijen):
    bestelling = _order(partijen)
    bestellingen.change_status(acting=partijen.leverancier, bestelling=bestelling, naar="geaccepteerd")
    bestellingen.change_status(acting=partijen.leverancier, bestelling=bestelling, naar="in_behandeling")
    assert not Gebruik.objects.exists()
