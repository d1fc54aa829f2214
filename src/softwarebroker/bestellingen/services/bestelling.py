"""Creating, changing and deleting an order (concepts only)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from softwarebroker.audit.services import snapshot
from softwarebroker.core import errors

from .. import statemachine
from ..constants import (
    BestellingStatus,
)
from ..models import (
    Bestelling,
    Bestelregel,
)
from .common import (
    _actor,
    _audit,
    _publish,
    check_version,
    lock,
    may_order_for,
    partijen,
)
from .nummers import next_nummer
from .regels import _new_regels, _set_regels, bestelling_problems


@transaction.atomic
def create_bestelling(*, acting, besteller, regels: list[dict], **fields) -> Bestelling:
    if not may_order_for(acting, besteller):
        raise errors.NotAllowed(
            "U kunt alleen bestellen voor de organisatie waarvoor u optreedt.", code="autorisatie"
        )
    day = timezone.localdate()
    errors.raise_if_any(bestelling_problems(besteller, regels, day))
    aanvrager, aanvrager_weergave = _actor(acting)
    bestelling = Bestelling(
        besteller=besteller, aanvrager=aanvrager, aanvrager_weergave=aanvrager_weergave, **fields
    )
    # The lines priced first, so the order is written once, with its totals.
    bestelregels = _new_regels(bestelling, regels, day)
    bestelling.nummer = next_nummer(day.year)
    bestelling.save(force_insert=True)
    Bestelregel.objects.bulk_create(bestelregels)
    _audit(acting, "create", bestelling, bestelling, None)
    _publish(bestelling, "create")
    return bestelling


def _require_concept(bestelling: Bestelling, participle: str) -> None:
    if bestelling.status != BestellingStatus.CONCEPT:
        raise errors.Conflict(
            f"Alleen een bestelling in concept kan worden {participle} (status: {bestelling.status}).",
            code="status",
        )


@transaction.atomic
def update_bestelling(
    *,
    acting,
    bestelling: Bestelling,
    regels: list[dict] | None = None,
    expected_version: int | None = None,
    **fields,
):
    bestelling = lock(bestelling)
    check_version(bestelling, expected_version)
    _require_concept(bestelling, "gewijzigd")
    if statemachine.AFNEMER not in partijen(acting, bestelling) and not acting.is_broker:
        raise errors.NotAllowed("Alleen de afnemer wijzigt een bestelling in concept.", code="rol")
    before = snapshot(bestelling)
    day = timezone.localdate()
    fields.pop("besteller", None)  # an order never changes hands
    if regels is not None:
        errors.raise_if_any(bestelling_problems(bestelling.besteller, regels, day))
    for name, value in fields.items():
        setattr(bestelling, name, value)
    if regels is not None:
        _set_regels(bestelling, regels, day)
    bestelling.versie += 1
    bestelling.save()
    _audit(acting, "update", bestelling, bestelling, before)
    _publish(bestelling, "update")
    return bestelling


@transaction.atomic
def delete_bestelling(*, acting, bestelling: Bestelling, expected_version: int | None = None) -> None:
    bestelling = lock(bestelling)
    check_version(bestelling, expected_version)
    if bestelling.status != BestellingStatus.CONCEPT:
        raise errors.Conflict(
            "Alleen een concept kan worden verwijderd; trek een ingediende bestelling in "
            "(statuswijziging naar 'ingetrokken').",
            code="status",
        )
    if statemachine.AFNEMER not in partijen(acting, bestelling) and not acting.is_broker:
        raise errors.NotAllowed("Alleen de afnemer verwijdert een concept.", code="rol")
    before = snapshot(bestelling)
    _publish(bestelling, "destroy")
    bestelling.regels.all().delete()
    bestelling.statuswijzigingen.all().delete()
    bestelling.delete()
    _audit(acting, "destroy", bestelling, bestelling, before)
