"""Awarding a round: one approved order per participant at the pooled price, the tender
threshold, and a framework's maximum value. A refused award writes nothing."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from softwarebroker.audit.models import AuditTrail
from softwarebroker.bestellingen.models import Beoordeling, Bestelling, Licentie, Statuswijziging
from softwarebroker.catalogus import selectors as catalogus_selectors
from softwarebroker.catalogus.models import Raamovereenkomst
from softwarebroker.core import events
from softwarebroker.vraagbundelingen.models import Deelname

from .support import Deelnemer, framework_bundel_aanbieding, gun, open_ronde, refused, rows, sluit

pytestmark = pytest.mark.django_db


@pytest.fixture
def seen():
    received = []
    events.subscribe(received.append)
    yield received
    events.unsubscribe(received.append)


def _gesloten(aanbieding=None, aantallen=(120, 90)):
    deelnemers = [Deelnemer() for _ in aantallen]
    if aanbieding is not None and aanbieding.raamovereenkomst_id:
        aanbieding.raamovereenkomst.deelnemers.add(*[d.organisatie for d in deelnemers])
    ronde = open_ronde(aanbieding, deelnemers[0])
    for deelnemer, aantal in zip(deelnemers, aantallen, strict=True):
        deelnemer.doe_mee(ronde, aantal)
    sluit(ronde)
    ronde.refresh_from_db()
    return ronde, deelnemers


def test_the_award_makes_one_approved_order_per_participant_with_its_history_licence_audit_and_events(seen):
    ronde, (a, b) = _gesloten()
    audit_before = AuditTrail.objects.count()
    seen.clear()

    gun(ronde)

    ronde.refresh_from_db()
    assert ronde.status == "gegund" and ronde.gegund_op is not None
    bestellingen = list(Bestelling.objects.order_by("pk"))
    assert [b_.besteller_id for b_ in bestellingen] == [a.organisatie.pk, b.organisatie.pk]
    for bestelling, deelnemer, aantal in zip(bestellingen, (a, b), (120, 90), strict=True):
        assert bestelling.status == "ingediend"
        assert (bestelling.aanvrager, bestelling.ingediend_op is not None) == ("inkoper@gemeente.nl", True)
        beoordeling = Beoordeling.objects.get(bestelling=bestelling)
        assert (beoordeling.besluit, beoordeling.beoordelaar) == ("goedgekeurd", "budget@gemeente.nl")
        assert list(
            Statuswijziging.objects.filter(bestelling=bestelling).values_list("van_status", "naar_status")
        ) == [("concept", "ingediend")]
        regel = bestelling.regels.get()
        assert regel.aantal == aantal
        snapshot = regel.prijs_momentopname
        assert snapshot["datum"] == ronde.prijsdatum.isoformat()
        # Each at the pooled tier (210 users: 8.00 from 200), not its own quantity's (9.50).
        assert snapshot["perJaarExclBtw"] == f"{aantal * 8 * 12:.2f}"
        assert bestelling.totaal_per_jaar_excl_btw == Decimal(aantal * 8 * 12)
        licentie = Licentie.objects.get(organisatie=deelnemer.organisatie)
        assert (licentie.status, licentie.aantal, list(licentie.bronregels.all())) == (
            "aangevraagd",
            aantal,
            [regel],
        )
        deelname = Deelname.objects.get(organisatie=deelnemer.organisatie)
        assert (deelname.status, deelname.bestelling_id) == ("besteld", bestelling.pk)
        assert deelname.statuswijzigingen.last().naar_status == "besteld"

    nieuw = AuditTrail.objects.filter(pk__gt=0).order_by("pk")[audit_before:]
    resources = sorted(entry.resource for entry in nieuw)
    assert resources.count("bestelling") == 2
    assert resources.count("licentie") == 2
    assert len(resources) == 5  # and the round's status change
    by_kanaal = sorted((event.kanaal.label, event.actie) for event in seen)
    assert by_kanaal == [
        ("bestellingen", "create"),
        ("bestellingen", "create"),
        ("licenties", "create"),
        ("licenties", "create"),
        ("vraagbundelingen", "status"),
    ]
    assert {event.instance.pk for event in seen if event.kanaal.label == "bestellingen"} == {
        b_.pk for b_ in bestellingen
    }


def test_orders_numbers_are_consecutive_and_unique():
    # Consecutive because nothing else is numbered at the same moment (the numbers come from one
    # statement); numbered alongside other orders they are ascending and unique
    # (tests/bestellingen/test_nummers.py).
    ronde, _ = _gesloten(aantallen=(50, 60, 70))
    gun(ronde)
    nummers = sorted(Bestelling.objects.values_list("nummer", flat=True))
    assert len(set(nummers)) == 3
    assert [int(n.split("-")[1]) for n in nummers] == list(
        range(int(nummers[0].split("-")[1]), int(nummers[0].split("-")[1]) + 3)
    )


def test_above_the_tender_threshold_without_a_framework_nothing_is_awarded():
    ronde, _ = _gesloten()
    # 210 x 8.00 x 48 months (an open term) + 2 x 500.00
    assert ronde.geschatte_waarde == Decimal("81640.00")
    before = rows()

    with override_settings(AANBESTEDINGSDREMPEL=81_639):
        error = refused(lambda: gun(ronde), 409)

    assert error.code == "aanbestedingsplicht"
    assert "81640.00" in error.message and "81639.00" in error.message
    assert rows() == before
    with override_settings(AANBESTEDINGSDREMPEL=81_640):
        gun(ronde)
    assert Bestelling.objects.count() == 2


def test_under_a_framework_the_threshold_does_not_apply_and_the_orders_count_against_its_maximum():
    aanbieding = framework_bundel_aanbieding(Decimal("100000.00"))
    ronde, _ = _gesloten(aanbieding)

    with override_settings(AANBESTEDINGSDREMPEL=0):
        gun(ronde)

    afgeroepen = (
        Raamovereenkomst.objects.filter(pk=aanbieding.raamovereenkomst_id)
        .annotate(waarde=catalogus_selectors.afgeroepen_waarde())
        .values_list("waarde", flat=True)
        .get()
    )
    assert afgeroepen == Decimal("81640.00")
    assert afgeroepen == sum(Bestelling.objects.values_list("afroepwaarde_excl_btw", flat=True))


def test_a_round_that_does_not_fit_in_the_frameworks_maximum_is_not_awarded():
    aanbieding = framework_bundel_aanbieding(Decimal("81639.99"))
    ronde, _ = _gesloten(aanbieding)
    before = rows()

    error = refused(lambda: gun(ronde), 409)

    assert error.code == "maximale_waarde"
    assert "81640.00" in error.message and "81639.99" in error.message
    assert rows() == before


def test_the_supplier_awards_but_the_initiator_does_not():
    from tests.bestellingen.helpers import acting

    ronde, (a, _) = _gesloten()
    before = rows()
    refused(lambda: gun(ronde, a.afnemer), 403)
    assert rows() == before
    leverancier = acting(
        "leverancier", leverancier=ronde.aanbieding.leverancier, user_id="verkoop@leverancier.nl"
    )
    gun(ronde, leverancier)
    assert Bestelling.objects.count() == 2


def _award_queries(aantallen):
    ronde, _ = _gesloten(aantallen=aantallen)
    with CaptureQueriesContext(connection) as captured:
        gun(ronde)
    assert Bestelling.objects.filter(deelname__vraagbundeling=ronde).count() == len(aantallen)
    return len(captured.captured_queries)


def test_the_award_reads_and_writes_in_bulk_whatever_the_number_of_participants():
    # The year's first order number also writes the year's basis (two statements, once a year).
    assert _award_queries((40, 50)) == _award_queries((10, 20, 30, 40, 50, 60, 70)) + 2
    assert _award_queries((10, 20, 30)) == _award_queries((10, 20, 30, 40, 50, 60, 70))
