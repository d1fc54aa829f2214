"""Creating, changing and deleting an order (concepts only)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from softwarebroker.api.exceptions import APIProblem
from softwarebroker.catalogus import rules

from .. import statemachine
from ..constants import (
    BestellingStatus,
)
from ..models import (
    Bestelling,
)
from .common import (
    Wijziger,
    _actor,
    _publiceer,
    _vergrendeld,
    controleer_versie,
    mag_bestellen_voor,
    partijen,
    volgend_nummer,
)
from .regels import _zet_regels, bestelling_problemen


@transaction.atomic
def create_bestelling(wijziger: Wijziger, *, besteller, regels: list[dict], **velden) -> Bestelling:
    if not mag_bestellen_voor(wijziger.acting, besteller):
        raise APIProblem(
            status=403,
            code="autorisatie",
            detail="U kunt alleen bestellen voor de organisatie waarvoor u optreedt.",
        )
    dag = timezone.localdate()
    rules.raise_problems(bestelling_problemen(besteller, regels, dag))
    aanvrager, weergave = _actor(wijziger.acting)
    bestelling = Bestelling.objects.create(
        nummer=volgend_nummer(dag.year),
        besteller=besteller,
        aanvrager=aanvrager,
        aanvrager_weergave=weergave,
        **velden,
    )
    _zet_regels(bestelling, regels, dag)
    bestelling.save()
    wijziger.leg_vast("create", bestelling, bestelling, None)
    _publiceer(bestelling, "create")
    return bestelling


def _alleen_concept(bestelling: Bestelling, wat: str) -> None:
    if bestelling.status != BestellingStatus.CONCEPT:
        raise APIProblem(
            status=409,
            code="status",
            detail=f"Alleen een bestelling in concept kan worden {wat} (status: {bestelling.status}).",
        )


@transaction.atomic
def update_bestelling(
    wijziger: Wijziger,
    bestelling: Bestelling,
    *,
    regels: list[dict] | None = None,
    verwachte_versie: int | None = None,
    **velden,
):
    bestelling = _vergrendeld(bestelling)
    controleer_versie(bestelling, verwachte_versie)
    _alleen_concept(bestelling, "gewijzigd")
    if statemachine.AFNEMER not in partijen(wijziger.acting, bestelling) and not wijziger.acting.is_broker:
        raise APIProblem(
            status=403, code="rol", detail="Alleen de afnemer wijzigt een bestelling in concept."
        )
    oud = wijziger.voor(bestelling)
    dag = timezone.localdate()
    velden.pop("besteller", None)  # an order never changes hands
    if regels is not None:
        rules.raise_problems(bestelling_problemen(bestelling.besteller, regels, dag))
    for name, value in velden.items():
        setattr(bestelling, name, value)
    if regels is not None:
        _zet_regels(bestelling, regels, dag)
    bestelling.versie += 1
    bestelling.save()
    wijziger.leg_vast("update", bestelling, bestelling, oud)
    _publiceer(bestelling, "update")
    return bestelling


@transaction.atomic
def delete_bestelling(
    wijziger: Wijziger, bestelling: Bestelling, *, verwachte_versie: int | None = None
) -> None:
    bestelling = _vergrendeld(bestelling)
    controleer_versie(bestelling, verwachte_versie)
    if bestelling.status != BestellingStatus.CONCEPT:
        raise APIProblem(
            status=409,
            code="status",
            detail="Alleen een concept kan worden verwijderd; trek een ingediende bestelling in "
            "(statuswijziging naar 'ingetrokken').",
        )
    if statemachine.AFNEMER not in partijen(wijziger.acting, bestelling) and not wijziger.acting.is_broker:
        raise APIProblem(status=403, code="rol", detail="Alleen de afnemer verwijdert een concept.")
    _publiceer(bestelling, "destroy")
    bestelling.regels.all().delete()
    bestelling.statuswijzigingen.all().delete()
    bestelling.delete()
