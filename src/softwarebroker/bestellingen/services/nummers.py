"""Order numbers, ``2026-000123``: unique per instance, never handed out twice, gaps allowed.

One PostgreSQL sequence (``bestellingen_nummer_seq``) hands out the values for every year; a year's
number is the value minus the year's basis (a ``Nummerreeks`` row: the sequence's last value
when the year's first number was asked for). ``nextval`` takes no lock that lasts until the
transaction ends and is never rolled back, so orders are created side by side, never with the
same value, and an order that is rolled back leaves a gap.

Why this is never a duplicate:

- A year's basis row is written once and never changed (the migration that introduced it is
  the one exception, going back). Every committed number of a year was computed with the one
  committed basis of that year: either the transaction wrote the basis itself (so the number
  commits only if the basis does), or it read it committed (see below). Distinct values minus
  one basis are distinct numbers.
- The first number of a year: ``INSERT .. ON CONFLICT DO NOTHING`` of the basis. A concurrent
  transaction that wrote the same year's basis and has not committed yet makes this insert
  wait until it ends (PostgreSQL's documented behaviour of a unique index): if it committed,
  nothing is inserted and the next statement (READ COMMITTED: a new snapshot) reads its basis;
  if it rolled back, this basis is inserted. Only the orders racing for a year's first number
  wait, once a year, for the length of the first transaction.
- Numbers are at least 1: the basis is at most the sequence's last value when it is written,
  and the values are taken afterwards, so they are greater.

The numbers of many orders at once (an awarded joint purchase round) come from one statement;
they are ascending, and consecutive unless other orders are numbered at the same moment.
"""

from __future__ import annotations

from django.db import connection

SEQUENCE = "bestellingen_nummer_seq"  # CACHE 1: its last value is the last handed out

# ``aantal`` values of the sequence minus the year's basis; no rows while the year has none.
_NEXT = f"""
SELECT nextval('{SEQUENCE}') - nummerreeks.basis
FROM bestellingen_nummerreeks AS nummerreeks CROSS JOIN generate_series(1, %(aantal)s)
WHERE nummerreeks.jaar = %(jaar)s
"""  # noqa: S608 - a constant name

# The year's basis: the last value handed out (or one less than the first, before any).
_BASIS = f"""
INSERT INTO bestellingen_nummerreeks (jaar, basis)
SELECT %(jaar)s, CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM {SEQUENCE}
ON CONFLICT (jaar) DO NOTHING
"""  # noqa: S608 - a constant name


def next_nummers(jaar: int, aantal: int) -> list[str]:
    """``aantal`` new order numbers of ``jaar``, ascending."""
    with connection.cursor() as cursor:
        cursor.execute(_NEXT, {"jaar": jaar, "aantal": aantal})
        values = [value for (value,) in cursor.fetchall()]
        if not values:
            cursor.execute(_BASIS, {"jaar": jaar})
            cursor.execute(_NEXT, {"jaar": jaar, "aantal": aantal})
            values = [value for (value,) in cursor.fetchall()]
    if len(values) != aantal:  # only under an isolation level stricter than READ COMMITTED
        raise RuntimeError(f"No basis of the order numbers of {jaar} is visible to this transaction")
    return [f"{jaar}-{value:06d}" for value in sorted(values)]


def next_nummer(jaar: int) -> str:
    """A new order number of ``jaar``."""
    return next_nummers(jaar, 1)[0]
