"""State changes of organisations. Each function runs in one transaction."""

from __future__ import annotations

from django.db import transaction
from rest_framework.exceptions import ErrorDetail, ValidationError

from .models import Organisatie


def deelnemers_errors(organisatie: Organisatie | None, deelnemers) -> list[ErrorDetail]:
    """The rule on participants, shared by the API's validation and this service."""
    if organisatie is not None and organisatie.pk and any(d.pk == organisatie.pk for d in deelnemers):
        return [ErrorDetail("Een organisatie kan niet aan zichzelf deelnemen.", code="self")]
    return []


def _check_deelnemers(organisatie: Organisatie | None, deelnemers) -> None:
    if errors := deelnemers_errors(organisatie, deelnemers):
        raise ValidationError({"deelnemers": errors})


@transaction.atomic
def create_organisatie(*, deelnemers=(), **fields) -> Organisatie:
    organisatie = Organisatie.objects.create(**fields)
    organisatie.deelnemers.set(deelnemers)
    return organisatie


@transaction.atomic
def update_organisatie(*, organisatie: Organisatie, **changes) -> Organisatie:
    organisatie = Organisatie.objects.select_for_update().get(pk=organisatie.pk)
    deelnemers = changes.pop("deelnemers", None)
    for name, value in changes.items():
        setattr(organisatie, name, value)
    organisatie.save()
    if deelnemers is not None:
        _check_deelnemers(organisatie, deelnemers)
        organisatie.deelnemers.set(deelnemers)
    return organisatie


@transaction.atomic
def delete_organisatie(*, organisatie: Organisatie) -> None:
    organisatie.delete()
