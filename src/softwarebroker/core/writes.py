"""What every app's service functions share when they change a model."""

from __future__ import annotations

from django.db import transaction
from django.db.models import ProtectedError, RestrictedError

from .errors import Conflict

IN_USE = "Dit object wordt nog gebruikt door andere objecten en kan niet worden verwijderd."


def resulting_values(instance, changes: dict) -> dict:
    """The values the object will have: its current fields (none for a new one) with the
    changes applied; what the rules check."""
    values = {}
    if instance.pk is not None:
        values = {field.name: getattr(instance, field.name, None) for field in instance._meta.concrete_fields}
    return {**values, **changes}


def delete_or_conflict(instance) -> None:
    """Delete; an object other objects still refer to is a 409 ``in_use``, not an error."""
    try:
        with transaction.atomic():
            instance.delete()
    except (ProtectedError, RestrictedError):
        raise Conflict(IN_USE, code="in_use") from None
