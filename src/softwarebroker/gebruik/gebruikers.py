"""Who uses a package: ``/softwarepakketten/{uuid}/gebruikers`` of the Catalogus API.

The numbers (organisations per version and status) are for everyone who may read the package;
the organisations by name only for government (:func:`.selectors.is_overheid`), never for
suppliers, and never an organisation that marked its use ``vertrouwelijk`` (that use still
counts). Counted by the database (GROUP BY): three queries for everyone, four for government,
whatever the number of uses.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, F

from .constants import GebruikStatus
from .models import Gebruik
from .selectors import is_overheid


@dataclass
class Versie:
    """One version of the package (``uuid`` None: the uses registered without a version)."""

    uuid: object
    versie: str | None
    aantal_organisaties: int = 0
    per_status: dict[str, int] = field(default_factory=lambda: dict.fromkeys(GebruikStatus.values, 0))


@dataclass
class Gebruiker:
    uuid: object
    naam: str
    gebruiken: list[dict] = field(default_factory=list)


@dataclass
class Gebruikers:
    aantal_organisaties: int
    per_versie: list[Versie]
    organisaties: list[Gebruiker] | None  # None: not shown to this client


# Newest release first (the order of a package's versions), the uses without a version last.
VERSIE_VOLGORDE = (
    F("softwarepakketversie__releasedatum").desc(nulls_last=True),
    F("softwarepakketversie__versie").asc(nulls_last=True),
    F("softwarepakketversie_id").asc(nulls_last=True),
)


def per_versie(softwarepakket_id) -> list[Versie]:
    """One GROUP BY (version, status) query. An organisation has at most one use per version
    (the unique constraint), so the uses counted are organisations."""
    rows = (
        Gebruik.objects.filter(softwarepakket_id=softwarepakket_id)
        .order_by()
        .values(
            "softwarepakketversie_id",
            "softwarepakketversie__uuid",
            "softwarepakketversie__versie",
            "softwarepakketversie__releasedatum",
            "status",
        )
        .annotate(aantal=Count("id"))
        .order_by(*VERSIE_VOLGORDE, "status")
    )
    versies: dict[object, Versie] = {}
    for row in rows:
        versie = versies.get(row["softwarepakketversie_id"])
        if versie is None:
            versie = versies[row["softwarepakketversie_id"]] = Versie(
                uuid=row["softwarepakketversie__uuid"], versie=row["softwarepakketversie__versie"]
            )
        versie.per_status[row["status"]] = row["aantal"]
        versie.aantal_organisaties += row["aantal"]
    return list(versies.values())


def aantal_organisaties(softwarepakket_id) -> int:
    return Gebruik.objects.filter(softwarepakket_id=softwarepakket_id).aggregate(
        aantal=Count("organisatie_id", distinct=True)
    )["aantal"]


def bij_naam(softwarepakket_id) -> list[Gebruiker]:
    """The organisations that may be named, by name, each with its uses (one query)."""
    rows = (
        Gebruik.objects.filter(softwarepakket_id=softwarepakket_id, vertrouwelijk=False)
        .order_by("organisatie__naam", "organisatie_id", *VERSIE_VOLGORDE)
        .values(
            "organisatie_id",
            "organisatie__uuid",
            "organisatie__naam",
            "softwarepakketversie__uuid",
            "softwarepakketversie__versie",
            "status",
        )
    )
    gebruikers: dict[object, Gebruiker] = {}
    for row in rows:
        gebruiker = gebruikers.get(row["organisatie_id"])
        if gebruiker is None:
            gebruiker = gebruikers[row["organisatie_id"]] = Gebruiker(
                uuid=row["organisatie__uuid"], naam=row["organisatie__naam"]
            )
        gebruiker.gebruiken.append(
            {
                "versie_uuid": row["softwarepakketversie__uuid"],
                "versie": row["softwarepakketversie__versie"],
                "status": row["status"],
            }
        )
    return list(gebruikers.values())


def gebruikers(acting, softwarepakket_id) -> Gebruikers:
    """Who uses the package, as far as ``acting`` may know (the caller checked that it may
    read the package)."""
    return Gebruikers(
        aantal_organisaties=aantal_organisaties(softwarepakket_id),
        per_versie=per_versie(softwarepakket_id),
        organisaties=bij_naam(softwarepakket_id) if is_overheid(acting) else None,
    )
