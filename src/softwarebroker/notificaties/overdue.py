"""Notifications that are late: not delivered ``NOTIFICATIONS_ALERT_MINUTES`` after their change.

A notification job is overdue when it was queued (its ``deferred`` event) longer ago than that
and is still ``todo`` (waiting, or retried after failed attempts), ``doing`` (being sent, or
stuck) or ``failed`` (given up after ``NOTIFICATIONS_RETRY_HOURS``, until someone retries it in
the admin). Three places show them: the worker's log (:func:`report`, every 5 minutes), the
readiness probe's ``waarschuwingen`` (:func:`readiness_warnings`) and the admin's filter
*Te laat* on the procrastinate jobs.
"""

from __future__ import annotations

import datetime

import structlog
from django.conf import settings
from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone
from procrastinate.contrib.django.models import ProcrastinateEvent, ProcrastinateJob

logger = structlog.get_logger(__name__)

# The name the delivery task (tasks.send_notification) is registered under; stored with every
# queued job, it stays.
NOTIFICATION_TASK = "softwarebroker.notificaties.tasks.verstuur_notificatie"
UNFINISHED = ("todo", "doing", "failed")
LOGGED_PER_REPORT = 20
SHOWN_IN_READINESS = 10


def overdue_jobs() -> QuerySet:
    """The overdue notification jobs, oldest first, each with ``since``: when it was queued."""
    cutoff = timezone.now() - datetime.timedelta(minutes=settings.NOTIFICATIONS_ALERT_MINUTES)
    queued_at = ProcrastinateEvent.objects.filter(job=OuterRef("pk"), type="deferred").values("at")[:1]
    return (
        ProcrastinateJob.objects.filter(task_name=NOTIFICATION_TASK, status__in=UNFINISHED)
        .annotate(since=Subquery(queued_at))
        .filter(since__lt=cutoff)
        .order_by("since", "id")
    )


def report() -> int:
    """Log the overdue notifications (the oldest ``LOGGED_PER_REPORT`` one by one, and their
    number); returns that number."""
    jobs = overdue_jobs()
    count = jobs.count()
    if not count:
        return 0
    for job in jobs[:LOGGED_PER_REPORT]:
        bericht = (job.args or {}).get("bericht") or {}
        logger.error(
            "notification_overdue",
            job_id=job.id,
            status=job.status,
            kanaal=bericht.get("kanaal"),
            hoofd_object=bericht.get("hoofdObject"),
            resource_url=bericht.get("resourceUrl"),
            queued_at=job.since.isoformat(),
            attempts=job.attempts,
        )
    logger.error("notifications_overdue", count=count, alert_minutes=settings.NOTIFICATIONS_ALERT_MINUTES)
    return count


def readiness_warnings() -> list[dict]:
    """A warning for the readiness probe while notifications are overdue. The probe is not
    authenticated: it names the jobs (for the admin), not the objects."""
    jobs = overdue_jobs()
    count = jobs.count()
    if not count:
        return []
    oldest = list(jobs.values_list("id", "since")[:SHOWN_IN_READINESS])
    minutes = settings.NOTIFICATIONS_ALERT_MINUTES
    return [
        {
            "code": "notificaties_te_laat",
            "detail": f"{count} notificatie(s) na meer dan {minutes} minuten niet afgeleverd; "
            "zie de beheeromgeving, Procrastinate > Jobs, filter Te laat.",
            "aantal": count,
            "jobs": [job_id for job_id, _ in oldest],
            "oudsteSinds": oldest[0][1].isoformat().replace("+00:00", "Z"),
        }
    ]
