"""The single hook where changes become events.

Services call :func:`publish` with ``(kanaal, instance, actie)`` inside the transaction of
the change. The kanaal is the app's declaration (its ``kanalen.py``): it names the main
resource and computes the kenmerken, so nothing downstream computes them again. Handlers
registered with :func:`subscribe` run in that transaction too, so a handler that queues a
job (the notifications outbox) can never lose an event or publish one for a change that was
rolled back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction


@dataclass(frozen=True)
class Event:
    kanaal: object  # a notifications-api-common ``Kanaal`` declared by the app
    actie: str  # create, update, destroy, status
    instance: object
    hoofd_object: object  # the kanaal's main resource the instance belongs to
    kenmerken: dict  # computed by the kanaal when the change is made

    @property
    def resource(self) -> str:
        return self.instance._meta.model_name


_handlers: list[Callable[[Event], None]] = []


def subscribe(handler: Callable[[Event], None]) -> None:
    if handler not in _handlers:
        _handlers.append(handler)


def unsubscribe(handler: Callable[[Event], None]) -> None:
    if handler in _handlers:
        _handlers.remove(handler)


def main_object(kanaal, instance):
    """The kanaal's main resource that ``instance`` is (or belongs to, by its foreign key)."""
    main_resource = kanaal.main_resource
    if isinstance(instance, main_resource):
        return instance
    for field in instance._meta.concrete_fields:
        if field.many_to_one and field.related_model is main_resource:
            return getattr(instance, field.name)
    raise LookupError(f"A {instance._meta.model_name} does not belong to kanaal {kanaal.label}")


def publish(kanaal, instance, actie: str) -> Event:
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("Events are published inside the transaction of their change")
    main = main_object(kanaal, instance)
    event = Event(
        kanaal=kanaal, actie=actie, instance=instance, hoofd_object=main, kenmerken=kanaal.get_kenmerken(main)
    )
    for handler in list(_handlers):
        handler(event)
    return event
