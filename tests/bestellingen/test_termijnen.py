"""Contract dates (bestellingen/termijnen.py)."""

import datetime

import pytest

from softwarebroker.bestellingen.termijnen import (
    add_months,
    maanden_volledige_looptijd,
    opzegdatum,
    uiterste_einddatum,
)

D = datetime.date


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2026, 1, 31), 1, D(2026, 2, 28)),
        (D(2028, 1, 31), 1, D(2028, 2, 29)),
        (D(2026, 11, 30), 3, D(2027, 2, 28)),
        (D(2026, 3, 15), -3, D(2025, 12, 15)),
        (D(2026, 3, 15), 0, D(2026, 3, 15)),
    ],
)
def test_add_months_keeps_the_day_or_takes_the_months_last(day, months, expected):
    assert add_months(day, months) == expected


def test_opzegdatum_is_the_end_minus_the_notice_period():
    assert opzegdatum(D(2027, 1, 1), 90) == D(2026, 10, 3)
    assert opzegdatum(D(2027, 1, 1), 0) == D(2027, 1, 1)
    assert opzegdatum(None, 90) is None


@pytest.mark.parametrize(
    ("looptijd", "verlenging", "termijn", "maximum", "einde", "maanden"),
    [
        (36, "handmatig", 12, 2, D(2031, 1, 1), 60),  # 36 + 2 x 12
        (36, "automatisch", None, 1, D(2032, 1, 1), 72),  # a renewal as long as the term
        (36, "geen", 12, 2, D(2029, 1, 1), 36),  # no renewals, whatever the maximum says
        (12, "automatisch", 12, None, None, 48),  # renewals without limit: 48 months
        (60, "automatisch", 12, None, None, 60),  # ... or the fixed term when longer
        (None, "handmatig", None, None, None, 48),  # no fixed term
    ],
)
def test_the_full_term_counts_every_allowed_renewal(looptijd, verlenging, termijn, maximum, einde, maanden):
    terms = {"verlenging": verlenging, "verlengingstermijn_maanden": termijn, "max_verlengingen": maximum}
    assert uiterste_einddatum(D(2026, 1, 1), looptijd, **terms) == einde
    assert maanden_volledige_looptijd(looptijd, **terms) == maanden
