"""The floor: the least work that still serves the same aanbiedingen page as the API.

A bare WSGI app (no Django) that answers ``/aanbiedingen?pageSize=100`` and
``/aanbiedingen/<uuid>`` with exactly the API's JSON (same fields, values and URLs), built
from one SQL query per request and serialised with orjson. The benchmark checks that both
answers are equal before it measures anything.
"""

from __future__ import annotations

import os
from decimal import Decimal

import orjson
import psycopg

BASE = "/catalogus/api/v1"

_SQL = """
SELECT a.uuid, p.uuid, l.uuid, r.uuid, a.naam, a.omschrijving, a.leveringsvorm, a.hostinglocatie,
       a.licentiemodel, a.eenheid, a.minimale_afname, a.looptijd_maanden, a.verlenging,
       a.bestelparameters_schema, a.vereiste_documenten, a.geldig_vanaf, a.geldig_tot, a.status,
       (SELECT coalesce(json_agg(json_build_object(
            'uuid', pr.uuid, 'prijstype', pr.prijstype, 'periode', pr.periode,
            'bedrag', pr.bedrag_excl_btw::text, 'btw', pr.btw_percentage::text, 'staffels', pr.staffels,
            'doelgroep', pr.doelgroep, 'vanaf', pr.geldig_vanaf, 'tot', pr.geldig_tot
        ) ORDER BY pr.prijstype, pr.geldig_vanaf, pr.id), '[]')
        FROM catalogus_prijs pr
        WHERE pr.aanbieding_id = a.id AND pr.geldig_vanaf <= current_date
          AND (pr.geldig_tot IS NULL OR pr.geldig_tot > current_date)) AS prijzen,
       {count} AS aantal
FROM catalogus_aanbieding a
JOIN catalogus_softwarepakket p ON p.id = a.softwarepakket_id
JOIN catalogus_leverancier l ON l.id = a.leverancier_id
LEFT JOIN catalogus_raamovereenkomst r ON r.id = a.raamovereenkomst_id
{where}
ORDER BY a.naam, a.id
LIMIT %s
"""
_COUNT = "(SELECT count(*) FROM (SELECT 1 FROM catalogus_aanbieding LIMIT 10001) AS s)"

_connection = None


def _db():
    global _connection
    if _connection is None or _connection.closed:
        _connection = psycopg.connect(os.environ["DATABASE_URL"], autocommit=True)
    return _connection


def _decimal2(text: str) -> str:
    return f"{Decimal(text):.2f}"


def _row(root: str, row) -> dict:
    (
        uuid,
        pakket,
        leverancier,
        raam,
        naam,
        omschrijving,
        leveringsvorm,
        hosting,
        model,
        eenheid,
        minimaal,
        looptijd,
        verlenging,
        schema,
        documenten,
        vanaf,
        tot,
        status,
        prijzen,
        _count,
    ) = row
    url = f"{root}/aanbiedingen/{uuid}"
    return {
        "url": url,
        "softwarepakket": f"{root}/softwarepakketten/{pakket}",
        "leverancier": f"{root}/leveranciers/{leverancier}",
        "naam": naam,
        "omschrijving": omschrijving,
        "leveringsvorm": leveringsvorm,
        "hostinglocatie": hosting,
        "licentiemodel": model,
        "eenheid": eenheid,
        "minimaleAfname": minimaal,
        "looptijdMaanden": looptijd,
        "verlenging": verlenging,
        "raamovereenkomst": f"{root}/raamovereenkomsten/{raam}" if raam else None,
        "bestelparametersSchema": schema,
        "vereisteDocumenten": documenten,
        "geldigVanaf": vanaf.isoformat(),
        "geldigTot": tot.isoformat() if tot else None,
        "status": status,
        "actuelePrijzen": [
            {
                "url": f"{root}/prijzen/{prijs['uuid']}",
                "aanbieding": url,
                "prijstype": prijs["prijstype"],
                "periode": prijs["periode"],
                "bedragExclBtw": _decimal2(prijs["bedrag"]),
                "btwPercentage": _decimal2(prijs["btw"]),
                "staffels": prijs["staffels"],
                "doelgroep": prijs["doelgroep"],
                "geldigVanaf": prijs["vanaf"],
                "geldigTot": prijs["tot"],
            }
            for prijs in prijzen
        ],
    }


def application(environ, start_response):
    root = f"http://{environ['HTTP_HOST']}{BASE}"
    path = environ["PATH_INFO"]
    with _db().cursor() as cursor:
        if path.startswith(f"{BASE}/aanbiedingen/"):
            cursor.execute(_SQL.format(count="0", where="WHERE a.uuid = %s"), [path.rsplit("/", 1)[1], 1])
            body = _row(root, cursor.fetchone())
        else:
            cursor.execute(_SQL.format(count=_COUNT, where=""), [101])
            rows = cursor.fetchall()
            query = environ.get("QUERY_STRING", "")
            body = {
                "count": rows[0][-1] if rows else 0,
                # The API sorts query parameters when it builds page links.
                "next": f"{root}/aanbiedingen?page=2&{query}" if len(rows) > 100 else None,
                "previous": None,
                "results": [_row(root, row) for row in rows[:100]],
            }
    payload = orjson.dumps(body)
    start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(payload)))])
    return [payload]
