"""What the acting client may see of joint purchase rounds and their deelnames.

A round is seen by every organisation that may join it (any organisation; under a framework
agreement only its deelnemers), by the supplier of its offer and by the broker. Of the
deelnames an organisation sees its own only; the supplier sees all of them once the round is
closed; the broker sees all. Totals of a round are shown to everyone who sees the round.
"""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Q, Sum, Value
from django.db.models.functions import Coalesce

from softwarebroker.autorisaties.scopes import Rol
from softwarebroker.catalogus.models import Raamovereenkomst

from .constants import TELT_MEE, VraagbundelingStatus
from .models import Deelname, Vraagbundeling


def _is_supplier(acting) -> bool:
    return acting.leverancier is not None and Rol.LEVERANCIER in acting.roles


def vraagbundelingen(acting):
    queryset = Vraagbundeling.objects.all()
    if acting is None or acting.is_broker:
        return queryset
    condition = Q(pk__in=[])
    organisatie = acting.organisatie
    if organisatie is not None and (Rol.AFNEMER in acting.roles or Rol.BUDGETHOUDER in acting.roles):
        deelnemer = Exists(
            Raamovereenkomst.deelnemers.through.objects.filter(
                raamovereenkomst_id=OuterRef("aanbieding__raamovereenkomst_id"), organisatie_id=organisatie.pk
            )
        )
        condition |= Q(aanbieding__raamovereenkomst__isnull=True) | Q(deelnemer)
        neemt_deel = Exists(
            Deelname.objects.filter(vraagbundeling=OuterRef("pk"), organisatie_id=organisatie.pk)
        )
        condition |= Q(initiatiefnemer=organisatie) | Q(neemt_deel)
    if _is_supplier(acting):
        condition |= Q(aanbieding__leverancier=acting.leverancier)
    return queryset.filter(condition)


def deelnames(acting, vraagbundeling: Vraagbundeling):
    """The deelnames of a round the client may see (``vraagbundeling`` is one it sees)."""
    queryset = Deelname.objects.filter(vraagbundeling=vraagbundeling)
    if acting is None or acting.is_broker:
        return queryset
    condition = Q(pk__in=[])
    if acting.organisatie is not None and (Rol.AFNEMER in acting.roles or Rol.BUDGETHOUDER in acting.roles):
        condition |= Q(organisatie=acting.organisatie)
    if (
        _is_supplier(acting)
        and vraagbundeling.aanbieding.leverancier_id == acting.leverancier.pk
        and vraagbundeling.status != VraagbundelingStatus.OPEN
    ):
        condition |= Q(pk__isnull=False)
    return queryset.filter(condition)


def gebundeld_aantal():
    """The pooled quantity of a round: the sum of its counting (approved) deelnames."""
    return Coalesce(Sum("deelnames__aantal", filter=Q(deelnames__status__in=sorted(TELT_MEE))), Value(0))


def aantal_deelnemers():
    return Count("deelnames", filter=Q(deelnames__status__in=sorted(TELT_MEE)))


def totalen(vraagbundeling: Vraagbundeling) -> tuple[int, int]:
    """(pooled quantity, number of counting participants), read now."""
    row = Deelname.objects.filter(vraagbundeling=vraagbundeling, status__in=sorted(TELT_MEE)).aggregate(
        aantal=Coalesce(Sum("aantal"), Value(0)), deelnemers=Count("pk")
    )
    return int(row["aantal"]), row["deelnemers"]
