"""What the parts of the nightly licence job share: who acts, what a run counts, the locked
batches and the contract's renewal rules."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, fields

from django.db.models import QuerySet

from softwarebroker.autorisaties.context import Acting

from .. import termijnen
from ..models import Licentie

# The nightly job changes licences as the component itself.
NIGHTLY_JOB = Acting.system("worker")
# A licence whose contract names no term renews by a year (as a renewal order does).
DEFAULT_TERM_MONTHS = 12


@dataclass
class Verwerking:
    """What one run changed (every count is of rows written)."""

    verlengd: int = 0
    boven_plafond: int = 0  # of the renewals: a price rise above the contract's cap
    beeindigd: int = 0
    verlopen: int = 0
    herinneringen: int = 0  # reminders sent (a notification each)
    herinneringen_overgeslagen: int = 0  # stages already passed, recorded without a notification
    verlengingsbestellingen: int = 0  # concept renewal orders prepared

    @property
    def wijzigingen(self) -> int:
        return sum(getattr(self, field.name) for field in fields(self) if field.name != "boven_plafond")

    def as_dict(self) -> dict:
        return {field.name: getattr(self, field.name) for field in fields(self)} | {
            "wijzigingen": self.wijzigingen
        }


def locked(queryset: QuerySet, ids: list[int]) -> list[Licentie]:
    """Inside a transaction: the licences of ``ids`` that still qualify, locked; one being
    changed elsewhere right now is skipped (the next run takes it)."""
    return list(
        queryset.filter(pk__in=ids)
        .select_for_update(skip_locked=True, of=("self",))
        .select_related("organisatie")
        .order_by("pk")
    )


def renewal_term(licentie: Licentie) -> int:
    return (
        termijnen.verlengingstermijn(licentie.looptijd_maanden, licentie.verlengingstermijn_maanden)
        or DEFAULT_TERM_MONTHS
    )


def may_renew(licentie: Licentie, renewals_so_far: int, new_einddatum: datetime.date) -> bool:
    """Whether the contract allows one more renewal, to ``new_einddatum``."""
    if licentie.max_verlengingen is not None and renewals_so_far >= licentie.max_verlengingen:
        return False
    return licentie.uiterste_einddatum is None or new_einddatum <= licentie.uiterste_einddatum
