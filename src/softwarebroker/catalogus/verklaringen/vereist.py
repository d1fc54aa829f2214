"""The declarations an order needs: which required types an offer lacks, and the declarations
frozen with an order line when it is submitted (the gate of ``bestellingen`` and
``vraagbundelingen`` uses these, so both say the same)."""

from __future__ import annotations

import datetime

from django.db.models import BooleanField
from django.db.models.expressions import RawSQL

from softwarebroker.api.definitions import CATALOGUS
from softwarebroker.api.representation_engine import Context

from ..constants import Document
from .geldig import Kern, geldige_verklaringen, ontbrekend

CODE = "verklaring_ontbreekt"

__all__ = [
    "CODE",
    "geldige_verklaringen",
    "momentopname",
    "ontbrekend",
    "reden",
    "volledig_verklaard",
    "weergave",
]


def weergave(soort: str) -> str:
    return Document(soort).label if soort in Document.values else soort


def reden(soort: str) -> str:
    """Why a line cannot be ordered, for one missing type (the ``reason`` of the problem)."""
    return f"Geen geldige, goedgekeurde verklaring van het type '{soort}' ({weergave(soort)})."


def momentopname(gedekt: dict[str, Kern], base: str | None = None) -> list[dict]:
    """The declarations covering an offer, as frozen with an order line: per type (in type
    order) the declaration's URL and its validity. ``base``: the collection URL (outside a
    request the public URL)."""
    base = base or Context(None).base(CATALOGUS, "verklaringen")
    return [
        {
            "type": soort,
            "verklaring": f"{base}{verklaring.uuid}",
            "geldigVanaf": verklaring.geldig_vanaf.isoformat(),
            "geldigTot": _iso(verklaring.geldig_tot),
        }
        for soort, verklaring in sorted(gedekt.items())
    ]


def _iso(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None


# A required type of the offer that no valid approved declaration covers: three EXISTS (not
# one with OR), so each probes its own partial index (``verklaring_*_idx``: subject, type).
_ONTBREEKT = """EXISTS (
    SELECT 1 FROM unnest(catalogus_aanbieding.vereiste_documenten) AS vereist(soort)
    WHERE NOT EXISTS (
        SELECT 1 FROM catalogus_verklaring v
        WHERE v.aanbieding_id = catalogus_aanbieding.id AND v.type = vereist.soort
          AND v.status = 'goedgekeurd' AND v.geldig_vanaf <= %s
          AND (v.geldig_tot IS NULL OR v.geldig_tot >= %s)
    ) AND NOT EXISTS (
        SELECT 1 FROM catalogus_verklaring v
        WHERE v.softwarepakket_id = catalogus_aanbieding.softwarepakket_id AND v.type = vereist.soort
          AND v.status = 'goedgekeurd' AND v.geldig_vanaf <= %s
          AND (v.geldig_tot IS NULL OR v.geldig_tot >= %s)
    ) AND NOT EXISTS (
        SELECT 1 FROM catalogus_verklaring v
        WHERE v.leverancier_id = catalogus_aanbieding.leverancier_id AND v.type = vereist.soort
          AND v.status = 'goedgekeurd' AND v.geldig_vanaf <= %s
          AND (v.geldig_tot IS NULL OR v.geldig_tot >= %s)
    )
)"""


def volledig_verklaard(day: datetime.date, volledig: bool = True) -> RawSQL:
    """A condition on offers (``catalogus_aanbieding``): every required type is covered on
    ``day`` by a valid approved declaration of the offer, its package or its supplier (or,
    with ``volledig=False``, at least one is not). In SQL: a filter over a page of a large
    catalogue must not load declarations. It names the offer's table itself, so it belongs in
    the WHERE of a query on offers (not of a subquery that aliases the table)."""
    sql = "NOT " + _ONTBREEKT if volledig else _ONTBREEKT
    return RawSQL(sql, [day] * 6, output_field=BooleanField())  # noqa: S611 - constant SQL, values are parameters
