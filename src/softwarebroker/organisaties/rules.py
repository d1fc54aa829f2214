"""Rules of organisations, checked by the organisation services (and shown by admin forms)."""

from __future__ import annotations

from decimal import Decimal

from .models import OrganisatieType

Problem = tuple[str, str, str]


def check_organisatie(values: dict, instance=None, deelnemers=None) -> list[Problem]:
    problems = []
    if values.get("gemeentecode") and values.get("type") != OrganisatieType.GEMEENTE:
        problems.append(("gemeentecode", "not_allowed", "Alleen een gemeente heeft een gemeentecode."))
    if (
        instance is not None
        and instance.pk
        and any(deelnemer.pk == instance.pk for deelnemer in deelnemers or ())
    ):
        problems.append(("deelnemers", "self", "Een organisatie kan niet aan zichzelf deelnemen."))
    return problems


def check_mandaat(values: dict, instance=None) -> list[Problem]:
    bedrag = values.get("maximum_bedrag")
    if bedrag is not None and Decimal(bedrag) < 0:
        return [("maximumBedrag", "min_value", "Een mandaat is nul of meer.")]
    return []
