"""The soak's database checks (benchmarks/soak/checks.py) on a small database: orders made and
walked through the services as the soak's clients make them, their notifications delivered by
the real worker to a local stand-in. A consistent run passes every check; each kind of damage
the soak is there to find fails the check meant for it."""

from __future__ import annotations

import collections
import time
from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.utils import timezone
from notifications_api_common.models import NotificationsConfig
from zgw_consumers.constants import APITypes, AuthTypes
from zgw_consumers.models import Service

from benchmarks.soak import checks
from softwarebroker.bestellingen import services
from softwarebroker.bestellingen.models import Bestelling, Bestelregel, Statuswijziging
from softwarebroker.notificaties.overdue import NOTIFICATION_TASK
from tests.bestellingen.helpers import Partijen
from tests.notificaties.support import NotificatiesAPI, free_port
from tests.worker import close_worker_connections, run_worker

RUN = "SOAK-test"
LAST_NOTIFICATION = f"SELECT max(id) FROM procrastinate_jobs WHERE task_name = '{NOTIFICATION_TASK}'"


@pytest.fixture
def stand_in(transactional_db, settings):
    """A local stand-in for the Notificaties API that accepts everything (not configured yet)."""
    settings.NOTIFICATIONS_FIRST_RETRY_SECONDS = 1
    api = NotificatiesAPI(free_port())
    api.start()
    yield api
    api.stop()
    close_worker_connections()


def _configure(api: NotificatiesAPI) -> None:
    config = NotificationsConfig.get_solo()
    config.notifications_api_service = Service.objects.create(
        label="Notificaties API",
        slug="notificaties-api",
        api_type=APITypes.nrc,
        api_root=f"http://127.0.0.1:{api.port}/api/v1/",
        auth_type=AuthTypes.no_auth,
    )
    config.save()


def _last_job() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT coalesce(max(id), 0) FROM procrastinate_jobs")
        return cursor.fetchone()[0]


@pytest.fixture
def soak(stand_in):
    """Two orders of the run as the soak's clients make them, what the clients were told (the
    writes log) and what the stand-in received, after the worker delivered everything."""
    partijen = Partijen()  # the catalogue and the parties are there before the soak starts
    _configure(stand_in)
    first_job, since = _last_job(), timezone.now()
    writes = []

    def create(aantal: int) -> Bestelling:
        bestelling = services.create_bestelling(
            acting=partijen.afnemer,
            besteller=partijen.organisatie,
            kostenplaats=RUN,
            regels=[{"aanbieding": partijen.aanbieding, "aantal": aantal}] * 2,
        )
        writes.append({"bestelling": str(bestelling.uuid), "naar": "concept"})
        return bestelling

    def change(bestelling: Bestelling, acting, naar: str, **extra) -> None:
        services.change_status(acting=acting, bestelling=bestelling, naar=naar, **extra)
        writes.append({"bestelling": str(bestelling.uuid), "naar": naar})

    def assess(bestelling: Bestelling, besluit: str, naar: str, toelichting: str = "") -> None:
        services.create_beoordeling(
            acting=partijen.budgethouder, bestelling=bestelling, besluit=besluit, toelichting=toelichting
        )
        writes.append({"bestelling": str(bestelling.uuid), "naar": naar})

    delivered = create(12)
    change(delivered, partijen.afnemer, "ter_goedkeuring")
    assess(delivered, "aanvulling_gevraagd", "concept", "Graag toelichten.")
    change(delivered, partijen.afnemer, "ter_goedkeuring")
    assess(delivered, "goedgekeurd", "ingediend")
    change(delivered, partijen.leverancier, "geaccepteerd")
    change(delivered, partijen.leverancier, "in_behandeling")
    for regel in delivered.regels.order_by("volgnummer"):
        services.create_levering(
            acting=partijen.leverancier, bestelling=delivered, regel=regel, type="licentiesleutel", geheim="X"
        )
        writes.append({"bestelling": str(delivered.uuid), "levering": regel.volgnummer})
    change(delivered, partijen.leverancier, "geleverd")
    rejected = create(60)  # the tier from 50 units
    change(rejected, partijen.afnemer, "ter_goedkeuring")
    assess(rejected, "afgewezen", "afgewezen", "Past niet in de begroting.")

    jobs = len(checks.notification_jobs(first_job))
    deadline = time.monotonic() + 30
    while len(stand_in.received) < jobs and time.monotonic() < deadline:
        run_worker()
    received = collections.Counter(
        (message["hoofdObject"], message["resourceUrl"], message["actie"]) for message in stand_in.received
    )
    return {"run": RUN, "first_job": first_job, "since": since, "writes": writes, "received": received}


def failing(soak, **changed) -> list[str]:
    return [check.name for check in checks.check(**{**soak, **changed}) if not check.ok]


@pytest.mark.django_db(transaction=True)
def test_a_consistent_run_passes_every_check(soak):
    results = {check.name: check for check in checks.check(**soak)}

    assert [name for name, check in results.items() if not check.ok] == []
    details = [check.detail for check in results.values()]
    assert "2 created, 2 in the database; 0 missing, 0 unknown" in details
    assert "9 status changes of 2 orders; 0 orders differ" in details
    assert "2 acknowledged, 2 in the database" in details
    assert "4 lines of 2 orders; 0 lines and 0 orders differ" in details
    # Orders: 2 created, 9 status changes, 2 deliveries. Licences: 2 requested at each of the 3
    # submissions, 2 taken back when sent back, 2 activated at delivery, 2 ended when rejected.
    # One use of the delivered package.
    notifications = next(check for name, check in results.items() if name.startswith("every change"))
    assert notifications.detail.startswith("26 audit entries, 26 notification jobs;")


@pytest.mark.django_db(transaction=True)
def test_what_the_clients_were_told_must_be_in_the_database(soak):
    writes = soak["writes"]
    extra_transition = [*writes, {"bestelling": writes[0]["bestelling"], "naar": "geannuleerd"}]
    unknown_order = [write for write in writes if write["bestelling"] != writes[0]["bestelling"]]
    extra_delivery = [*writes, {"bestelling": writes[0]["bestelling"], "levering": 3}]

    assert failing(soak, writes=extra_transition) == [checks.HISTORY]
    assert "orders the clients created are in the database, and no others" in failing(
        soak, writes=unknown_order
    )
    assert failing(soak, writes=extra_delivery) == [
        "every acknowledged delivery is in the database, and no other"
    ]


@pytest.mark.django_db(transaction=True)
def test_a_notification_lost_or_undelivered_fails(soak):
    received = collections.Counter(soak["received"])
    received[next(iter(received))] -= 1

    assert failing(soak, received=received) == ["the Notificaties API received each notification once"]
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM procrastinate_jobs WHERE id = ({LAST_NOTIFICATION})")
        assert failing(soak) == [
            "every change (audit entry) has exactly one notification job, and every job its change",
            "the Notificaties API received each notification once",
        ]
        transaction.set_rollback(True)
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE procrastinate_jobs SET status = 'failed' WHERE id = ({LAST_NOTIFICATION})"
            )
        assert failing(soak) == ["every notification job was delivered"]
        transaction.set_rollback(True)


@pytest.mark.django_db(transaction=True)
def test_a_status_change_without_its_statuswijziging_fails(soak):
    with transaction.atomic():
        Statuswijziging.objects.filter(bestelling__kostenplaats=RUN).order_by("-id").first().delete()

        assert failing(soak) == [
            checks.HISTORY,
            "every Statuswijziging has exactly one audit entry",
        ]
        transaction.set_rollback(True)


@pytest.mark.django_db(transaction=True)
def test_totals_that_are_not_the_sum_of_the_lines_fail(soak):
    with transaction.atomic():
        Bestelling.objects.filter(kostenplaats=RUN, status="afgewezen").update(totaal_btw=Decimal("0.01"))

        assert failing(soak) == [
            "the run's lines are priced as the service prices them, its orders total their lines",
            "every order's totals equal the sum of its lines (the whole table)",
        ]
        transaction.set_rollback(True)
    with transaction.atomic():
        # A line priced at the base price although it reached the tier: its order's totals agree.
        regel = Bestelregel.objects.filter(bestelling__kostenplaats=RUN, aantal=60).first()
        Bestelregel.objects.filter(pk=regel.pk).update(bedrag_per_jaar_excl_btw=Decimal("600.00"))
        bestelling = regel.bestelling
        Bestelling.objects.filter(pk=bestelling.pk).update(
            totaal_per_jaar_excl_btw=bestelling.totaal_per_jaar_excl_btw
            - regel.bedrag_per_jaar_excl_btw
            + 600
        )

        assert failing(soak) == [
            "the run's lines are priced as the service prices them, its orders total their lines"
        ]
        transaction.set_rollback(True)
