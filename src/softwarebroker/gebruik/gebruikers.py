"""Who uses a package: ``/softwarepakketten/{uuid}/gebruikers`` of the Catalogus API.

The numbers (organisations per version and status) are for everyone who may read the package;
the organisations by name only for government (:func:`.selectors.is_overheid`), never for
suppliers, and never an organisation that marked its use ``vertrouwelijk`` (that use still
counts). Counted by the database (GROUP BY), the names' JSON built by it: one query for
everyone, two for government, whatever the number of uses.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import orjson
from django.db import connection

from softwarebroker.catalogus.models import Softwarepakketversie
from softwarebroker.organisaties.models import Organisatie

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
class Gebruikers:
    aantal_organisaties: int
    per_versie: list[Versie]
    organisaties: list[dict] | None  # as the API shows them; None: not shown to this client


# Newest release first (the order of a package's versions), the uses without a version last.
VERSIE_VOLGORDE = "v.releasedatum DESC NULLS LAST, v.versie ASC NULLS LAST, v.id ASC NULLS LAST"

# Organisations per (version, status), and the distinct organisations over all (an InitPlan,
# run once; cheaper than a grouping set, which sorts every group for its DISTINCT). An
# organisation has at most one use per version (the unique constraint), so the uses counted
# per version are organisations.
_AANTALLEN = f"""
SELECT v.uuid, v.versie, g.status, count(*) AS gebruiken,
       (SELECT count(DISTINCT organisatie_id) FROM {Gebruik._meta.db_table}
        WHERE softwarepakket_id = %(pakket)s) AS organisaties
FROM {Gebruik._meta.db_table} g
LEFT JOIN {Softwarepakketversie._meta.db_table} v ON v.id = g.softwarepakketversie_id
WHERE g.softwarepakket_id = %(pakket)s
GROUP BY g.softwarepakketversie_id, v.uuid, v.versie, v.releasedatum, v.id, g.status
ORDER BY {VERSIE_VOLGORDE}, g.status
"""  # noqa: S608 - the tables are the models', the values parameters

# The organisations that may be named, by name, each with its uses, as the JSON the API
# answers (built by PostgreSQL: no row of it passes through Python objects one by one).
_BIJ_NAAM = f"""
SELECT coalesce(json_agg(o.organisatie ORDER BY o.naam, o.id), '[]')::text
FROM (
    SELECT org.id, org.naam, json_build_object(
        'organisatie', %(organisaties)s || org.uuid::text,
        'naam', org.naam,
        'gebruiken', json_agg(
            json_build_object(
                'softwarepakketversie', %(versies)s || v.uuid::text, 'versie', v.versie, 'status', g.status
            ) ORDER BY {VERSIE_VOLGORDE}
        )
    ) AS organisatie
    FROM {Gebruik._meta.db_table} g
    JOIN {Organisatie._meta.db_table} org ON org.id = g.organisatie_id
    LEFT JOIN {Softwarepakketversie._meta.db_table} v ON v.id = g.softwarepakketversie_id
    WHERE g.softwarepakket_id = %(pakket)s AND NOT g.vertrouwelijk
    GROUP BY org.id
) o
"""  # noqa: S608 - the tables are the models', the values parameters


def aantallen(softwarepakket_id) -> tuple[int, list[Versie]]:
    """The distinct organisations using the package, and per version (one query)."""
    totaal, versies = 0, {}
    with connection.cursor() as cursor:
        cursor.execute(_AANTALLEN, {"pakket": softwarepakket_id})
        for uuid, nummer, status, gebruiken, organisaties in cursor.fetchall():
            totaal = organisaties
            versie = versies.get(uuid)
            if versie is None:
                versie = versies[uuid] = Versie(uuid=uuid, versie=nummer)
            versie.per_status[status] = gebruiken
            versie.aantal_organisaties += gebruiken
    return totaal, list(versies.values())


def bij_naam(softwarepakket_id, *, organisaties: str, versies: str) -> list[dict]:
    """The organisations that may be named, as the API shows them (one query); ``organisaties``
    and ``versies`` are the URL prefixes (``https://host/.../organisaties/``)."""
    with connection.cursor() as cursor:
        cursor.execute(
            _BIJ_NAAM, {"pakket": softwarepakket_id, "organisaties": organisaties, "versies": versies}
        )
        return orjson.loads(cursor.fetchone()[0])


def gebruikers(acting, softwarepakket_id, *, organisaties: str, versies: str) -> Gebruikers:
    """Who uses the package, as far as ``acting`` may know (the caller checked that it may
    read the package); ``organisaties`` and ``versies``: see :func:`bij_naam`."""
    totaal, per_versie = aantallen(softwarepakket_id)
    return Gebruikers(
        aantal_organisaties=totaal,
        per_versie=per_versie,
        organisaties=bij_naam(softwarepakket_id, organisaties=organisaties, versies=versies)
        if is_overheid(acting)
        else None,
    )
