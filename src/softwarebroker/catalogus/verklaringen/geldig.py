"""Which approved declarations cover an offer on a day.

Declarations are inherited downward: a supplier's covers every offer it supplies, a package's
every offer of that package, an offer's only itself. Of each type the most specific valid one
counts (the offer's before the package's before the supplier's; then the latest start). A
version's declaration covers no offer (an offer is of a package, not of one version): it is
shown with the version.
"""

from __future__ import annotations

import datetime
from collections import namedtuple

from django.db import connection
from django.db.models.expressions import RawSQL

from ..constants import VerklaringStatus
from ..models import Verklaring

# What choosing and referring to a covering declaration needs (a page of offers reads only these).
KERN = ("uuid", "type", "geldig_vanaf", "geldig_tot", "aanbieding_id", "softwarepakket_id", "leverancier_id")
# A declaration read as these columns only: a plain record, not a model instance (a page of
# offers is covered by hundreds).
Kern = namedtuple("Kern", ("pk", *KERN))

# The choice, made by PostgreSQL and written once: of an offer's own, its package's and its
# supplier's valid approved declarations, per type the first by level (offer, package,
# supplier), then latest start, then latest made. ``ids``: SQL expressions for the offer's id,
# package id and supplier id; the parameters, level by level, are :func:`_parameters`. A page
# chooses for all its offers at once (:func:`geldige_verklaringen`), a detail inside its own
# statement (:func:`gekozen`); only the chosen rows leave the database.
_LEVEL = (
    "SELECT {niveau} AS niveau, v.* FROM catalogus_verklaring v WHERE v.{kolom} = {id}"
    " AND v.status = %s AND v.geldig_vanaf <= %s AND (v.geldig_tot IS NULL OR v.geldig_tot >= %s)"
)
_COLUMNS = ("aanbieding_id", "softwarepakket_id", "leverancier_id")


def _choice(ids: tuple[str, str, str]) -> str:
    levels = " UNION ALL ".join(
        _LEVEL.format(niveau=niveau, kolom=kolom, id=id_)
        for niveau, (kolom, id_) in enumerate(zip(_COLUMNS, ids, strict=True))
    )
    return (
        f"SELECT DISTINCT ON (c.type) c.* FROM ({levels}) AS c"  # noqa: S608 - constant text
        " ORDER BY c.type, c.niveau, c.geldig_vanaf DESC, c.id DESC"
    )


def _parameters(day: datetime.date, ids=((), (), ())) -> list:
    """The parameters of :func:`_choice`'s text, level by level: the level's id where the text
    has it as a parameter (``ids``, one tuple per level), then the status and the day twice."""
    return [value for level in ids for value in (*level, VerklaringStatus.GOEDGEKEURD, day, day)]


_PAGE = f"""
SELECT a.id, d.id, d.uuid, d.type, d.geldig_vanaf, d.geldig_tot, d.aanbieding_id, d.softwarepakket_id,
       d.leverancier_id
FROM unnest(%s::bigint[], %s::bigint[], %s::bigint[]) AS a(id, softwarepakket_id, leverancier_id)
CROSS JOIN LATERAL ({_choice(("a.id", "a.softwarepakket_id", "a.leverancier_id"))}) AS d
"""  # noqa: S608 - constant text; every value is a parameter
_ONE = f"SELECT d.id FROM ({_choice(('%s', '%s', '%s'))}) AS d"  # noqa: S608 - as above


def geldige_verklaringen(aanbiedingen, day: datetime.date) -> dict[int, dict[str, Kern]]:
    """Per offer (by pk), per type the declaration (a :class:`Kern` record) that covers it on
    ``day``: one query for all the offers given (each with ``softwarepakket_id`` and
    ``leverancier_id``)."""
    aanbiedingen = list(aanbiedingen)
    if not aanbiedingen:
        return {}
    params = [
        [a.pk for a in aanbiedingen],
        [a.softwarepakket_id for a in aanbiedingen],
        [a.leverancier_id for a in aanbiedingen],
        *_parameters(day),
    ]
    result: dict[int, dict[str, Kern]] = {a.pk: {} for a in aanbiedingen}
    with connection.cursor() as cursor:
        cursor.execute(_PAGE, params)
        for aanbieding_id, *velden in cursor.fetchall():
            verklaring = Kern(*velden)
            result[aanbieding_id][verklaring.type] = verklaring
    return result


def gekozen(aanbieding_id, softwarepakket_id, leverancier_id, day: datetime.date):
    """The declarations covering one offer on ``day``, one per type: the same choice as
    :func:`geldige_verklaringen`, as a queryset (a detail reads it inside its own statement)."""
    ids = ((aanbieding_id,), (softwarepakket_id,), (leverancier_id,))
    # Constant text; the offer's ids and the day are parameters.
    return Verklaring.objects.filter(pk__in=RawSQL(_ONE, _parameters(day, ids)))  # noqa: S611


class KernLezer:
    """Reads declarations as their :data:`KERN` columns (what an inlined read of an offer's
    covering declarations needs, ``api.representation_inline``)."""

    model = Verklaring
    columns = ("pk", *KERN)
    expressions: dict = {}

    def values(self, queryset, **extra):
        return queryset.values(*self.columns, **extra)


def ontbrekend(aanbieding, gedekt: dict[str, Kern]) -> list[str]:
    """The required types of ``aanbieding`` that no valid approved declaration covers."""
    return [soort for soort in aanbieding.vereiste_documenten if soort not in gedekt]
