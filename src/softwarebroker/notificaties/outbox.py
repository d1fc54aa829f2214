"""Changes become notifications without loss: the job is written in the change's transaction.

:func:`enqueue` is subscribed to :mod:`softwarebroker.core.events`, which services call inside
the transaction of every change. Deferring the procrastinate job there means the job exists
exactly when the change does: a rolled-back change leaves no job, a committed one always has
its job. The worker delivers it (:mod:`.tasks`), retrying until it succeeds.
"""

from __future__ import annotations

import structlog
from django.utils import timezone
from notifications_api_common.models import NotificationsConfig

from softwarebroker.api.propagation import outgoing_headers
from softwarebroker.core.events import Event

from .urls import url_of

logger = structlog.get_logger(__name__)

# Our event actions -> the Notificaties API's `actie`.
ACTIES = {"create": "create", "update": "update", "destroy": "destroy", "status": "create"}


def kenmerken(event: Event) -> dict:
    hoofd = event.hoofd_object
    if event.kanaal == "bestellingen":
        return {
            "besteller": hoofd.besteller.oin,
            # An order of a peer's offers names the peer's supplier.
            "leverancier": url_of(hoofd.leverancier) if hoofd.leverancier_id else hoofd.leverancier_url,
            "status": hoofd.status,
        }
    if event.kanaal == "aanbiedingen":
        return {
            "leverancier": url_of(hoofd.leverancier),
            "softwarepakket": url_of(hoofd.softwarepakket),
            "status": hoofd.status,
        }
    if event.kanaal == "softwarepakketten":
        return {"fabrikant": url_of(hoofd.fabrikant) if hoofd.fabrikant_id else "", "status": hoofd.status}
    if event.kanaal == "licenties":
        return {"organisatie": hoofd.organisatie.oin, "status": hoofd.status}
    return dict(event.kenmerken)


def bericht(event: Event) -> dict:
    """The standard notification message for an event."""
    return {
        "kanaal": event.kanaal,
        "hoofdObject": url_of(event.hoofd_object),
        "resource": event.resource,
        "resourceUrl": url_of(event.instance),
        "actie": ACTIES.get(event.actie, event.actie),
        "aanmaakdatum": timezone.now().isoformat().replace("+00:00", "Z"),
        "kenmerken": kenmerken(event),
    }


def configured() -> bool:
    return NotificationsConfig.get_solo().notifications_api_service_id is not None


def enqueue(event: Event) -> None:
    if not configured():
        # No Notificaties API configured (a local run, for one): there is nowhere to send to.
        logger.debug("notification_not_configured", kanaal=event.kanaal)
        return
    from .tasks import verstuur_notificatie

    message = bericht(event)
    # One lock per main object: its notifications are delivered in the order of the changes.
    verstuur_notificatie.configure(lock=message["hoofdObject"]).defer(
        bericht=message, headers=outgoing_headers()
    )
