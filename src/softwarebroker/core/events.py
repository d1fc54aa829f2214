"""The single hook where changes become events, per kanaal (``softwarepakketten``,
``aanbiedingen``, ``bestellingen``).

Services call :func:`publish` inside the transaction of the change. Handlers registered with
:func:`subscribe` run in that transaction too, so a handler that writes an outbox row (the
notifications work) can never lose an event or publish one for a change that was rolled back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction


@dataclass(frozen=True)
class Event:
    kanaal: str
    actie: str  # create, update, destroy, status
    resource: str  # model name, e.g. "prijs"
    hoofd_object: object  # the main object (softwarepakket, aanbieding, bestelling)
    instance: object
    kenmerken: dict = field(default_factory=dict)  # e.g. the order's besteller, leverancier, status


_handlers: list[Callable[[Event], None]] = []


def subscribe(handler: Callable[[Event], None]) -> None:
    if handler not in _handlers:
        _handlers.append(handler)


def unsubscribe(handler: Callable[[Event], None]) -> None:
    if handler in _handlers:
        _handlers.remove(handler)


def publish(*, kanaal: str, actie: str, instance, hoofd_object=None, kenmerken: dict | None = None) -> Event:
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("Events are published inside the transaction of their change")
    event = Event(
        kanaal=kanaal,
        actie=actie,
        resource=instance._meta.model_name,
        hoofd_object=hoofd_object or instance,
        instance=instance,
        kenmerken=kenmerken or {},
    )
    for handler in list(_handlers):
        handler(event)
    return event
