"""Periods of whole calendar quarters, ``JJJJ-Qn``: the running quarter is never part of one,
so an answer about a period does not change with each new order."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from django.utils import timezone
from rest_framework.exceptions import ErrorDetail

MAX_KWARTALEN = 20  # five years
EERSTE_JAAR = 2000  # no purchase through the broker is older; keeps every date in range
STANDAARD_KWARTALEN = 4
KWARTAAL = re.compile(r"([0-9]{4})-Q([1-4])", re.ASCII)
KWARTAAL_PATTERN = r"^[0-9]{4}-Q[1-4]$"


def _index(jaar: int, kwartaal: int) -> int:
    return jaar * 4 + kwartaal - 1


def _naam(index: int) -> str:
    return f"{index // 4}-Q{index % 4 + 1}"


def _eerste_dag(index: int) -> datetime.date:
    return datetime.date(index // 4, index % 4 * 3 + 1, 1)


@dataclass(frozen=True)
class Periode:
    eerste: int  # quarter indexes (year * 4 + quarter - 1), both included
    laatste: int

    @property
    def vanafKwartaal(self) -> str:
        return _naam(self.eerste)

    @property
    def totEnMetKwartaal(self) -> str:
        return _naam(self.laatste)

    @property
    def vanaf(self) -> datetime.date:
        return _eerste_dag(self.eerste)

    @property
    def tot(self) -> datetime.date:
        """The first day after the period."""
        return _eerste_dag(self.laatste + 1)


def periode(vanaf: str | None, tot_en_met: str | None, errors: dict, today: datetime.date | None = None):
    """The period the parameters ask for (default: the last four closed quarters), or None with
    every problem added to ``errors`` (parameter name -> [ErrorDetail])."""
    today = today or timezone.localdate()
    lopend = _index(today.year, (today.month - 1) // 3 + 1)
    indexes = {}
    for name, value in (("vanafKwartaal", vanaf), ("totEnMetKwartaal", tot_en_met)):
        if value is None:
            continue
        match = KWARTAAL.fullmatch(value)
        if match is None:
            errors.setdefault(name, []).append(
                ErrorDetail("Geef een kwartaal als JJJJ-Qn, bijv. 2025-Q4.", code="invalid")
            )
            continue
        index = _index(int(match[1]), int(match[2]))
        if int(match[1]) < EERSTE_JAAR:
            errors.setdefault(name, []).append(
                ErrorDetail(f"Kies een kwartaal vanaf {EERSTE_JAAR}.", code="min_value")
            )
            continue
        if index >= lopend:
            errors.setdefault(name, []).append(
                ErrorDetail(f"Het kwartaal {value} is nog niet afgelopen.", code="kwartaal_niet_afgelopen")
            )
            continue
        indexes[name] = index
    if errors:
        return None
    laatste = indexes.get("totEnMetKwartaal", lopend - 1)
    eerste = indexes.get("vanafKwartaal", laatste - STANDAARD_KWARTALEN + 1)
    if laatste < eerste:
        errors.setdefault("totEnMetKwartaal", []).append(
            ErrorDetail("Het laatste kwartaal ligt voor het eerste.", code="periode_omgekeerd")
        )
    elif laatste - eerste + 1 > MAX_KWARTALEN:
        errors.setdefault("vanafKwartaal", []).append(
            ErrorDetail(
                f"Een periode is hoogstens {MAX_KWARTALEN} kwartalen (5 jaar); gevraagd: "
                f"{laatste - eerste + 1}.",
                code="periode_te_lang",
            )
        )
    return None if errors else Periode(eerste, laatste)
