"""Changes become notifications without loss: the job is written in the change's transaction.

:func:`enqueue` is subscribed to :mod:`softwarebroker.core.events`, which services call inside
the transaction of every change. Deferring the procrastinate job there means the job exists
exactly when the change does: a rolled-back change leaves no job, a committed one always has
its job. The worker delivers it (:mod:`.tasks`), retrying until it succeeds. The kenmerken
were computed by the kanaal the app declared (its ``kanalen.py``) when the change was made.
"""

from __future__ import annotations

import structlog
from django.db.models import F
from django.utils import timezone
from notifications_api_common.models import NotificationsConfig

from softwarebroker.api import compiled_reads
from softwarebroker.api.compiled_reads import AnyOf
from softwarebroker.api.propagation import outgoing_headers
from softwarebroker.api.resources import url_of
from softwarebroker.core.events import Event

logger = structlog.get_logger(__name__)

# Our event actions -> the Notificaties API's `actie`.
ACTIES = {"create": "create", "update": "update", "destroy": "destroy", "status": "create"}


def compose_bericht(event: Event) -> dict:
    """The standard notification message for an event."""
    return {
        "kanaal": event.kanaal.label,
        "hoofdObject": url_of(event.hoofd_object),
        "resource": event.resource,
        "resourceUrl": url_of(event.instance),
        "actie": ACTIES.get(event.actie, event.actie),
        "aanmaakdatum": timezone.now().isoformat().replace("+00:00", "Z"),
        "kenmerken": event.kenmerken,
    }


def configured() -> bool:
    """Is a Notificaties API configured? Asked for every event, so one column is read, by a
    statement compiled once (not ``get_solo()``, which reads the whole row into a model and
    writes it when it is missing: a missing row is a configuration without a service)."""
    found = compiled_reads.rows(
        ("notificaties", "configured"),
        lambda keys: NotificationsConfig.objects.filter(AnyOf(F("pk"), keys)).values_list(
            "notifications_api_service_id"
        ),
        [NotificationsConfig.singleton_instance_id],
    )
    return bool(found) and found[0][0] is not None


def enqueue(event: Event) -> None:
    if not configured():
        # No Notificaties API configured (a local run, for one): there is nowhere to send to.
        logger.debug("notification_not_configured", kanaal=event.kanaal.label)
        return
    from .tasks import send_notification

    message = compose_bericht(event)
    # One lock per main object: its notifications are delivered in the order of the changes.
    send_notification.configure(lock=message["hoofdObject"]).defer(
        bericht=message, headers=outgoing_headers()
    )


def enqueue_many(events: list[Event]) -> None:
    """What :func:`enqueue` does for each event, in one statement (a nightly job's thousands)."""
    if not configured():
        logger.debug("notification_not_configured", count=len(events))
        return
    from .tasks import send_notification

    headers = outgoing_headers()
    jobs, job_manager = [], None
    for event in events:
        message = compose_bericht(event)
        deferrer = send_notification.configure(lock=message["hoofdObject"])
        jobs.append(deferrer.make_new_job(bericht=message, headers=headers))
        job_manager = deferrer.job_manager
    if jobs:
        job_manager.batch_defer_jobs(jobs=jobs)
