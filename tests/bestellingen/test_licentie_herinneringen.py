"""Staged reminders before the opzegdatum, and the concept renewal order of a manual renewal."""

import datetime
from collections import Counter

import pytest
import time_machine
from django.utils import timezone

from softwarebroker.bestellingen import services
from softwarebroker.bestellingen.constants import Actie, BestellingStatus, LicentieStatus
from softwarebroker.bestellingen.models import Bestelling, LicentieHerinnering
from softwarebroker.core import events

from .contracten import licentie_met_contract

pytestmark = pytest.mark.django_db

EINDE = datetime.date(2027, 1, 1)
OPZEGDATUM = EINDE - datetime.timedelta(days=90)


@pytest.fixture
def reminders():
    """The reminders published, as (licence uuid, stage); ``periods=True``: with the end date
    of the period each was sent for."""
    seen = []
    events.subscribe(seen.append)
    yield lambda periods=False: [
        (str(event.instance.uuid), event.kenmerken["herinnering"])
        + ((event.instance.einddatum,) if periods else ())
        for event in seen
        if event.kanaal.label == "licenties" and event.actie == "herinnering"
    ]
    events.unsubscribe(seen.append)


def run(day):
    return services.nachtelijke_licentieverwerking(day)


def on(day: datetime.date):
    """The clock at night on ``day`` (the order services read today's date)."""
    return time_machine.travel(
        datetime.datetime.combine(day, datetime.time(1), tzinfo=datetime.UTC), tick=False
    )


def renewal_orders(licentie):
    return Bestelling.objects.filter(regels__licentie=licentie, regels__actie=Actie.VERLENGEN)


def test_each_stage_is_sent_once_from_its_day_until_the_opzegdatum(reminders):
    licentie = licentie_met_contract(einddatum=EINDE)
    uuid = str(licentie.uuid)

    run(OPZEGDATUM - datetime.timedelta(days=181))
    assert reminders() == []
    for _ in range(2):
        run(OPZEGDATUM - datetime.timedelta(days=180))
    assert reminders() == [(uuid, "180")]
    run(OPZEGDATUM - datetime.timedelta(days=91))
    run(OPZEGDATUM - datetime.timedelta(days=90))
    run(OPZEGDATUM - datetime.timedelta(days=30))
    run(OPZEGDATUM)
    run(OPZEGDATUM + datetime.timedelta(days=1))
    assert reminders() == [(uuid, "180"), (uuid, "90"), (uuid, "30")]
    recorded = LicentieHerinnering.objects.filter(licentie=licentie).values_list(
        "einddatum", "dagen", "overgeslagen"
    )
    assert sorted(recorded) == [(EINDE, 30, False), (EINDE, 90, False), (EINDE, 180, False)]


def test_a_licence_registered_late_gets_only_the_most_urgent_stage(reminders):
    licentie = licentie_met_contract(einddatum=EINDE)

    result = run(OPZEGDATUM - datetime.timedelta(days=20))
    run(OPZEGDATUM - datetime.timedelta(days=10))

    assert reminders() == [(str(licentie.uuid), "30")]
    assert (result.herinneringen, result.herinneringen_overgeslagen) == (1, 2)
    recorded = LicentieHerinnering.objects.filter(licentie=licentie).values_list("dagen", "overgeslagen")
    assert sorted(recorded) == [(30, False), (90, True), (180, True)]


def test_a_stage_missed_by_a_night_without_a_run_is_sent_the_next_night(reminders):
    licentie = licentie_met_contract(einddatum=EINDE)

    run(OPZEGDATUM - datetime.timedelta(days=179))

    assert reminders() == [(str(licentie.uuid), "180")]


def test_no_reminders_for_a_cancelled_licence_or_after_the_opzegdatum(reminders):
    licentie_met_contract(einddatum=EINDE, status=LicentieStatus.OPGEZEGD)
    licentie_met_contract(einddatum=EINDE)  # its opzegdatum has passed
    kan_nog = licentie_met_contract(einddatum=EINDE, opzegtermijn_dagen=0)  # opzegdatum: the end date

    run(OPZEGDATUM + datetime.timedelta(days=1))

    assert reminders() == [(str(kan_nog.uuid), "90")]


def test_the_stages_are_configurable(settings, reminders):
    settings.LICENTIE_HERINNERINGEN_DAGEN = [60, 7]
    licentie = licentie_met_contract(einddatum=EINDE)

    for days_before in (180, 90, 60, 30, 7):
        run(OPZEGDATUM - datetime.timedelta(days=days_before))

    assert reminders() == [(str(licentie.uuid), "60"), (str(licentie.uuid), "7")]


def test_a_manual_renewal_gets_a_concept_renewal_order_at_the_first_reminder():
    licentie = licentie_met_contract(einddatum=EINDE, automatisch_verlengen=False, kostenplaats="KP-12")

    with on(OPZEGDATUM - datetime.timedelta(days=180)):
        first = run(timezone.localdate())
        run(timezone.localdate())
    second = run(OPZEGDATUM - datetime.timedelta(days=90))

    bestelling = renewal_orders(licentie).get()
    regel = bestelling.regels.get()
    assert (first.verlengingsbestellingen, second.verlengingsbestellingen) == (1, 0)
    assert bestelling.status == BestellingStatus.CONCEPT
    assert (bestelling.besteller_id, bestelling.aanvrager, bestelling.kostenplaats) == (
        licentie.organisatie_id,
        "worker",
        "KP-12",
    )
    assert (regel.aanbieding_id, regel.aantal, regel.actie) == (licentie.aanbieding_id, 10, Actie.VERLENGEN)


def test_no_renewal_order_when_the_contract_allows_no_further_renewal_or_renews_itself():
    laatste = licentie_met_contract(einddatum=EINDE, automatisch_verlengen=False, max_verlengingen=0)
    automatisch = licentie_met_contract(einddatum=EINDE)

    with on(OPZEGDATUM - datetime.timedelta(days=180)):
        result = run(timezone.localdate())

    assert (result.herinneringen, result.verlengingsbestellingen) == (2, 0)
    assert not renewal_orders(laatste).exists()
    assert not renewal_orders(automatisch).exists()


def test_two_years_day_by_day_three_reminders_per_licence_per_period(reminders):
    """12-month contracts with 90 days' notice from 2026-01-01: one renewing automatically, one
    renewed by hand (which nobody renews: it expires), one cancelled; the clock moves a day at
    a time over two years and the job runs every night."""
    start = datetime.date(2026, 1, 1)
    with time_machine.travel(datetime.datetime(2025, 12, 31, 12, tzinfo=datetime.UTC), tick=False) as clock:
        automatisch = licentie_met_contract(einddatum=EINDE)
        handmatig = licentie_met_contract(einddatum=EINDE, automatisch_verlengen=False)
        opgezegd = licentie_met_contract(einddatum=EINDE, status=LicentieStatus.OPGEZEGD)
        for offset in range(730):
            clock.move_to(
                datetime.datetime.combine(start + datetime.timedelta(days=offset), datetime.time(1))
            )
            services.nachtelijke_licentieverwerking()

    periods = Counter((uuid, einddatum) for uuid, _, einddatum in reminders(periods=True))
    assert periods == {
        (str(automatisch.uuid), datetime.date(2027, 1, 1)): 3,
        (str(automatisch.uuid), datetime.date(2028, 1, 1)): 3,
        (str(handmatig.uuid), datetime.date(2027, 1, 1)): 3,
    }
    stages = Counter(stage for _, stage, _ in reminders(periods=True))
    assert stages == {"180": 3, "90": 3, "30": 3}
    automatisch.refresh_from_db()
    handmatig.refresh_from_db()
    opgezegd.refresh_from_db()
    assert (automatisch.status, automatisch.einddatum, automatisch.aantal_verlengingen) == (
        "actief",
        datetime.date(2028, 1, 1),
        1,
    )
    assert (handmatig.status, opgezegd.status) == ("verlopen", "beeindigd")
    assert renewal_orders(handmatig).count() == 1
    assert not renewal_orders(automatisch).exists()
