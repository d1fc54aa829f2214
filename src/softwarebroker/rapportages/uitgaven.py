"""Spending on software (``/rapportages/uitgaven``): per calendar year, supplier, package, cost
centre and kind (one-time or recurring), what was spent (``besteed``) and what running contracts
still commit to (``verplicht``), computed from the licences (``bestellingen.Licentie``).

How a licence counts (docs/rapportages.md says the same for users):

- Its one-time amount falls in the calendar month of its ``ingangsdatum``; its yearly amount is
  spread over its contract months, one twelfth per month (a month that has begun counts whole),
  each contract month in the calendar month it begins in. A licence's amounts per year and
  class are rounded to cents half-up, then summed.
- A month up to and including the current calendar month is ``besteed``; a later month is
  ``verplicht`` while the contract runs (``actief`` or ``opgezegd``).
- A running contract lasts until its ``einddatum`` when it was cancelled or does not renew
  automatically, else until its ``uitersteEinddatum`` (the renewals it allows). Without such a
  date (open-ended) it counts until the end of the requested period.
- An ended contract (``beeindigd``, ``verlopen``) counts until its ``einddatum``, only its begun
  months; one without an ``einddatum`` never began (its order ended before delivery) and counts
  not at all.
- A licence ``aangevraagd`` (ordered, not yet delivered) counts as ``verplicht`` once its order
  was approved (past ``ter_goedkeuring``): its one-time amount and one contract year from its
  ``ingangsdatum``. Before approval it counts not at all.
- The amounts are the licence's current ones (after its last change or indexation): the
  licence does not keep earlier prices.

One query, whatever the number of licences: PostgreSQL expands each licence into at most the
period's months (``generate_series``) and sums per group.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db import connection

from softwarebroker.bestellingen.constants import BestellingStatus
from softwarebroker.bestellingen.models import Bestelling, Bestelregel, Licentie
from softwarebroker.catalogus.models import Leverancier, Softwarepakket

#: What ``groeperen`` may name, in the order of the rows.
DIMENSIES = ("jaar", "leverancier", "softwarepakket", "kostenplaats", "soort")
STANDAARD_GROEPERING = ("jaar",)
#: The longest period, in calendar years.
MAX_JAREN = 5
#: The default period: this many years before and after the current one.
STANDAARD_JAREN_TERUG = 2
STANDAARD_JAREN_VOORUIT = 2

CENT = Decimal("0.01")

EENMALIG = "eenmalig"
TERUGKEREND = "terugkerend"

#: An order past approval whose lines are not delivered yet: its licences are committed.
GOEDGEKEURD = (
    BestellingStatus.INGEDIEND,
    BestellingStatus.GEACCEPTEERD,
    BestellingStatus.IN_BEHANDELING,
    BestellingStatus.WACHT_OP_AFNEMER,
    BestellingStatus.ANNULERING_BEOORDELEN,
)

_L = Licentie._meta.db_table
_BRON = Licentie.bronregels.through._meta.db_table
_REGEL = Bestelregel._meta.db_table
_BESTELLING = Bestelling._meta.db_table
_LEVERANCIER = Leverancier._meta.db_table
_PAKKET = Softwarepakket._meta.db_table

# Per licence: its first month (as a month number: year * 12 + month - 1), how many contract
# months count, and how (lopend: later months are verplicht; aangevraagd: every month is).
_LICENTIES = f"""
SELECT l.id, l.leverancier_id, nullif(l.leverancier_naam, '') AS leverancier_naam,
       l.softwarepakket_id, nullif(l.softwarepakket_naam, '') AS softwarepakket_naam,
       nullif(l.kostenplaats, '') AS kostenplaats,
       l.bedrag_eenmalig_excl_btw AS eenmalig, l.bedrag_per_jaar_excl_btw AS per_jaar,
       (extract(year FROM l.ingangsdatum) * 12 + extract(month FROM l.ingangsdatum) - 1)::int AS m0,
       l.status = 'aangevraagd' AS aangevraagd,
       l.status IN ('actief', 'opgezegd') AS lopend,
       CASE WHEN l.status = 'aangevraagd' THEN 12
            ELSE (extract(year FROM e.einde) * 12 + extract(month FROM e.einde))::int
                 - (extract(year FROM l.ingangsdatum) * 12 + extract(month FROM l.ingangsdatum))::int
                 + (extract(day FROM e.einde) > extract(day FROM l.ingangsdatum))::int
       END AS n
FROM {_L} l
CROSS JOIN LATERAL (
    SELECT CASE
        WHEN l.status IN ('beeindigd', 'verlopen') THEN l.einddatum
        WHEN l.status = 'opgezegd' OR NOT l.automatisch_verlengen
            THEN coalesce(l.einddatum, %(horizon)s)
        ELSE coalesce(l.uiterste_einddatum, %(horizon)s)
    END AS einde
) e
WHERE ({{organisatie}})
  AND l.ingangsdatum < %(horizon)s
  AND (
    (l.status IN ('actief', 'opgezegd'))
    OR (l.status IN ('beeindigd', 'verlopen') AND l.einddatum > %(begin)s)
    OR (l.status = 'aangevraagd' AND EXISTS (
        SELECT 1 FROM {_BRON} br
        JOIN {_REGEL} r ON r.id = br.bestelregel_id
        JOIN {_BESTELLING} b ON b.id = r.bestelling_id
        WHERE br.licentie_id = l.id AND b.status = ANY(%(goedgekeurd)s)))
  )
"""  # noqa: S608 - the tables are the models', the values parameters

# Each licence's months within the period (c: the calendar month number), per year and class,
# then per group. The one-time amount is one more "month" row of its own kind.
_UITGAVEN = f"""
WITH l AS ({_LICENTIES}),
delen AS (
    SELECT l.id, l.leverancier_id, l.leverancier_naam, l.softwarepakket_id, l.softwarepakket_naam,
           l.kostenplaats, 'terugkerend' AS soort, m.c / 12 AS jaar,
           (NOT l.aangevraagd AND m.c <= %(nu)s) AS besteed,
           round(l.per_jaar * count(*) / 12, 2) AS bedrag
    FROM l
    CROSS JOIN LATERAL generate_series(greatest(l.m0, %(p0)s), least(l.m0 + l.n, %(p1)s) - 1) AS m(c)
    WHERE l.per_jaar <> 0 AND (l.aangevraagd OR l.lopend OR m.c <= %(nu)s)
    GROUP BY l.id, l.leverancier_id, l.leverancier_naam, l.softwarepakket_id, l.softwarepakket_naam,
             l.kostenplaats, l.aangevraagd, l.per_jaar, m.c / 12, (NOT l.aangevraagd AND m.c <= %(nu)s)
    UNION ALL
    SELECT l.id, l.leverancier_id, l.leverancier_naam, l.softwarepakket_id, l.softwarepakket_naam,
           l.kostenplaats, 'eenmalig', l.m0 / 12, (NOT l.aangevraagd AND l.m0 <= %(nu)s), l.eenmalig
    FROM l
    WHERE l.eenmalig <> 0 AND l.m0 >= %(p0)s AND l.m0 < %(p1)s
      AND (l.aangevraagd OR l.lopend OR l.m0 <= %(nu)s)
)
SELECT {{kolommen}},
       coalesce(sum(d.bedrag) FILTER (WHERE d.besteed), 0) AS besteed,
       coalesce(sum(d.bedrag) FILTER (WHERE NOT d.besteed), 0) AS verplicht
FROM delen d
LEFT JOIN {_LEVERANCIER} lev ON lev.id = d.leverancier_id
LEFT JOIN {_PAKKET} pak ON pak.id = d.softwarepakket_id
{{groepering}}
ORDER BY {{volgorde}}
"""  # noqa: S608 - the tables are the models', the values parameters

# Per dimension: the columns it selects (uuid/None, naam) and groups by.
_KOLOMMEN = {
    "jaar": ("d.jaar",),
    "leverancier": ("lev.uuid", "coalesce(lev.naam, d.leverancier_naam)"),
    "softwarepakket": ("pak.uuid", "coalesce(pak.naam, d.softwarepakket_naam)"),
    "kostenplaats": ("d.kostenplaats",),
    "soort": ("d.soort",),
}


@dataclass(frozen=True)
class Periode:
    vanaf_jaar: int
    tot_en_met_jaar: int


def standaard_periode(vandaag: datetime.date) -> Periode:
    return Periode(vandaag.year - STANDAARD_JAREN_TERUG, vandaag.year + STANDAARD_JAREN_VOORUIT)


def _maand(day: datetime.date) -> int:
    return day.year * 12 + day.month - 1


def uitgaven(
    *, organisatie_id: int | None, periode: Periode, groeperen: tuple[str, ...], vandaag: datetime.date
) -> list[dict]:
    """The rows: per group of ``groeperen`` (in :data:`DIMENSIES` order), ``besteed`` and
    ``verplicht``; a dimension not grouped by is None in every row (so are a supplier, package
    or cost centre the licence does not name). ``organisatie_id`` None: every organisation."""
    gekozen = [dimensie for dimensie in DIMENSIES if dimensie in groeperen]
    kolommen = [kolom for dimensie in gekozen for kolom in _KOLOMMEN[dimensie]]
    sql = _UITGAVEN.format(
        organisatie="l.organisatie_id = %(organisatie)s" if organisatie_id is not None else "true",
        kolommen=", ".join([*kolommen, "1"]) if kolommen else "1",
        groepering=f"GROUP BY {', '.join(kolommen)}" if kolommen else "",
        volgorde=", ".join([*(f"{kolom} NULLS LAST" for kolom in _volgorde(gekozen)), "1"]),
    )
    params = {
        "organisatie": organisatie_id,
        "goedgekeurd": list(GOEDGEKEURD),
        "begin": datetime.date(periode.vanaf_jaar, 1, 1),
        "horizon": datetime.date(periode.tot_en_met_jaar + 1, 1, 1),
        "p0": periode.vanaf_jaar * 12,
        "p1": (periode.tot_en_met_jaar + 1) * 12,
        "nu": _maand(vandaag),
    }
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    resultaten = []
    for row in rows:
        *waarden, _, besteed, verplicht = row
        if not besteed and not verplicht:
            continue
        values = iter(waarden)
        rij = dict.fromkeys(
            (
                "jaar",
                "leverancier",
                "leverancier_naam",
                "softwarepakket",
                "softwarepakket_naam",
                "kostenplaats",
                "soort",
            )
        )
        for dimensie in gekozen:
            if dimensie == "leverancier":
                rij["leverancier"], rij["leverancier_naam"] = next(values), next(values)
            elif dimensie == "softwarepakket":
                rij["softwarepakket"], rij["softwarepakket_naam"] = next(values), next(values)
            else:
                rij[dimensie] = next(values)
        besteed, verplicht = Decimal(besteed).quantize(CENT), Decimal(verplicht).quantize(CENT)
        rij.update(besteed=besteed, verplicht=verplicht, totaal=besteed + verplicht)
        resultaten.append(rij)
    return resultaten


def _volgorde(gekozen: list[str]) -> list[str]:
    """Rows by year, then by name (supplier, package), cost centre and kind."""
    volgorde = []
    for dimensie in gekozen:
        kolommen = _KOLOMMEN[dimensie]
        volgorde.append(kolommen[-1])
        if len(kolommen) > 1:
            volgorde.append(kolommen[0])  # two suppliers of one name: a stable order
    return volgorde
