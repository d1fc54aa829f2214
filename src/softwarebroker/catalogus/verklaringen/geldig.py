"""Which approved declarations cover an offer on a day.

Declarations are inherited downward: a supplier's covers every offer it supplies, a package's
every offer of that package, an offer's only itself. Of each type the most specific valid one
counts (the offer's before the package's before the supplier's; then the latest start). A
version's declaration covers no offer (an offer is of a package, not of one version): it is
shown with the version.
"""

from __future__ import annotations

import datetime
from collections import defaultdict, namedtuple

from django.db import connection
from django.db.models import Q

from ..constants import VerklaringStatus
from ..models import Verklaring

# How specific a declaration is for an offer (lower: more specific).
NIVEAUS = ("aanbieding", "softwarepakket", "leverancier")


def valid_on(day: datetime.date) -> Q:
    return (
        Q(status=VerklaringStatus.GOEDGEKEURD)
        & Q(geldig_vanaf__lte=day)
        & (Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=day))
    )


def _niveau(verklaring: Verklaring) -> int:
    if verklaring.aanbieding_id:
        return 0
    if verklaring.softwarepakket_id:
        return 1
    return 2


# What choosing and referring to a covering declaration needs (a page of offers reads only these).
KERN = ("uuid", "type", "geldig_vanaf", "geldig_tot", "aanbieding_id", "softwarepakket_id", "leverancier_id")
# A declaration read as these columns only: a plain record, not a model instance (a page of
# offers is covered by hundreds).
Kern = namedtuple("Kern", ("pk", *KERN))


def geldige_verklaringen(
    aanbiedingen, day: datetime.date, kern: bool = False
) -> dict[int, dict[str, Verklaring | Kern]]:
    """Per offer (by pk), per type the declaration that covers it on ``day``: one query for
    all the offers given (each with ``softwarepakket_id`` and ``leverancier_id``). ``kern``:
    each as a :class:`Kern` record (the columns of :data:`KERN`) instead of a model instance."""
    aanbiedingen = list(aanbiedingen)
    if not aanbiedingen:
        return {}
    if kern:
        return _gekozen(aanbiedingen, day)
    condition = (
        Q(aanbieding_id__in={a.pk for a in aanbiedingen})
        | Q(softwarepakket_id__in={a.softwarepakket_id for a in aanbiedingen})
        | Q(leverancier_id__in={a.leverancier_id for a in aanbiedingen})
    )
    by_subject = defaultdict(list)
    queryset = Verklaring.objects.filter(valid_on(day) & condition).order_by()
    for verklaring in queryset.values_list("pk", *KERN) if kern else queryset:
        if kern:
            verklaring = Kern(*verklaring)
        key = (
            ("aanbieding", verklaring.aanbieding_id)
            if verklaring.aanbieding_id
            else ("softwarepakket", verklaring.softwarepakket_id)
            if verklaring.softwarepakket_id
            else ("leverancier", verklaring.leverancier_id)
        )
        by_subject[key].append(verklaring)
    result = {}
    for aanbieding in aanbiedingen:
        candidates = (
            by_subject[("aanbieding", aanbieding.pk)]
            + by_subject[("softwarepakket", aanbieding.softwarepakket_id)]
            + by_subject[("leverancier", aanbieding.leverancier_id)]
        )
        result[aanbieding.pk] = kies(candidates)
    return result


# The same choice as :func:`kies`, made by PostgreSQL for every offer at once: per offer, of its
# own, its package's and its supplier's valid approved declarations, per type the first by
# level (offer, package, supplier), then latest start, then latest made. Only the chosen rows
# leave the database (a page of offers is covered by a few hundred; its candidates can be many
# more). ``tests/verklaringen/test_foundation.py`` checks both choose the same.
_GELDIG = (
    "v.status = %(status)s AND v.geldig_vanaf <= %(dag)s"
    " AND (v.geldig_tot IS NULL OR v.geldig_tot >= %(dag)s)"
)
_GEKOZEN = f"""
SELECT a.id, d.id, d.uuid, d.type, d.geldig_vanaf, d.geldig_tot, d.aanbieding_id, d.softwarepakket_id,
       d.leverancier_id
FROM unnest(%(aanbiedingen)s::bigint[], %(pakketten)s::bigint[], %(leveranciers)s::bigint[])
     AS a(id, softwarepakket_id, leverancier_id)
CROSS JOIN LATERAL (
    SELECT DISTINCT ON (c.type) c.*
    FROM (
        SELECT 0 AS niveau, v.* FROM catalogus_verklaring v WHERE v.aanbieding_id = a.id AND {_GELDIG}
        UNION ALL
        SELECT 1, v.* FROM catalogus_verklaring v
        WHERE v.softwarepakket_id = a.softwarepakket_id AND {_GELDIG}
        UNION ALL
        SELECT 2, v.* FROM catalogus_verklaring v WHERE v.leverancier_id = a.leverancier_id AND {_GELDIG}
    ) AS c
    ORDER BY c.type, c.niveau, c.geldig_vanaf DESC, c.id DESC
) AS d
"""  # noqa: S608 - constant text; every value is a parameter


def _gekozen(aanbiedingen, day: datetime.date) -> dict[int, dict[str, Kern]]:
    params = {
        "aanbiedingen": [a.pk for a in aanbiedingen],
        "pakketten": [a.softwarepakket_id for a in aanbiedingen],
        "leveranciers": [a.leverancier_id for a in aanbiedingen],
        "status": VerklaringStatus.GOEDGEKEURD,
        "dag": day,
    }
    result: dict[int, dict[str, Kern]] = {a.pk: {} for a in aanbiedingen}
    with connection.cursor() as cursor:
        cursor.execute(_GEKOZEN, params)
        for aanbieding_id, *velden in cursor.fetchall():
            verklaring = Kern(*velden)
            result[aanbieding_id][verklaring.type] = verklaring
    return result


def kies(candidates) -> dict[str, Verklaring | Kern]:
    """Of the valid declarations of an offer, its supplier and its package: per type the one
    that covers it (the most specific, then the latest start)."""
    chosen: dict[str, Verklaring | Kern] = {}
    for verklaring in sorted(candidates, key=lambda v: (-_niveau(v), v.geldig_vanaf, v.pk)):
        chosen[verklaring.type] = verklaring  # the most specific, then the latest, wins
    return chosen


class KernLezer:
    """Reads declarations as their :data:`KERN` columns (what an inlined read of an offer's
    covering declarations needs, ``api.representation_inline``)."""

    model = Verklaring
    columns = ("pk", *KERN)
    expressions: dict = {}

    def values(self, queryset, **extra):
        return queryset.values(*self.columns, **extra)


def kandidaten(aanbieding_id, softwarepakket_id, leverancier_id, day: datetime.date):
    """The declarations that may cover one offer on ``day`` (its own, its package's, its
    supplier's): what :func:`kies` chooses from."""
    return Verklaring.objects.filter(
        valid_on(day)
        & (
            Q(aanbieding_id=aanbieding_id)
            | Q(softwarepakket_id=softwarepakket_id)
            | Q(leverancier_id=leverancier_id)
        )
    )


def ontbrekend(aanbieding, gedekt: dict[str, Verklaring]) -> list[str]:
    """The required types of ``aanbieding`` that no valid approved declaration covers."""
    return [soort for soort in aanbieding.vereiste_documenten if soort not in gedekt]
