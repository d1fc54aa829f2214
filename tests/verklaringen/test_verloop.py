"""The nightly declaration job: the advance notice, the expiry and the licence holders told."""

import datetime

import pytest
import time_machine
from django.test import override_settings

from softwarebroker.api.resources import url_of
from softwarebroker.audit.models import AuditTrail
from softwarebroker.bestellingen import services as bestellingen
from softwarebroker.bestellingen.constants import LicentieStatus
from softwarebroker.catalogus.models import Verklaring
from softwarebroker.catalogus.verklaringen.services import verloop
from softwarebroker.core import events
from tests.bestellingen.factories import LicentieFactory
from tests.bestellingen.helpers import aanbieding_with_prijzen
from tests.catalogus.factories import AanbiedingFactory, SoftwarepakketFactory

from .support import goedgekeurde_verklaring

pytestmark = pytest.mark.django_db

EINDE = datetime.date(2026, 6, 30)


@pytest.fixture
def published():
    seen = []
    events.subscribe(seen.append)
    yield lambda kanaal, actie: [
        event for event in seen if event.kanaal.label == kanaal and event.actie == actie
    ]
    events.unsubscribe(seen.append)


def on(day: datetime.date):
    return time_machine.travel(
        datetime.datetime.combine(day, datetime.time(0, 15), tzinfo=datetime.UTC), tick=False
    )


def run(day: datetime.date):
    with on(day):
        return verloop.verklaringen_verwerken(bij_verlopen=bestellingen.licenties_bij_verlopen_verklaringen)


@pytest.fixture(autouse=True)
def _setup_early_in_the_year():
    """Declarations are made and approved before EINDE (approving one already past its
    geldigTot sets it to verlopen at once)."""
    with on(datetime.date(2026, 1, 2)):
        yield


def offer(**kwargs):
    """A priced offer of a year's term, which licences can be ordered of."""
    return aanbieding_with_prijzen(looptijd_maanden=12, **kwargs)


def rows():
    return list(Verklaring.objects.order_by("pk").values())


def test_the_supplier_is_told_once_60_days_before_the_end(published):
    aanbieding = AanbiedingFactory()
    verklaring = goedgekeurde_verklaring(aanbieding.leverancier, "iso27001", geldig_tot=EINDE)
    later = goedgekeurde_verklaring(
        aanbieding.leverancier, "dpia", geldig_tot=EINDE + datetime.timedelta(days=1)
    )

    assert run(EINDE - datetime.timedelta(days=61)).gemeld == 0
    result = run(EINDE - datetime.timedelta(days=60))
    assert (result.gemeld, result.verlopen) == (1, 0)
    assert run(EINDE - datetime.timedelta(days=60)).gemeld == 0  # the same day again
    assert run(EINDE - datetime.timedelta(days=30)).gemeld == 1  # only the later one now

    notices = published("verklaringen", "verloopt")
    assert [(event.instance.pk, event.kenmerken["verloopt"]) for event in notices] == [
        (verklaring.pk, "60"),
        (later.pk, "31"),
    ]
    assert notices[0].kenmerken["eigenaar"] == url_of(aanbieding.leverancier)
    verklaring.refresh_from_db()
    assert verklaring.verloop_gemeld_op == EINDE - datetime.timedelta(days=60)
    assert verklaring.status == "goedgekeurd"


def test_a_declaration_approved_within_the_period_is_told_at_the_next_run(published):
    aanbieding = AanbiedingFactory()
    with on(EINDE - datetime.timedelta(days=10)):
        goedgekeurde_verklaring(aanbieding, "dpia", geldig_tot=EINDE)
    run(EINDE - datetime.timedelta(days=9))
    assert [event.kenmerken["verloopt"] for event in published("verklaringen", "verloopt")] == ["9"]


@override_settings(VERKLARING_VERLOOP_MELDING_DAGEN=0)
def test_no_advance_notice_when_the_setting_is_zero(published):
    goedgekeurde_verklaring(AanbiedingFactory(), "dpia", geldig_tot=EINDE)
    assert run(EINDE).gemeld == 0
    assert published("verklaringen", "verloopt") == []


def test_the_day_after_geldig_tot_it_expires_with_an_audit_entry_and_an_event(published):
    aanbieding = AanbiedingFactory()
    verklaring = goedgekeurde_verklaring(aanbieding, "dpia", geldig_tot=EINDE)
    concept_dan = Verklaring.objects.get(pk=verklaring.pk).versie

    assert run(EINDE).verlopen == 0  # geldigTot is its last valid day
    entries = AuditTrail.objects.count()
    result = run(EINDE + datetime.timedelta(days=1))

    assert result.verlopen == 1
    verklaring.refresh_from_db()
    assert (verklaring.status, verklaring.versie) == ("verlopen", concept_dan + 1)
    entry = AuditTrail.objects.latest("id")
    assert AuditTrail.objects.count() == entries + 1
    assert (entry.actie, entry.bron, entry.hoofd_object) == ("update", "worker", url_of(verklaring))
    assert (entry.oud["status"], entry.nieuw["status"]) == ("goedgekeurd", "verlopen")
    [event] = published("verklaringen", "status")[-1:]
    assert event.instance.pk == verklaring.pk and event.kenmerken["status"] == "verlopen"


def test_a_second_run_the_same_day_changes_nothing():
    aanbieding = offer()
    LicentieFactory(aanbieding=aanbieding)
    goedgekeurde_verklaring(aanbieding, "dpia", geldig_tot=EINDE)
    goedgekeurde_verklaring(
        aanbieding.leverancier, "iso27001", geldig_tot=EINDE + datetime.timedelta(days=20)
    )
    day = EINDE + datetime.timedelta(days=1)

    first = run(day)
    after_first, entries = rows(), AuditTrail.objects.count()
    second = run(day)

    assert (first.verlopen, first.gemeld, first.meldingen_bij_verlopen) == (1, 1, 1)
    assert (second.verlopen, second.gemeld, second.meldingen_bij_verlopen) == (0, 0, 0)
    assert rows() == after_first and AuditTrail.objects.count() == entries


def test_licence_holders_of_the_offers_it_covered_are_told(published):
    pakket = SoftwarepakketFactory()
    gedekt = offer(softwarepakket=pakket)
    ook_gedekt = offer(softwarepakket=pakket)
    eigen_verklaring = offer(softwarepakket=pakket)  # its own valid one still covers it
    ander_pakket = offer(leverancier=gedekt.leverancier)
    verklaring = goedgekeurde_verklaring(pakket, "verwerkersovereenkomst", geldig_tot=EINDE)
    goedgekeurde_verklaring(eigen_verklaring, "verwerkersovereenkomst")
    actief = LicentieFactory(aanbieding=gedekt)
    tweede = LicentieFactory(aanbieding=ook_gedekt)
    LicentieFactory(aanbieding=ook_gedekt, status=LicentieStatus.OPGEZEGD)  # not active
    LicentieFactory(aanbieding=eigen_verklaring)
    LicentieFactory(aanbieding=ander_pakket)

    result = run(EINDE + datetime.timedelta(days=1))

    told = published("licenties", "verklaring_verlopen")
    assert result.meldingen_bij_verlopen == 2
    assert sorted(event.instance.pk for event in told) == sorted([actief.pk, tweede.pk])
    assert {event.kenmerken["verklaring"] for event in told} == {url_of(verklaring)}
    assert {event.kenmerken["verklaringType"] for event in told} == {"verwerkersovereenkomst"}
    assert {event.kenmerken["organisatie"] for event in told} == {
        actief.organisatie.oin,
        tweede.organisatie.oin,
    }


def test_a_suppliers_declaration_covers_all_its_offers_and_a_newer_one_saves_them(published):
    aanbieding = offer()
    andere = offer(leverancier=aanbieding.leverancier)
    goedgekeurde_verklaring(aanbieding.leverancier, "iso27001", geldig_tot=EINDE)
    licenties = [LicentieFactory(aanbieding=aanbieding), LicentieFactory(aanbieding=andere)]

    run(EINDE + datetime.timedelta(days=1))
    assert sorted(e.instance.pk for e in published("licenties", "verklaring_verlopen")) == sorted(
        licentie.pk for licentie in licenties
    )

    # A successor approved in time: its expiry takes nothing away.
    goedgekeurde_verklaring(aanbieding.leverancier, "dpia", geldig_tot=EINDE + datetime.timedelta(days=30))
    goedgekeurde_verklaring(aanbieding.leverancier, "dpia", geldig_vanaf=EINDE)
    run(EINDE + datetime.timedelta(days=31))
    assert len(published("licenties", "verklaring_verlopen")) == 2


def test_batches_give_the_same_result(published):
    aanbiedingen = AanbiedingFactory.create_batch(3)
    for aanbieding in aanbiedingen:
        goedgekeurde_verklaring(aanbieding, "dpia", geldig_tot=EINDE)
    with on(EINDE + datetime.timedelta(days=1)):
        result = verloop.verklaringen_verwerken(batch_size=2)
    assert result.verlopen == 3
    assert set(Verklaring.objects.values_list("status", flat=True)) == {"verlopen"}


def test_the_job_runs_every_night_under_a_name_that_stays():
    from procrastinate.contrib.django import app

    from softwarebroker.bestellingen.tasks import NACHTELIJKE_VERKLARINGVERWERKING, process_verklaringen

    periodic = {task.task.name for task in app.periodic_registry.periodic_tasks.values()}
    assert process_verklaringen.name == NACHTELIJKE_VERKLARINGVERWERKING in periodic
