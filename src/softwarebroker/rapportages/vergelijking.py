"""An organisation's landscape next to comparable organisations' (``/rapportages/vergelijking``):
per GEMMA reference component the packages the organisation uses, and how many organisations of
its comparison group use each package for that component. Counts only, never names.

- The comparison group: every organisation of the same ``type`` and the same size class by
  ``inwonertal`` (:data:`GROOTTEKLASSEN`; without an inwonertal the class ``onbekend``), the
  asking organisation included.
- A use counts when it is ``in_productie`` or ``uit_te_faseren`` (:data:`IN_GEBRUIK`), for the
  reference components it names, or its package's when it names none (a use naming neither is
  listed under no component: ``null``). Confidential uses count (they are never named anyway).
- Suppression: a count below :data:`MIN_ORGANISATIES` is not given (``onvoldoendeGegevens``);
  a group below it gives no count at all. A package the organisation does not use itself is
  listed only with a count that is given, so the answer never says that a handful use it.
- Differencing: the counts include the asking organisation's own use, so every member of a
  group gets the same count for a package and component; two members' answers differ only in
  their own uses (``eigenGebruik``), which each knew already.

One query for the rows, one for the group's size, whatever the number of uses.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection

from softwarebroker.catalogus.models import Referentiecomponent, Softwarepakket
from softwarebroker.gebruik.constants import GebruikStatus
from softwarebroker.gebruik.models import Gebruik
from softwarebroker.organisaties.models import Organisatie

from .anonimiteit import MIN_ORGANISATIES  # the rapportages' one threshold

IN_GEBRUIK = (GebruikStatus.IN_PRODUCTIE, GebruikStatus.UIT_TE_FASEREN)

ONBEKEND = "onbekend"
#: Size classes by inwonertal: (name, lowest inwonertal, first inwonertal of the next class).
GROOTTEKLASSEN = (
    ("kleiner_dan_20000", 0, 20_000),
    ("20000_tot_50000", 20_000, 50_000),
    ("50000_tot_100000", 50_000, 100_000),
    ("100000_tot_250000", 100_000, 250_000),
    ("vanaf_250000", 250_000, None),
)
GROOTTEKLASSE_NAMEN = (*(name for name, _, _ in GROOTTEKLASSEN), ONBEKEND)


def grootteklasse(inwonertal: int | None) -> tuple[str, int | None, int | None]:
    if inwonertal is None:
        return ONBEKEND, None, None
    for klasse in GROOTTEKLASSEN:
        if inwonertal >= klasse[1] and (klasse[2] is None or inwonertal < klasse[2]):
            return klasse
    raise AssertionError("unreachable: the classes cover every inwonertal")


def vergelijkbare_organisaties(organisatie: Organisatie):
    """The comparison group of ``organisatie`` (itself included)."""
    _, laagste, volgende = grootteklasse(organisatie.inwonertal)
    groep = Organisatie.objects.filter(type=organisatie.type)
    if laagste is None:
        return groep.filter(inwonertal__isnull=True)
    groep = groep.filter(inwonertal__gte=laagste)
    return groep if volgende is None else groep.filter(inwonertal__lt=volgende)


_G, _P, _R = Gebruik._meta.db_table, Softwarepakket._meta.db_table, Referentiecomponent._meta.db_table
_O = Organisatie._meta.db_table

# Per (component, package): the group's organisations using it and whether the asking one does;
# for the components the asking organisation uses a package for (NULL: its own packages used
# for no component).
_RIJEN = f"""
WITH groep AS (
    SELECT o.id FROM {_O} o
    WHERE o.type = %(type)s AND CASE
        WHEN %(laagste)s::int IS NULL THEN o.inwonertal IS NULL
        ELSE o.inwonertal >= %(laagste)s AND (%(volgende)s::int IS NULL OR o.inwonertal < %(volgende)s)
    END
),
gebruik AS (
    SELECT DISTINCT g.organisatie_id, g.softwarepakket_id, rc.uri
    FROM {_G} g
    JOIN {_P} p ON p.id = g.softwarepakket_id
    LEFT JOIN LATERAL unnest(
        CASE WHEN cardinality(g.referentiecomponenten) > 0 THEN g.referentiecomponenten
             ELSE p.referentiecomponenten END
    ) AS rc(uri) ON true
    WHERE g.status = ANY(%(statussen)s) AND g.organisatie_id IN (SELECT id FROM groep)
)
SELECT gebruik.uri, r.naam, p.uuid, p.naam, count(*) AS aantal,
       bool_or(gebruik.organisatie_id = %(eigen)s) AS eigen
FROM gebruik
JOIN {_P} p ON p.id = gebruik.softwarepakket_id
LEFT JOIN {_R} r ON r.uri = gebruik.uri
WHERE EXISTS (
    SELECT 1 FROM gebruik eigen
    WHERE eigen.organisatie_id = %(eigen)s
      AND (eigen.uri = gebruik.uri
           OR (eigen.uri IS NULL AND gebruik.uri IS NULL
               AND eigen.softwarepakket_id = gebruik.softwarepakket_id))
)
GROUP BY gebruik.uri, r.naam, p.id
ORDER BY r.naam NULLS LAST, gebruik.uri NULLS LAST, p.naam, p.id
"""  # noqa: S608 - the tables are the models', the values parameters


@dataclass
class Vergelijking:
    organisatie: Organisatie
    grootteklasse: str
    aantal_vergelijkbare_organisaties: int | None  # None: suppressed
    rijen: list[dict]


def _getoond(aantal: int) -> int | None:
    return aantal if aantal >= MIN_ORGANISATIES else None


def vergelijking(organisatie: Organisatie) -> Vergelijking:
    klasse, laagste, volgende = grootteklasse(organisatie.inwonertal)
    aantal_in_groep = vergelijkbare_organisaties(organisatie).count()
    params = {
        "type": organisatie.type,
        "laagste": laagste,
        "volgende": volgende,
        "statussen": list(IN_GEBRUIK),
        "eigen": organisatie.pk,
    }
    with connection.cursor() as cursor:
        cursor.execute(_RIJEN, params)
        rows = cursor.fetchall()
    getoond_groep = _getoond(aantal_in_groep)
    rijen = []
    for uri, component, pakket_uuid, pakket_naam, aantal, eigen in rows:
        getoond = _getoond(aantal) if getoond_groep is not None else None
        if not eigen and getoond is None:
            continue  # another package of the group: only with a count that may be given
        rijen.append(
            {
                "referentiecomponent": uri,
                "referentiecomponent_naam": component,
                "softwarepakket": pakket_uuid,
                "softwarepakket_naam": pakket_naam,
                "eigen_gebruik": eigen,
                "aantal_organisaties": getoond,
                "onvoldoende_gegevens": getoond is None,
            }
        )
    return Vergelijking(organisatie, klasse, getoond_groep, rijen)
