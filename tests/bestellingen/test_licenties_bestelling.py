"""Licences through a whole order: requested, delivered with the offer's contract terms,
changed by later lines; their stored contract dates (through the services)."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from softwarebroker.audit.models import AuditTrail
from softwarebroker.autorisaties.context import Acting
from softwarebroker.bestellingen import services
from softwarebroker.bestellingen.constants import BestellingStatus
from softwarebroker.bestellingen.models import Licentie
from softwarebroker.bestellingen.services.licenties import latest_end_date, next_end_date
from softwarebroker.catalogus import services as catalogus_services

from . import walk
from .factories import BestellingFactory, LicentieFactory
from .helpers import Partijen, aanbieding_with_prijzen
from .licentie_support import submitted

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


# --- with the order ---------------------------------------------------------------------------


def test_submission_requests_a_licence_for_each_new_line(licentie_events):
    partijen = Partijen()
    bestelling = partijen.bestelling(aantal=12)
    assert not Licentie.objects.exists()  # a concept asks for nothing yet
    services.update_bestelling(acting=partijen.afnemer, bestelling=bestelling, kostenplaats="ICT-7")

    services.change_status(acting=partijen.afnemer, bestelling=bestelling, naar="ter_goedkeuring")

    licentie = Licentie.objects.get()
    regel = bestelling.regels.get()
    aanbieding = partijen.aanbieding
    assert (licentie.status, licentie.bron, licentie.organisatie, licentie.aantal, licentie.kostenplaats) == (
        "aangevraagd",
        "broker",
        partijen.organisatie,
        12,
        "ICT-7",
    )
    assert (licentie.aanbieding, licentie.leverancier, licentie.softwarepakket) == (
        aanbieding,
        aanbieding.leverancier,
        aanbieding.softwarepakket,
    )
    assert list(licentie.bronregels.all()) == [regel]
    assert licentie_events == [("create", licentie.uuid)]
    assert AuditTrail.objects.filter(hoofd_object_uuid=licentie.uuid, actie="create").count() == 1


def test_a_request_for_more_information_removes_the_requested_licence(licentie_events):
    partijen = Partijen()
    bestelling = submitted(partijen)
    licentie = Licentie.objects.get()

    services.create_beoordeling(
        acting=partijen.budgethouder,
        bestelling=bestelling,
        besluit="aanvulling_gevraagd",
        toelichting="Waarom?",
    )

    assert not Licentie.objects.exists()
    assert licentie_events == [("create", licentie.uuid), ("destroy", licentie.uuid)]
    assert AuditTrail.objects.filter(hoofd_object_uuid=licentie.uuid, actie="destroy").count() == 1
    # Submitted again: a new request.
    services.change_status(acting=partijen.afnemer, bestelling=bestelling, naar="ter_goedkeuring")
    assert Licentie.objects.get().status == "aangevraagd"


@pytest.mark.parametrize(
    ("naar", "bij"),
    [
        ("afgewezen", "beoordeling"),
        ("ingetrokken", "ter_goedkeuring"),
        ("ingetrokken", "ingediend"),
        ("geweigerd", "ingediend"),
        ("mislukt", "in_behandeling"),
        ("geannuleerd", "geaccepteerd"),
    ],
)
def test_an_order_ending_without_delivery_ends_its_requested_licences(naar, bij):
    partijen = Partijen()
    if bij == "beoordeling":
        bestelling = submitted(partijen)
        services.create_beoordeling(
            acting=partijen.budgethouder, bestelling=bestelling, besluit="afgewezen", toelichting="Te duur"
        )
    elif naar == "geannuleerd":
        bestelling = BestellingFactory(besteller=partijen.organisatie, status=bij)
        verzoek = services.create_annuleringsverzoek(
            acting=walk.van_afnemer(bestelling), bestelling=bestelling, reden="Niet meer nodig"
        )
        services.decide_annuleringsverzoek(
            acting=walk.leverancier(bestelling), annuleringsverzoek=verzoek, status="uitgevoerd"
        )
    else:
        bestelling = BestellingFactory(besteller=partijen.organisatie, status=bij)
        party = walk.van_afnemer(bestelling) if naar == "ingetrokken" else walk.leverancier(bestelling)
        services.change_status(acting=party, bestelling=bestelling, naar=naar, toelichting="Helaas")

    bestelling.refresh_from_db()
    assert bestelling.status == naar
    assert [licentie.status for licentie in Licentie.objects.all()] == ["beeindigd"]


def test_statuses_through_a_whole_order():
    partijen = Partijen()
    bestelling = submitted(partijen)
    assert Licentie.objects.get().status == "aangevraagd"
    services.create_beoordeling(acting=partijen.budgethouder, bestelling=bestelling, besluit="goedgekeurd")
    assert Licentie.objects.get().status == "aangevraagd"
    walk.walk(bestelling, BestellingStatus.GELEVERD)
    licentie = Licentie.objects.get()
    assert licentie.status == "actief"
    assert list(licentie.bronregels.all()) == list(bestelling.regels.all())


def test_a_line_that_failed_in_a_partial_delivery_ends_its_licence():
    bestelling = BestellingFactory(aantal_regels=2, status=BestellingStatus.DEELS_GELEVERD)

    statuses = {
        licentie.bronregels.get().volgnummer: licentie.status
        for licentie in Licentie.objects.filter(organisatie=bestelling.besteller)
    }
    assert statuses == {1: "actief", 2: "beeindigd"}


def test_delivery_copies_the_offers_contract_terms_and_a_later_change_of_the_offer_does_not():
    aanbieding = aanbieding_with_prijzen(
        looptijd_maanden=12,
        verlenging="automatisch",
        opzegtermijn_dagen=30,
        verlengingstermijn_maanden=6,
        max_verlengingen=2,
        indexering="vast",
        indexering_percentage=Decimal("3.00"),
        indexering_plafond=Decimal("5.00"),
    )
    start = TODAY() + datetime.timedelta(days=10)
    bestelling = BestellingFactory(
        aanbieding=aanbieding, aantal=60, gewenste_ingangsdatum=start, status=BestellingStatus.GELEVERD
    )
    regel = bestelling.regels.get()

    licentie = Licentie.objects.get()
    einde = start.replace(year=start.year + 1)
    assert (licentie.status, licentie.ingangsdatum, licentie.einddatum) == ("actief", start, einde)
    assert (licentie.looptijd_maanden, licentie.opzegtermijn_dagen) == (12, 30)
    assert (licentie.verlengingstermijn_maanden, licentie.max_verlengingen, licentie.aantal_verlengingen) == (
        6,
        2,
        0,
    )
    assert (licentie.indexering, licentie.indexering_percentage, licentie.indexering_plafond) == (
        "vast",
        Decimal("3.00"),
        Decimal("5.00"),
    )
    assert licentie.automatisch_verlengen is True
    assert licentie.opzegdatum == einde - datetime.timedelta(days=30)
    assert licentie.uiterste_einddatum == start.replace(year=start.year + 2)
    assert (licentie.bedrag_eenmalig_excl_btw, licentie.bedrag_per_jaar_excl_btw) == (
        regel.bedrag_eenmalig_excl_btw,
        regel.bedrag_per_jaar_excl_btw,
    )
    assert licentie.bedrag_per_jaar_excl_btw == Decimal("480.00")  # 60 at the tier of 8.00
    assert licentie.contractnummer == bestelling.nummer

    catalogus_services.update_aanbieding(
        acting=Acting.system("test"),
        aanbieding=aanbieding,
        partial=True,
        looptijd_maanden=24,
        opzegtermijn_dagen=90,
        verlenging="geen",
        verlengingstermijn_maanden=None,
        max_verlengingen=None,
        indexering="cpi",
        indexering_percentage=None,
    )
    licentie.refresh_from_db()
    assert (licentie.looptijd_maanden, licentie.opzegtermijn_dagen, licentie.einddatum) == (12, 30, einde)
    assert (licentie.indexering, licentie.max_verlengingen) == ("vast", 2)


def test_an_offer_without_renewals_gives_a_licence_with_none_left():
    aanbieding = aanbieding_with_prijzen(looptijd_maanden=12, verlenging="geen")
    BestellingFactory(
        aanbieding=aanbieding,
        gewenste_ingangsdatum=datetime.date(2026, 1, 1),
        status=BestellingStatus.GELEVERD,
    )

    licentie = Licentie.objects.get()
    assert (licentie.max_verlengingen, licentie.automatisch_verlengen) == (0, False)
    assert licentie.uiterste_einddatum == licentie.einddatum == datetime.date(2027, 1, 1)


def test_a_renewal_counts_and_moves_the_stored_dates():
    aanbieding = aanbieding_with_prijzen(
        looptijd_maanden=12, verlengingstermijn_maanden=6, max_verlengingen=3, opzegtermijn_dagen=14
    )
    ingang = TODAY() - datetime.timedelta(days=30)
    licentie = LicentieFactory(
        aanbieding=aanbieding,
        ingangsdatum=ingang,
        einddatum=ingang.replace(year=ingang.year + 1),
        opzegtermijn_dagen=14,
    )
    einde = licentie.einddatum

    BestellingFactory(
        besteller=licentie.organisatie,
        aanbieding=aanbieding,
        actie="verlengen",
        licentie=licentie,
        status=BestellingStatus.GELEVERD,
    )

    licentie.refresh_from_db()
    from softwarebroker.bestellingen.termijnen import add_months

    assert licentie.einddatum == add_months(einde, 6)
    assert licentie.aantal_verlengingen == 1
    assert licentie.opzegdatum == licentie.einddatum - datetime.timedelta(days=14)
    assert licentie.uiterste_einddatum == add_months(ingang, 12 + 3 * 6)
    assert licentie.bronregels.count() == 2


# --- the stored dates -------------------------------------------------------------------------


def test_next_and_latest_end_dates():
    licentie = Licentie(
        ingangsdatum=datetime.date(2026, 1, 31),
        einddatum=datetime.date(2027, 1, 31),
        looptijd_maanden=12,
        verlengingstermijn_maanden=1,
        max_verlengingen=2,
        aantal_verlengingen=0,
    )
    assert next_end_date(licentie) == datetime.date(2027, 2, 28)
    assert latest_end_date(licentie) == datetime.date(2027, 3, 31)
    licentie.aantal_verlengingen = 2
    assert next_end_date(licentie) is None
    licentie.max_verlengingen = None
    assert latest_end_date(licentie) is None
