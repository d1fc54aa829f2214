"""The single hook where catalogue changes become events (kanalen ``softwarepakketten`` and
``aanbiedingen``).

Services call :func:`publish` inside the transaction of the change. Handlers registered with
:func:`subscribe` run in that transaction too, so a handler that writes an outbox row (the
notifications work) can never lose an event or publish one for a change that was rolled back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction

SOFTWAREPAKKETTEN = "softwarepakketten"
AANBIEDINGEN = "aanbiedingen"


@dataclass(frozen=True)
class Event:
    kanaal: str
    actie: str  # create, update, destroy, status
    resource: str  # model name, e.g. "prijs"
    hoofd_object: object  # the main object (softwarepakket or aanbieding)
    instance: object


_handlers: list[Callable[[Event], None]] = []


def subscribe(handler: Callable[[Event], None]) -> None:
    if handler not in _handlers:
        _handlers.append(handler)


def unsubscribe(handler: Callable[[Event], None]) -> None:
    if handler in _handlers:
        _handlers.remove(handler)


def publish(*, kanaal: str, actie: str, instance, hoofd_object=None) -> Event:
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("Catalogue events are published inside the transaction of their change")
    event = Event(
        kanaal=kanaal,
        actie=actie,
        resource=instance._meta.model_name,
        hoofd_object=hoofd_object or instance,
        instance=instance,
    )
    for handler in list(_handlers):
        handler(event)
    return event
