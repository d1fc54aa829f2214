"""Contract dates: terms in months, notice periods and the latest end date, in one place.

Pure functions on dates and numbers (no database): the services, the nightly job, the
framework value and the tests all count a contract's time the same way.
"""

from __future__ import annotations

import datetime

# A contract without a fixed end, or with renewals without limit, counts for 48 months when its
# value is estimated (as procurement rules count the value of contracts of indefinite term).
ONBEPAALDE_LOOPTIJD_MAANDEN = 48


def add_months(day: datetime.date, months: int) -> datetime.date:
    """``day`` plus ``months`` calendar months; the 31st becomes the month's last day."""
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    for last_day in (31, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, last_day))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def opzegdatum(einddatum: datetime.date | None, opzegtermijn_dagen: int) -> datetime.date | None:
    """The last day a cancellation takes effect at ``einddatum`` (None without an end date)."""
    if einddatum is None:
        return None
    return einddatum - datetime.timedelta(days=opzegtermijn_dagen)


def verlengingstermijn(looptijd_maanden: int | None, verlengingstermijn_maanden: int | None) -> int | None:
    """Months one renewal adds: its own term, else the original term."""
    return verlengingstermijn_maanden or looptijd_maanden


def uiterste_einddatum(
    ingangsdatum: datetime.date,
    looptijd_maanden: int | None,
    *,
    verlenging: str,
    verlengingstermijn_maanden: int | None,
    max_verlengingen: int | None,
) -> datetime.date | None:
    """The latest end date the contract allows, renewals included; None when there is none
    (no fixed term, or renewals without limit). ``verlenging`` is the offer's renewal kind
    (``geen``: no renewals whatever ``max_verlengingen`` says)."""
    if not looptijd_maanden:
        return None
    renewals = 0 if verlenging == "geen" else max_verlengingen
    if renewals is None:
        return None
    per_renewal = verlengingstermijn(looptijd_maanden, verlengingstermijn_maanden)
    return add_months(ingangsdatum, looptijd_maanden + renewals * per_renewal)


def maanden_volledige_looptijd(
    looptijd_maanden: int | None,
    *,
    verlenging: str,
    verlengingstermijn_maanden: int | None,
    max_verlengingen: int | None,
) -> int:
    """The months a contract can run, renewals included, for estimating its value: the fixed
    term plus every allowed renewal; 48 when the term or the number of renewals is open."""
    if not looptijd_maanden:
        return ONBEPAALDE_LOOPTIJD_MAANDEN
    renewals = 0 if verlenging == "geen" else max_verlengingen
    if renewals is None:
        return max(looptijd_maanden, ONBEPAALDE_LOOPTIJD_MAANDEN)
    return looptijd_maanden + renewals * verlengingstermijn(looptijd_maanden, verlengingstermijn_maanden)
