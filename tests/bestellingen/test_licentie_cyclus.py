"""The nightly licence job: renewals, ends and expiry at the end date (idempotent)."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from notifications_api_common.models import NotificationsConfig
from zgw_consumers.constants import APITypes, AuthTypes
from zgw_consumers.models import Service

from softwarebroker.audit.models import AuditTrail
from softwarebroker.bestellingen import services
from softwarebroker.bestellingen.constants import LicentieStatus
from softwarebroker.bestellingen.models import Licentie
from softwarebroker.catalogus.models import Prijs
from softwarebroker.core import events

from .contracten import licentie_met_contract

pytestmark = pytest.mark.django_db

EINDE = datetime.date(2027, 1, 1)


class Recorder:
    """The licence events published after ``start()``, as (uuid, actie, kenmerken)."""

    def __init__(self):
        self.seen = []

    def start(self):
        self.seen.clear()

    def __call__(self):
        return [
            (str(event.instance.uuid), event.actie, event.kenmerken)
            for event in self.seen
            if event.kanaal.label == "licenties"
        ]


@pytest.fixture
def published():
    recorder = Recorder()
    events.subscribe(recorder.seen.append)
    yield recorder
    events.unsubscribe(recorder.seen.append)


def run(day):
    return services.nachtelijke_licentieverwerking(day)


def set_yearly_price(licentie, bedrag: str):
    Prijs.objects.filter(aanbieding=licentie.aanbieding, prijstype="terugkerend").update(
        bedrag_excl_btw=Decimal(bedrag)
    )


def audits_of(licentie):
    return AuditTrail.objects.filter(hoofd_object_uuid=licentie.uuid, gebruikers_id="worker")


def test_an_automatically_renewing_licence_renews_on_its_end_date_at_the_current_price(published):
    licentie = licentie_met_contract(einddatum=EINDE, indexering_plafond=Decimal("10.00"))
    set_yearly_price(licentie, "10.50")  # 10 units: 105.00, 5% more than the 100.00 paid so far
    published.start()

    assert run(EINDE - datetime.timedelta(days=1)).verlengd == 0
    result = run(EINDE)

    licentie.refresh_from_db()
    assert (result.verlengd, result.boven_plafond) == (1, 0)
    assert licentie.status == LicentieStatus.ACTIEF
    assert licentie.einddatum == datetime.date(2028, 1, 1)
    assert licentie.aantal_verlengingen == 1
    assert licentie.opzegdatum == datetime.date(2028, 1, 1) - datetime.timedelta(days=90)
    assert licentie.bedrag_per_jaar_excl_btw == Decimal("105.00")
    assert licentie.indexering_boven_plafond is False
    entry = audits_of(licentie).get()
    assert entry.oud["einddatum"] == "2027-01-01"
    assert entry.nieuw["einddatum"] == "2028-01-01"
    assert entry.bron and entry.organisatie_id == licentie.organisatie_id
    assert published() == [
        (str(licentie.uuid), "update", {"organisatie": licentie.organisatie.oin, "status": "actief"})
    ]


@pytest.mark.parametrize(
    ("indexering", "percentage", "plafond", "boven"),
    [
        ("cpi", None, Decimal("3.00"), True),
        ("cpi", None, None, False),  # no cap
        ("vast", Decimal("2.00"), None, True),  # the fixed percentage is the cap
        ("vast", Decimal("2.00"), Decimal("6.00"), False),
        ("geen", None, None, True),  # no indexation: any rise is above it
    ],
)
def test_a_renewal_above_the_contracts_cap_is_flagged_and_notified(
    published, indexering, percentage, plafond, boven
):
    licentie = licentie_met_contract(
        einddatum=EINDE, indexering=indexering, indexering_percentage=percentage, indexering_plafond=plafond
    )
    set_yearly_price(licentie, "10.50")
    published.start()

    result = run(EINDE)

    licentie.refresh_from_db()
    assert licentie.bedrag_per_jaar_excl_btw == Decimal("105.00")
    assert licentie.indexering_boven_plafond is boven
    assert result.boven_plafond == int(boven)
    [(_, _, kenmerken)] = published()
    assert kenmerken.get("indexeringBovenPlafond") == ("true" if boven else None)


def test_missed_periods_are_renewed_until_the_end_date_lies_ahead():
    licentie = licentie_met_contract(einddatum=EINDE, verlengingstermijn_maanden=6)

    result = run(datetime.date(2028, 2, 15))

    licentie.refresh_from_db()
    assert result.verlengd == 1
    assert (licentie.einddatum, licentie.aantal_verlengingen) == (datetime.date(2028, 7, 1), 3)
    assert audits_of(licentie).count() == 1


def test_a_licence_that_may_not_renew_any_more_expires_after_its_end_date():
    laatste = licentie_met_contract(einddatum=EINDE, max_verlengingen=1)
    Licentie.objects.filter(pk=laatste.pk).update(aantal_verlengingen=1)

    on_the_end_date = run(EINDE)
    day_after = run(EINDE + datetime.timedelta(days=1))

    laatste.refresh_from_db()
    assert (on_the_end_date.verlengd, on_the_end_date.verlopen) == (0, 0)
    assert (day_after.verlengd, day_after.verlopen) == (0, 1)
    assert (laatste.status, laatste.einddatum) == (LicentieStatus.VERLOPEN, EINDE)


def test_a_renewal_never_goes_past_the_latest_end_date():
    # 12 months plus at most one renewal of 12: the latest end date is a year after EINDE.
    licentie = licentie_met_contract(einddatum=EINDE, max_verlengingen=1)

    run(datetime.date(2029, 6, 1))

    licentie.refresh_from_db()
    assert licentie.uiterste_einddatum == datetime.date(2028, 1, 1)
    assert (licentie.einddatum, licentie.aantal_verlengingen) == (datetime.date(2028, 1, 1), 1)
    assert licentie.status == LicentieStatus.VERLOPEN


def test_a_cancelled_licence_ends_on_its_end_date(published):
    opgezegd = licentie_met_contract(einddatum=EINDE, status=LicentieStatus.OPGEZEGD)
    published.start()

    assert run(EINDE - datetime.timedelta(days=1)).beeindigd == 0
    assert run(EINDE).beeindigd == 1

    opgezegd.refresh_from_db()
    assert (opgezegd.status, opgezegd.einddatum, opgezegd.aantal_verlengingen) == ("beeindigd", EINDE, 0)
    assert [item[2]["status"] for item in published()] == ["beeindigd"]


def test_a_licence_without_automatic_renewal_expires_the_day_after_its_end_date():
    handmatig = licentie_met_contract(einddatum=EINDE, automatisch_verlengen=False, opzegtermijn_dagen=0)

    assert run(EINDE).verlopen == 0
    assert run(EINDE + datetime.timedelta(days=1)).verlopen == 1

    handmatig.refresh_from_db()
    assert handmatig.status == LicentieStatus.VERLOPEN
    assert audits_of(handmatig).get().nieuw["status"] == "verlopen"


def notification_jobs() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM procrastinate_jobs WHERE task_name LIKE '%verstuur_notificatie'")
        return cursor.fetchone()[0]


@pytest.fixture
def notifications_configured():
    config = NotificationsConfig.get_solo()
    config.notifications_api_service = Service.objects.create(
        label="Notificaties API",
        slug="notificaties-api",
        api_type=APITypes.nrc,
        api_root="http://notificaties.example.org/api/v1/",
        auth_type=AuthTypes.no_auth,
    )
    config.save()


def test_a_second_run_the_same_day_changes_and_writes_nothing(notifications_configured):
    verlengt = licentie_met_contract(einddatum=EINDE)
    licentie_met_contract(einddatum=EINDE, status=LicentieStatus.OPGEZEGD)
    licentie_met_contract(einddatum=EINDE - datetime.timedelta(days=31), automatisch_verlengen=False)
    licentie_met_contract(einddatum=EINDE + datetime.timedelta(days=100), automatisch_verlengen=False)
    Licentie.objects.filter(pk=verlengt.pk).update(max_verlengingen=0)  # expires tomorrow
    day = EINDE + datetime.timedelta(days=1)
    jobs_before, audits_before = notification_jobs(), AuditTrail.objects.count()

    first = run(day)
    jobs_after_first, audits_after_first = notification_jobs(), AuditTrail.objects.count()
    second = run(day)

    # Expired, ended, expired; a reminder (10 days to its opzegdatum) with a concept renewal order.
    assert (first.verlopen, first.beeindigd, first.herinneringen, first.verlengingsbestellingen) == (
        2,
        1,
        1,
        1,
    )
    assert jobs_after_first - jobs_before == 3 + 1 + 1  # three changes, a reminder, the order
    assert audits_after_first - audits_before == 3 + 1
    assert second.wijzigingen == 0
    assert (notification_jobs(), AuditTrail.objects.count()) == (jobs_after_first, audits_after_first)


def test_the_job_works_through_batches_in_a_consistent_order():
    licenties = [licentie_met_contract(einddatum=EINDE) for _ in range(5)]

    result = services.nachtelijke_licentieverwerking(EINDE, batch_size=2)

    assert result.verlengd == 5
    assert set(
        Licentie.objects.filter(pk__in=[item.pk for item in licenties]).values_list("einddatum", flat=True)
    ) == {datetime.date(2028, 1, 1)}
