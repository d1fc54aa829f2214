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
    acting: object = None  # who made the change, when the service says (for handlers that audit)

    @property
    def resource(self) -> str:
        return self.instance._meta.model_name


_handlers: list[Callable[[Event], None]] = []
# A handler's form for many events at once (publish_many), when it has one.
_many: dict[Callable, Callable[[list[Event]], None]] = {}


def subscribe(handler: Callable[[Event], None], *, many: Callable[[list[Event]], None] | None = None) -> None:
    if handler not in _handlers:
        _handlers.append(handler)
    if many is not None:
        _many[handler] = many


def unsubscribe(handler: Callable[[Event], None]) -> None:
    if handler in _handlers:
        _handlers.remove(handler)
    _many.pop(handler, None)


def _owner(instance, main_resource, depth: int):
    if isinstance(instance, main_resource):
        return instance
    if depth == 0:
        return None
    for field in instance._meta.concrete_fields:
        if field.many_to_one and field.related_model is main_resource:
            return getattr(instance, field.name)
    for field in instance._meta.concrete_fields:
        if field.many_to_one and not field.null:
            found = _owner(getattr(instance, field.name), main_resource, depth - 1)
            if found is not None:
                return found
    return None


def main_object(kanaal, instance):
    """The kanaal's main resource that ``instance`` is, or belongs to by its foreign key, or by
    the foreign key of what it belongs to (a version's vulnerability belongs to the package)."""
    found = _owner(instance, kanaal.main_resource, 2)
    if found is None:
        raise LookupError(f"A {instance._meta.model_name} does not belong to kanaal {kanaal.label}")
    return found


def _event(kanaal, instance, actie: str, kenmerken: dict | None, acting=None) -> Event:
    main = main_object(kanaal, instance)
    computed = kanaal.get_kenmerken(main)
    if kenmerken:
        # Kenmerken of the event rather than of the object (a reminder's stage): declared too.
        undeclared = set(kenmerken) - set(kanaal.kenmerken)
        if undeclared:
            raise LookupError(f"Kanaal {kanaal.label} declares no kenmerk {', '.join(sorted(undeclared))}")
        computed = {**computed, **kenmerken}
    return Event(
        kanaal=kanaal, actie=actie, instance=instance, hoofd_object=main, kenmerken=computed, acting=acting
    )


def _require_transaction() -> None:
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("Events are published inside the transaction of their change")


def publish(kanaal, instance, actie: str, *, kenmerken: dict | None = None, acting=None) -> Event:
    """``kenmerken``: those of this event only (declared by the kanaal, computed by the caller);
    ``acting``: who made the change, for handlers that write (and audit) in reaction to it."""
    _require_transaction()
    event = _event(kanaal, instance, actie, kenmerken, acting)
    for handler in list(_handlers):
        handler(event)
    return event


def publish_many(kanaal, changes: list[tuple[object, str, dict | None]]) -> list[Event]:
    """``(instance, actie, kenmerken)`` of many changes at once, as :func:`publish` would each;
    a handler with a form for many (``subscribe(..., many=...)``) gets them in one call."""
    _require_transaction()
    published = [_event(kanaal, instance, actie, kenmerken) for instance, actie, kenmerken in changes]
    if published:
        for handler in list(_handlers):
            many = _many.get(handler)
            if many is not None:
                many(published)
            else:
                for event in published:
                    handler(event)
    return published
