"""Delivering notifications: retried with exponential backoff until the configured horizon; and
reporting those that are late."""

from __future__ import annotations

import structlog
from asgiref.sync import sync_to_async
from django.conf import settings
from procrastinate import BaseRetryStrategy, RetryDecision
from procrastinate.contrib.django import app

from softwarebroker.core.tasks import closes_connections, forget_earlier_runs

from . import overdue

logger = structlog.get_logger(__name__)

FIRST_WAIT_SECONDS = 2
MAX_WAIT_SECONDS = 3600


def wait_before(attempt: int) -> int:
    """Seconds before retry number ``attempt`` (1, 2, ...): 2, 4, 8, ... up to an hour."""
    return min(settings.NOTIFICATIONS_FIRST_RETRY_SECONDS * 2 ** (attempt - 1), MAX_WAIT_SECONDS)


class UntilHorizon(BaseRetryStrategy):
    """Retry with exponential backoff while the waits so far stay within
    ``NOTIFICATIONS_RETRY_HOURS``; after that the job fails for good (visible in the admin)."""

    def get_retry_decision(self, *, exception, job):
        attempt = job.attempts + 1
        waited = sum(wait_before(number) for number in range(1, attempt + 1))
        if waited > settings.NOTIFICATIONS_RETRY_HOURS * 3600:
            logger.error("notification_given_up", job_id=job.id, attempts=attempt)
            return None
        return RetryDecision(retry_in={"seconds": wait_before(attempt)})


# The registered name (overdue.NOTIFICATION_TASK) and the parameter names are stored with every
# queued job: they stay.
@app.task(name=overdue.NOTIFICATION_TASK, retry=UntilHorizon(), pass_context=False)
@closes_connections
def send_notification(bericht: dict, headers: dict | None = None) -> None:
    from notifications_api_common.models import NotificationsConfig

    client = NotificationsConfig.get_client()
    if client is None:
        raise RuntimeError("Geen Notificaties API geconfigureerd")
    with client:
        response = client.post(
            "notificaties", json=bericht, timeout=settings.NOTIFICATIONS_TIMEOUT, headers=headers or {}
        )
        response.raise_for_status()
    logger.info("notification_sent", kanaal=bericht["kanaal"], hoofd_object=bericht["hoofdObject"])


@app.periodic(cron="*/5 * * * *")
@app.task(
    name="softwarebroker.notificaties.tasks.te_late_notificaties_melden",
    queueing_lock="softwarebroker.notificaties.tasks.te_late_notificaties_melden",
    pass_context=True,
)
async def report_overdue_notifications(context, timestamp: int) -> int:
    """Every 5 minutes: log each notification not delivered within ``NOTIFICATIONS_ALERT_MINUTES``
    (``notification_overdue``, level error), for the alerts on the log."""
    count = await sync_to_async(closes_connections(overdue.report), thread_sensitive=False)()
    await forget_earlier_runs(context)
    return count
