"""When a rapportage may show figures about organisations: the threshold and the rule.

``MIN_ORGANISATIES``: a figure is shown only for at least this many distinct organisations.

A threshold on each answer alone is not enough. Two answers that overlap can be subtracted:
the statistics of a package over Q1-Q4 and over Q2-Q4 differ by Q1 only; grouped by offer and
ungrouped differ by the other offers. If the part that differs holds one organisation, its
price shows through (a new minimum or maximum, a shifted median), although each answer alone
counts enough organisations.

So every answer is built from fixed *atoms*, the finest cells any query can select: for the
price statistics one package x offer (with its licence model and unit) x volume band x
quarter. Every parameter (period in whole quarters, the filters, the groupings) selects whole
atoms, never part of one. A group shows figures only when

* each atom it is made of holds no organisation or at least ``MIN_ORGANISATIES``, and
* the group as a whole holds at least ``MIN_ORGANISATIES``.

The difference of two answers is then itself a union of atoms with either none or at least
``MIN_ORGANISATIES`` organisations each: a small cell can never be isolated by subtraction,
because any group containing it is suppressed as a whole (``onvoldoendeGegevens``), without
figures and without its sample size. The cost: a group with many organisations is suppressed
when one of its cells is small; narrowing the period, the filters or the grouping does not
help, only time (more organisations in that cell) does.

The running quarter is never part of an answer (``rapportages.perioden``): an answer about a
period does not change with every new order, so one cannot difference the same query asked
before and after an order either.
"""

from __future__ import annotations

MIN_ORGANISATIES = 5


def toonbaar(organisaties_per_atoom, organisaties: int) -> bool:
    """The rule in Python (the statistics compute it in SQL, the tests compare): may a group
    with ``organisaties`` distinct organisations, made of atoms with these counts, show figures?"""
    return organisaties >= MIN_ORGANISATIES and all(
        aantal == 0 or aantal >= MIN_ORGANISATIES for aantal in organisaties_per_atoom
    )
