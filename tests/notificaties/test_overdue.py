"""A notification not delivered within NOTIFICATIONS_ALERT_MINUTES is reported: in the worker's
log (level error), in the readiness probe's warnings (still 200) and in the admin's job list
(filter Te laat)."""

import contextlib
import time
from types import SimpleNamespace

import pytest
from django.db import connection
from procrastinate.exceptions import AlreadyEnqueued

from softwarebroker.notificaties.tasks import report_overdue_notifications
from tests.notificaties.support import jobs_about
from tests.worker import run_worker

pytestmark = pytest.mark.django_db(transaction=True)

CHANGELIST = "/admin/procrastinate/procrastinatejob/"


def queued_ago(job_id: int, minutes: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE procrastinate_events SET at = now() - make_interval(mins => %s) "
            "WHERE job_id = %s AND type = 'deferred'",
            [minutes, job_id],
        )


@pytest.fixture
def late(partijen, notificaties_api, own_jobs_removed, settings):
    """Three orders' notifications, the Notificaties API down: one queued 61 minutes ago (late),
    one just now, and one queued as long ago that was delivered. The late order, its job and the
    other two jobs."""
    settings.NOTIFICATIONS_ALERT_MINUTES = 60
    bestelling, recent, delivered = (partijen.bestelling(aantal=aantal) for aantal in (1, 2, 3))
    (late_job,), (recent_job,), (delivered_job,) = (jobs_about(b) for b in (bestelling, recent, delivered))
    queued_ago(late_job["id"], 61)
    queued_ago(delivered_job["id"], 61)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE procrastinate_jobs SET status = 'succeeded' WHERE id = %s", [delivered_job["id"]]
        )
    return SimpleNamespace(
        bestelling=bestelling,
        job=late_job["id"],
        recent_job=recent_job["id"],
        delivered_job=delivered_job["id"],
    )


def test_the_worker_logs_each_late_notification_as_an_error(late, log_events):
    with contextlib.suppress(AlreadyEnqueued):
        report_overdue_notifications.defer(timestamp=int(time.time()))
    run_worker()

    overdue = [event for event in log_events if event["event"] == "notification_overdue"]
    assert [event["job_id"] for event in overdue] == [late.job]
    assert overdue[0]["level"] == "error"
    assert overdue[0]["kanaal"] == "bestellingen"
    assert overdue[0]["hoofd_object"].endswith(f"/bestellingen/{late.bestelling.uuid}")
    assert overdue[0]["status"] == "todo"
    (summary,) = [event for event in log_events if event["event"] == "notifications_overdue"]
    assert summary["level"] == "error" and summary["count"] == 1


def test_readiness_reports_late_notifications_as_a_warning_and_stays_ready(late, anonymous_client):
    response = anonymous_client.get("/_healthz/readyz")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    (warning,) = body["waarschuwingen"]
    assert warning["code"] == "notificaties_te_laat"
    assert warning["aantal"] == 1
    assert warning["jobs"] == [late.job]
    assert warning["oudsteSinds"].endswith("Z")
    assert str(late.bestelling.uuid) not in response.content.decode()  # the probe is public: no objects


def test_readiness_has_no_warning_once_the_late_notification_is_delivered(late, anonymous_client):
    with connection.cursor() as cursor:
        cursor.execute("UPDATE procrastinate_jobs SET status = 'succeeded' WHERE id = %s", [late.job])

    assert anonymous_client.get("/_healthz/readyz").json()["waarschuwingen"] == []


def test_a_failed_notification_stays_late_until_it_is_delivered(late, anonymous_client):
    with connection.cursor() as cursor:
        cursor.execute("UPDATE procrastinate_jobs SET status = 'failed' WHERE id = %s", [late.job])

    assert anonymous_client.get("/_healthz/readyz").json()["waarschuwingen"][0]["jobs"] == [late.job]


def test_the_admin_lists_the_late_notifications(late, admin_client):
    everything = admin_client.get(CHANGELIST).content.decode()
    page = admin_client.get(CHANGELIST, {"te_laat": "ja"}).content.decode()

    assert "Notificaties te laat" in everything  # the filter is offered
    assert all(f">{job}<" in everything for job in (late.job, late.recent_job, late.delivered_job))
    assert f">{late.job}<" in page
    assert f">{late.recent_job}<" not in page and f">{late.delivered_job}<" not in page
