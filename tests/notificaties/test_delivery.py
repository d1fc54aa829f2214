"""Notifications are enqueued with the change and delivered by the real worker, also after an
outage of the Notificaties API (a local HTTP server that is down, then up)."""

import datetime
import time

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from softwarebroker.bestellingen import services
from tests.bestellingen.helpers import Partijen
from tests.notificaties.support import jobs
from tests.worker import run_worker


@pytest.fixture
def licenties(transactional_db):
    """A licence whose opzegdatum is 20 days away and one whose is 170 days away, made before the
    Notificaties API is configured."""
    from tests.bestellingen.contracten import licentie_met_contract

    today = timezone.localdate()
    bijna = licentie_met_contract(einddatum=today + datetime.timedelta(days=50), opzegtermijn_dagen=30)
    licentie_met_contract(einddatum=today + datetime.timedelta(days=400), opzegtermijn_dagen=30)
    return bijna


@pytest.mark.django_db(transaction=True)
def test_notifications_survive_an_outage_and_arrive_in_order(partijen, notificaties_api):
    before = len(jobs())
    bestelling = partijen.bestelling()
    services.change_status(acting=partijen.afnemer, bestelling=bestelling, naar="ter_goedkeuring")
    services.create_beoordeling(acting=partijen.budgethouder, bestelling=bestelling, besluit="goedgekeurd")
    other_bestelling = partijen.bestelling(aantal=2)
    expected = len(jobs()) - before
    assert expected == 5  # two orders, two status changes and the licence requested at submission

    run_worker()  # the Notificaties API is down: every attempt fails and is rescheduled
    assert notificaties_api.received == []
    assert {status for status, _ in jobs()[before:]} == {"todo"}

    notificaties_api.start()
    deadline = time.monotonic() + 20
    while len(notificaties_api.received) < expected and time.monotonic() < deadline:
        time.sleep(1.1)
        run_worker()

    received = notificaties_api.received
    assert len(received) == expected  # zero lost
    assert {status for status, _ in jobs()[before:]} == {"succeeded"}
    own = [item for item in received if item["hoofdObject"].endswith(str(bestelling.uuid))]
    assert [item["kenmerken"]["status"] for item in own] == ["concept", "ter_goedkeuring", "ingediend"]
    assert [item["actie"] for item in own] == ["create", "create", "create"]
    assert [item["resource"] for item in own] == ["bestelling", "statuswijziging", "statuswijziging"]
    first = own[0]
    assert first["path"] == "/api/v1/notificaties"
    assert first["kanaal"] == "bestellingen"
    assert first["resourceUrl"] == first["hoofdObject"]
    assert first["kenmerken"]["besteller"] == partijen.organisatie.oin
    assert first["hoofdObject"].startswith(f"{settings.PUBLIC_URL}/bestellingen/api/v1/bestellingen/")
    assert own[1]["resourceUrl"].startswith(f"{first['hoofdObject']}/statuswijzigingen/")
    assert first["aanmaakdatum"].endswith("Z")
    assert any(item["hoofdObject"].endswith(str(other_bestelling.uuid)) for item in received)


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_change_enqueues_nothing(partijen, notificaties_api):
    before = len(jobs())

    with pytest.raises(RuntimeError), transaction.atomic():
        partijen.bestelling()
        assert len(jobs()) == before + 1  # enqueued in the transaction of the change ...
        raise RuntimeError("the change fails after all")

    assert len(jobs()) == before  # ... and gone with it


@pytest.mark.django_db
def test_without_a_notificaties_api_nothing_is_enqueued():
    before = len(jobs())
    Partijen().bestelling()

    assert len(jobs()) == before


@pytest.mark.django_db(transaction=True)
def test_a_reminder_before_the_opzegdatum_is_notified_once(licenties, notificaties_api):
    from softwarebroker.bestellingen.tasks import process_licenties

    bijna = licenties
    notificaties_api.start()

    for _ in range(2):
        process_licenties.defer(timestamp=int(time.time()))
        run_worker()

    licenties = [item for item in notificaties_api.received if item["kanaal"] == "licenties"]
    assert [item["hoofdObject"].rsplit("/", 1)[1] for item in licenties] == [str(bijna.uuid)]
    assert licenties[0]["actie"] == "herinnering"
    assert licenties[0]["kenmerken"] == {
        "organisatie": bijna.organisatie.oin,
        "status": "actief",
        "herinnering": "30",
    }


@pytest.mark.django_db(transaction=True)
def test_a_notification_carries_the_transaction_of_the_change(partijen, notificaties_api):
    import structlog

    notificaties_api.start()
    structlog.contextvars.bind_contextvars(fsc_transaction_id="tx-wijziging", traceparent="00-abc-def-01")
    try:
        bestelling = partijen.bestelling()
    finally:
        structlog.contextvars.unbind_contextvars("fsc_transaction_id", "traceparent")

    def sent_for_order():
        return [
            item for item in notificaties_api.received if item["hoofdObject"].endswith(str(bestelling.uuid))
        ]

    deadline = time.monotonic() + 10
    while not sent_for_order() and time.monotonic() < deadline:
        run_worker()
        time.sleep(0.2)

    sent = sent_for_order()[0]
    assert sent["headers"]["Fsc-Transaction-Id"] == "tx-wijziging"
    assert sent["headers"]["traceparent"] == "00-abc-def-01"


@pytest.mark.django_db(transaction=True)
def test_a_notification_that_failed_for_good_is_listed_and_resent_from_the_admin(
    partijen, notificaties_api, settings, admin_client
):
    settings.NOTIFICATIONS_RETRY_HOURS = 0  # the first failed attempt is the last
    before = len(jobs())
    bestelling = partijen.bestelling()

    run_worker()  # the Notificaties API is down
    assert [status for status, _ in jobs()[before:]] == ["failed"]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT max(id) FROM procrastinate_jobs WHERE task_name LIKE %s", ["%verstuur_notificatie"]
        )
        (job_id,) = cursor.fetchone()
    changelist = "/admin/procrastinate/procrastinatejob/"
    page = admin_client.get(changelist).content.decode()
    assert f">{job_id}<" in page and "verstuur_notificatie" in page

    notificaties_api.start()
    response = admin_client.post(changelist, {"action": "retry", "_selected_action": [job_id]})
    assert response.status_code == 302
    run_worker()

    assert [status for status, _ in jobs()[before:]] == ["succeeded"]
    assert [item["hoofdObject"].rsplit("/", 1)[1] for item in notificaties_api.received] == [
        str(bestelling.uuid)
    ]


@pytest.mark.django_db(transaction=True)
def test_notifications_answered_with_5xx_are_retried_until_accepted_in_order(partijen, notificaties_api):
    notificaties_api.errors_to_give = 3
    notificaties_api.start()
    before = len(jobs())
    bestelling = partijen.bestelling()
    services.change_status(acting=partijen.afnemer, bestelling=bestelling, naar="ter_goedkeuring")
    expected = len(jobs()) - before

    deadline = time.monotonic() + 20
    while len(notificaties_api.received) < expected and time.monotonic() < deadline:
        run_worker()
        time.sleep(1.1)

    assert notificaties_api.errors_to_give == 0  # every error was given, and retried past
    statuses = {}
    for item in notificaties_api.received:
        statuses.setdefault(item["kanaal"], []).append(item["kenmerken"]["status"])
    # In order per object; the licence requested at submission arrives too.
    assert statuses == {"bestellingen": ["concept", "ter_goedkeuring"], "licenties": ["aangevraagd"]}
    assert {status for status, _ in jobs()[before:]} == {"succeeded"}
