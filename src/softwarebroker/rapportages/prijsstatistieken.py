"""The price statistics in one SQL statement over the summary (``Prijswaarneming``): per group
the distinct organisations, minimum, quartiles and maximum of the price per unit per year, and
whether the group may show them (:mod:`.anonimiteit`: figures leave the database only for a
group that passes the rule).

The quartiles interpolate linearly between the two nearest ranks, as ``percentile_cont`` does,
but in ``numeric``: ``percentile_cont`` computes in double precision, and the answer must equal
a computation with Decimal to the cent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db import connection

from .anonimiteit import MIN_ORGANISATIES
from .perioden import Periode

CENT = Decimal("0.01")

# Fixed volume bands (quantity of one order line or licence): (name, lowest, highest or None).
VOLUMEBANDEN = (
    ("1-9", 1, 9),
    ("10-49", 10, 49),
    ("50-249", 50, 249),
    ("250-999", 250, 999),
    ("1000-9999", 1000, 9999),
    ("10000-", 10000, None),
)
VOLUMEBAND_NAMEN = tuple(naam for naam, _, _ in VOLUMEBANDEN)
GROEPERINGEN = ("aanbieding", "licentiemodel", "eenheid", "volumeband")
# The columns of an atom (anonimiteit): every grouping and filter selects whole atoms.
ATOOM = ("softwarepakket_id", "aanbieding_id", "licentiemodel", "eenheid", "volumeband", "kwartaal")
KOLOM = {
    "aanbieding": "aanbieding_id",
    "licentiemodel": "licentiemodel",
    "eenheid": "eenheid",
    "volumeband": "volumeband",
}
KWARTIELEN = (("p25", "0.25"), ("mediaan", "0.5"), ("p75", "0.75"))


def _band_sql() -> str:
    """The band's number (1 = the first band): grouped and sorted as an integer, named at the end."""
    cases = " ".join(
        f"WHEN aantal <= {hoogste} THEN {nummer}"
        for nummer, (_, _, hoogste) in enumerate(VOLUMEBANDEN, start=1)
        if hoogste is not None
    )
    return f"CASE {cases} ELSE {len(VOLUMEBANDEN)} END"


def _kwartiel_sql(fractie: str) -> str:
    """The quantile of the sorted array ``prijzen`` (1-based) at ``fractie``: the value at rank
    ``1 + floor(h)`` plus ``h - floor(h)`` of the step to the next, ``h = (n - 1) * fractie``."""
    h = f"((cardinality(prijzen) - 1) * {fractie})"
    onder = f"prijzen[floor({h})::int + 1]"
    boven = f"prijzen[least(floor({h})::int + 2, cardinality(prijzen))]"
    return f"{onder} + ({boven} - {onder}) * ({h} - floor({h}))"


@dataclass
class Vraag:
    periode: Periode
    groepering: list[str] = field(default_factory=list)
    softwarepakket_id: int | None = None
    aanbieding_id: int | None = None
    licentiemodel: str | None = None
    eenheid: str | None = None
    volumeband: str | None = None


STATEMENT = """
WITH rijen AS NOT MATERIALIZED (
    SELECT organisatie_id, softwarepakket_id, aanbieding_id, licentiemodel, eenheid, kwartaal, prijs,
           {band} AS volumeband
    FROM rapportages_prijswaarneming
    WHERE {where}
),
paren AS (
    SELECT DISTINCT {atoom}, organisatie_id FROM rijen
),
atomen AS (
    SELECT {keys}, count(*) AS organisaties FROM paren GROUP BY {atoom}
),
veilig AS (
    SELECT {keys}, bool_and(organisaties >= %(minimum)s) AS atomen_veilig
    FROM atomen GROUP BY {keys}
),
organisaties AS (
    SELECT {keys}, count(DISTINCT organisatie_id) AS organisaties FROM paren GROUP BY {keys}
),
gesorteerd AS (
    SELECT {keys}, array_agg(prijs ORDER BY prijs) AS prijzen FROM rijen GROUP BY {keys}
),
beoordeeld AS (
    SELECT g.*, o.organisaties, v.atomen_veilig AND o.organisaties >= %(minimum)s AS toonbaar
    FROM gesorteerd g
    JOIN organisaties o ON {same_group_o}
    JOIN veilig v ON {same_group_v}
),
statistiek AS (
    SELECT {keys}, toonbaar, organisaties, prijzen[1] AS minimum, {kwartielen},
           prijzen[cardinality(prijzen)] AS maximum
    FROM beoordeeld
)
SELECT p.uuid, p.naam, a.uuid, {dimensies}, NOT s.toonbaar, {figuren}
FROM statistiek s
JOIN catalogus_softwarepakket p ON p.id = s.softwarepakket_id
LEFT JOIN catalogus_aanbieding a ON {aanbieding_join}
ORDER BY p.naam, p.id, a.naam, a.id{volgorde}
"""


def sql(vraag: Vraag) -> tuple[str, dict]:
    """The statement and its parameters."""
    gegroepeerd = [naam for naam in GROEPERINGEN if naam in vraag.groepering]
    keys = ["softwarepakket_id", *(KOLOM[naam] for naam in gegroepeerd)]
    where = ["kwartaal >= %(vanaf)s", "kwartaal < %(tot)s"]
    params = {"vanaf": vraag.periode.vanaf, "tot": vraag.periode.tot, "minimum": MIN_ORGANISATIES}
    for naam in ("softwarepakket_id", "aanbieding_id", "licentiemodel", "eenheid"):
        if getattr(vraag, naam) is not None:
            where.append(f"{naam} = %({naam})s")
            params[naam] = getattr(vraag, naam)
    if vraag.volumeband is not None:
        _, laagste, hoogste = next(band for band in VOLUMEBANDEN if band[0] == vraag.volumeband)
        where.append("aantal >= %(laagste)s")
        params["laagste"] = laagste
        if hoogste is not None:
            where.append("aantal <= %(hoogste)s")
            params["hoogste"] = hoogste
    # Dimensions not grouped on are null; an observation without an offer has no model or unit.
    dimensies = [
        f"NULLIF(s.{naam}, '')" if naam in gegroepeerd else "NULL" for naam in ("licentiemodel", "eenheid")
    ] + ["(%(banden)s::text[])[s.volumeband]" if "volumeband" in gegroepeerd else "NULL"]
    volgorde = "".join(f", s.{naam}" for naam in ("licentiemodel", "eenheid") if naam in gegroepeerd)
    if "volumeband" in gegroepeerd:
        volgorde += ", s.volumeband"
        params["banden"] = list(VOLUMEBAND_NAMEN)
    statement = STATEMENT.format(
        band=_band_sql(),
        where=" AND ".join(where),
        keys=", ".join(keys),
        atoom=", ".join(ATOOM),
        kwartielen=", ".join(f"{_kwartiel_sql(fractie)} AS {naam}" for naam, fractie in KWARTIELEN),
        same_group_o=" AND ".join(f"g.{key} IS NOT DISTINCT FROM o.{key}" for key in keys),
        same_group_v=" AND ".join(f"g.{key} IS NOT DISTINCT FROM v.{key}" for key in keys),
        dimensies=", ".join(dimensies),
        figuren=", ".join(
            f"CASE WHEN s.toonbaar THEN s.{naam} END"
            for naam in ("organisaties", "minimum", "p25", "mediaan", "p75", "maximum")
        ),
        aanbieding_join="a.id = s.aanbieding_id" if "aanbieding" in gegroepeerd else "FALSE",
        volgorde=volgorde,
    )
    return statement, params


def _cent(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(CENT, rounding=ROUND_HALF_UP)


FIGUREN = ("steekproefGrootte", "minimum", "p25", "mediaan", "p75", "maximum")


def resultaten(vraag: Vraag) -> list[dict]:
    """One row per group: the package (uuid, name), the offer's uuid, the other groupings,
    ``onvoldoendeGegevens`` and the figures (None when suppressed)."""
    statement, params = sql(vraag)
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        rows = cursor.fetchall()
    result = []
    for pakket, naam, aanbieding, licentiemodel, eenheid, band, onvoldoende, organisaties, *prijzen in rows:
        result.append(
            {
                "softwarepakket": pakket,
                "softwarepakketNaam": naam,
                "aanbieding": aanbieding,
                "licentiemodel": licentiemodel,
                "eenheid": eenheid,
                "volumeband": band,
                "onvoldoendeGegevens": onvoldoende,
                "steekproefGrootte": organisaties,
                **dict(zip(FIGUREN[1:], (_cent(prijs) for prijs in prijzen), strict=True)),
            }
        )
    return result
