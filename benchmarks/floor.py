"""The floor: the least work that still serves the same aanbiedingen page as the API.

A bare WSGI app (no Django) that answers ``/aanbiedingen?pageSize=100`` (also with
``volledigVerklaard`` or ``zoek``) and ``/aanbiedingen/<uuid>`` with exactly the API's JSON (same
fields, values and URLs; for a search the same matches, order and count), built from one SQL
statement per request and serialised with orjson. The benchmark checks that both answers are
equal before it measures anything.
"""

from __future__ import annotations

import os
from datetime import UTC
from decimal import Decimal
from urllib.parse import parse_qsl

import orjson
import psycopg

CATALOGUS_BASE = "/catalogus/api/v1"

_SQL = """
SELECT a.uuid, p.uuid, l.uuid, r.uuid, a.naam, a.omschrijving, a.leveringsvorm, a.hostinglocatie,
       a.licentiemodel, a.eenheid, a.minimale_afname, a.looptijd_maanden, a.verlenging,
       a.bestelparameters_schema, a.vereiste_documenten, a.geldig_vanaf, a.geldig_tot, a.status,
       a.opzegtermijn_dagen, a.verlengingstermijn_maanden, a.max_verlengingen, a.indexering,
       a.indexering_percentage::text, a.indexering_plafond::text,
       (SELECT coalesce(json_agg(json_build_object(
            'uuid', pr.uuid, 'prijstype', pr.prijstype, 'grondslag', pr.grondslag, 'periode', pr.periode,
            'bedrag', pr.bedrag_excl_btw::text, 'btw', pr.btw_percentage::text, 'staffels', pr.staffels,
            'doelgroep', pr.doelgroep, 'vanaf', pr.geldig_vanaf, 'tot', pr.geldig_tot
        ) ORDER BY pr.prijstype, pr.geldig_vanaf, pr.id), '[]')
        FROM catalogus_prijs pr
        WHERE pr.aanbieding_id = a.id AND pr.geldig_vanaf <= current_date
          AND (pr.geldig_tot IS NULL OR pr.geldig_tot > current_date)) AS prijzen,
       (SELECT coalesce(json_agg(json_build_object(
            'type', d.type, 'uuid', d.uuid, 'vanaf', d.geldig_vanaf, 'tot', d.geldig_tot
        ) ORDER BY d.type), '[]')
        FROM (SELECT DISTINCT ON (c.type) c.type, c.uuid, c.geldig_vanaf, c.geldig_tot
              FROM (SELECT 0 AS niveau, v.* FROM catalogus_verklaring v WHERE v.aanbieding_id = a.id
                    UNION ALL
                    SELECT 1, v.* FROM catalogus_verklaring v WHERE v.softwarepakket_id = a.softwarepakket_id
                    UNION ALL
                    SELECT 2, v.* FROM catalogus_verklaring v WHERE v.leverancier_id = a.leverancier_id) AS c
              WHERE c.status = 'goedgekeurd' AND c.geldig_vanaf <= current_date
                AND (c.geldig_tot IS NULL OR c.geldig_tot >= current_date)
              ORDER BY c.type, c.niveau, c.geldig_vanaf DESC, c.id DESC) AS d) AS verklaringen,
       {count} AS aantal
FROM catalogus_aanbieding a
JOIN catalogus_softwarepakket p ON p.id = a.softwarepakket_id
JOIN catalogus_leverancier l ON l.id = a.leverancier_id
LEFT JOIN catalogus_raamovereenkomst r ON r.id = a.raamovereenkomst_id
{where}
ORDER BY {order}
LIMIT %s
"""
_COUNT = "(SELECT count(*) FROM (SELECT 1 FROM catalogus_aanbieding a {where} LIMIT 10001) AS s)"
ESTIMATE_HEADER = "X-Aantal-Geschat"

# ``zoek``: the API's search (``catalogus.search``) in the same statement as the page. The
# terms' full-text query and the one with typos corrected (NULL when nothing was corrected) are
# computed once; the matches with their scores once, for the page and the bounded count. Full
# text with corrections: exact matches first by their rank, then the corrected ones by theirs;
# only without any, trigram similarity on the names. Above the count limit, the count is the
# planner's estimate of the matches, as the API's (``api.pagination.estimated_count``).
_ZOEK = """
WITH vraag AS MATERIALIZED (
    SELECT websearch_to_tsquery('dutch', %(zoek)s) AS origineel,
           catalogus_zoekvraag_met_correcties(%(zoek)s) AS gecorrigeerd
),
volledig AS MATERIALIZED (
    SELECT a.id,
           (SELECT gecorrigeerd FROM vraag) IS NULL OR a.zoekvector @@ (SELECT origineel FROM vraag) AS exact,
           CASE WHEN (SELECT gecorrigeerd FROM vraag) IS NULL OR a.zoekvector @@ (SELECT origineel FROM vraag)
                THEN ts_rank(a.zoekvector, (SELECT origineel FROM vraag))
                ELSE ts_rank(a.zoekvector, (SELECT gecorrigeerd FROM vraag)) END AS score
    FROM catalogus_aanbieding a
    WHERE a.zoekvector @@ (SELECT coalesce(gecorrigeerd, origineel) FROM vraag)
),
treffers AS MATERIALIZED (
    SELECT id, exact, score FROM volledig
    UNION ALL
    SELECT a.id, true, word_similarity(lower(%(zoek)s), lower(a.naam))
    FROM catalogus_aanbieding a
    WHERE NOT EXISTS (SELECT 1 FROM volledig) AND a.zoektekst %%> lower(%(zoek)s)
),
pagina AS (SELECT * FROM treffers ORDER BY exact DESC, score DESC, id LIMIT 101)
"""
_ZOEK_COUNT = """(SELECT CASE WHEN n <= 10000 THEN n ELSE -greatest(10001, pg_temp.geschat_aantal(
    CASE WHEN EXISTS (SELECT 1 FROM volledig)
         THEN format('SELECT 1 FROM catalogus_aanbieding a WHERE a.zoekvector @@ (SELECT coalesce('
                     'catalogus_zoekvraag_met_correcties(%%L), websearch_to_tsquery(''dutch'', %%L)))',
                     %(zoek)s::text, %(zoek)s::text)
         ELSE format('SELECT 1 FROM catalogus_aanbieding a WHERE a.zoektekst %%%%> lower(%%L)',
                     %(zoek)s::text)
    END)) END
    FROM (SELECT count(*) AS n FROM (SELECT 1 FROM treffers LIMIT 10001) AS s) AS aantal)"""
# The planner's estimate of a query's rows (a function of this connection only).
_GESCHAT_AANTAL = """
CREATE FUNCTION pg_temp.geschat_aantal(query text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    plan json;
BEGIN
    EXECUTE 'EXPLAIN (FORMAT JSON) ' || query INTO plan;
    RETURN (plan -> 0 -> 'Plan' ->> 'Plan Rows')::bigint;
END
$$
"""
# ``volledigVerklaard``: the same condition as the API's (every required type covered today).
_ONTBREEKT = """EXISTS (
    SELECT 1 FROM unnest(a.vereiste_documenten) AS vereist(soort)
    WHERE NOT EXISTS (SELECT 1 FROM catalogus_verklaring v WHERE v.aanbieding_id = a.id
            AND v.type = vereist.soort AND v.status = 'goedgekeurd' AND v.geldig_vanaf <= current_date
            AND (v.geldig_tot IS NULL OR v.geldig_tot >= current_date))
      AND NOT EXISTS (SELECT 1 FROM catalogus_verklaring v WHERE v.softwarepakket_id = a.softwarepakket_id
            AND v.type = vereist.soort AND v.status = 'goedgekeurd' AND v.geldig_vanaf <= current_date
            AND (v.geldig_tot IS NULL OR v.geldig_tot >= current_date))
      AND NOT EXISTS (SELECT 1 FROM catalogus_verklaring v WHERE v.leverancier_id = a.leverancier_id
            AND v.type = vereist.soort AND v.status = 'goedgekeurd' AND v.geldig_vanaf <= current_date
            AND (v.geldig_tot IS NULL OR v.geldig_tot >= current_date)))"""

_connection = None


def _connect():
    global _connection
    if _connection is None or _connection.closed:
        _connection = psycopg.connect(os.environ["DATABASE_URL"], autocommit=True)
        _connection.execute(_GESCHAT_AANTAL)
    return _connection


def _two_decimals(text: str) -> str:
    return f"{Decimal(text):.2f}"


def _aanbieding(root: str, row) -> dict:
    (
        uuid,
        softwarepakket,
        leverancier,
        raamovereenkomst,
        naam,
        omschrijving,
        leveringsvorm,
        hostinglocatie,
        licentiemodel,
        eenheid,
        minimale_afname,
        looptijd_maanden,
        verlenging,
        schema,
        vereiste_documenten,
        geldig_vanaf,
        geldig_tot,
        status,
        opzegtermijn_dagen,
        verlengingstermijn_maanden,
        max_verlengingen,
        indexering,
        indexering_percentage,
        indexering_plafond,
        prijzen,
        verklaringen,
        _count,
    ) = row
    url = f"{root}/aanbiedingen/{uuid}"
    gedekt = {verklaring["type"] for verklaring in verklaringen}
    return {
        "url": url,
        "softwarepakket": f"{root}/softwarepakketten/{softwarepakket}",
        "leverancier": f"{root}/leveranciers/{leverancier}",
        "naam": naam,
        "omschrijving": omschrijving,
        "leveringsvorm": leveringsvorm,
        "hostinglocatie": hostinglocatie or None,
        "licentiemodel": licentiemodel,
        "eenheid": eenheid,
        "minimaleAfname": minimale_afname,
        "looptijdMaanden": looptijd_maanden,
        "verlenging": verlenging,
        "opzegtermijnDagen": opzegtermijn_dagen,
        "verlengingstermijnMaanden": verlengingstermijn_maanden,
        "maxVerlengingen": max_verlengingen,
        "indexering": {
            "methode": indexering,
            "percentage": indexering_percentage and _two_decimals(indexering_percentage),
            "plafondPercentage": indexering_plafond and _two_decimals(indexering_plafond),
        },
        "raamovereenkomst": f"{root}/raamovereenkomsten/{raamovereenkomst}" if raamovereenkomst else None,
        "bestelparametersSchema": schema,
        "vereisteDocumenten": vereiste_documenten,
        "geldigVanaf": geldig_vanaf.isoformat(),
        "geldigTot": geldig_tot.isoformat() if geldig_tot else None,
        "status": status,
        "actuelePrijzen": [
            {
                "url": f"{root}/prijzen/{prijs['uuid']}",
                "aanbieding": url,
                "prijstype": prijs["prijstype"],
                "grondslag": prijs["grondslag"],
                "periode": prijs["periode"] or None,
                "bedragExclBtw": _two_decimals(prijs["bedrag"]),
                "btwPercentage": _two_decimals(prijs["btw"]),
                "staffels": prijs["staffels"],
                "doelgroep": prijs["doelgroep"],
                "geldigVanaf": prijs["vanaf"],
                "geldigTot": prijs["tot"],
            }
            for prijs in prijzen
        ],
        "verklaringen": [
            {
                "type": verklaring["type"],
                "verklaring": f"{root}/verklaringen/{verklaring['uuid']}",
                "geldigVanaf": verklaring["vanaf"],
                "geldigTot": verklaring["tot"],
            }
            for verklaring in verklaringen
        ],
        "ontbrekendeVerklaringen": [soort for soort in vereiste_documenten if soort not in gedekt],
    }


_BESTELLING_SQL = """
SELECT b.uuid, b.nummer, o.uuid, b.aanvrager, b.aanvrager_weergave, b.kostenplaats, b.inkoopordernummer,
       l.uuid, r.uuid, b.gewenste_ingangsdatum, b.status, b.totaal_eenmalig_excl_btw::text,
       b.totaal_per_jaar_excl_btw::text, b.totaal_btw::text, b.afroepwaarde_excl_btw::text, b.ingediend_op,
       b.aangemaakt_op, b.gewijzigd_op,
       (SELECT vb.uuid FROM vraagbundelingen_deelname d
        JOIN vraagbundelingen_vraagbundeling vb ON vb.id = d.vraagbundeling_id
        WHERE d.bestelling_id = b.id) AS vraagbundeling,
       (SELECT coalesce(json_agg(json_build_object(
            'uuid', g.uuid, 'volgnummer', g.volgnummer, 'aanbieding', a.uuid, 'aantal', g.aantal,
            'actie', g.actie,
            'licentie', li.uuid, 'bestelparameters', g.bestelparameters,
            'prijsMomentopname', g.prijs_momentopname,
            'verklaringenMomentopname', g.verklaringen_momentopname,
            'eenmalig', g.bedrag_eenmalig_excl_btw::text, 'perJaar', g.bedrag_per_jaar_excl_btw::text,
            'btw', g.btw::text, 'status', g.status
        ) ORDER BY g.volgnummer), '[]')
        FROM bestellingen_bestelregel g
        JOIN catalogus_aanbieding a ON a.id = g.aanbieding_id
        LEFT JOIN bestellingen_licentie li ON li.id = g.licentie_id
        WHERE g.bestelling_id = b.id) AS regels,
       {count} AS aantal
FROM bestellingen_bestelling b
JOIN organisaties_organisatie o ON o.id = b.besteller_id
LEFT JOIN catalogus_leverancier l ON l.id = b.leverancier_id
LEFT JOIN catalogus_raamovereenkomst r ON r.id = b.raamovereenkomst_id
{where}
ORDER BY b.aangemaakt_op DESC, b.id DESC
LIMIT %s
"""
_BESTELLING_COUNT = (
    "(SELECT count(*) FROM (SELECT 1 FROM bestellingen_bestelling WHERE besteller_id = "
    "(SELECT id FROM organisaties_organisatie WHERE oin = %s) LIMIT 10001) AS s)"
)
BESTELLINGEN_BASE = "/bestellingen/api/v1"


def _utc_datetime(value) -> str | None:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if value else None


def _bestelling(host: str, row) -> dict:
    (uuid, nummer, besteller, aanvrager, aanvrager_weergave, kostenplaats, inkoopordernummer, leverancier,
     raamovereenkomst, gewenste_ingangsdatum, status, totaal_eenmalig, totaal_per_jaar, totaal_btw,
     afroepwaarde, ingediend_op, aangemaakt_op, gewijzigd_op, vraagbundeling, regels,
     _count) = row  # fmt: skip
    bestellingen_api, catalogus_api = f"http://{host}{BESTELLINGEN_BASE}", f"http://{host}{CATALOGUS_BASE}"
    return {
        "url": f"{bestellingen_api}/bestellingen/{uuid}",
        "nummer": nummer,
        "besteller": f"{bestellingen_api}/organisaties/{besteller}",
        "aanvrager": aanvrager,
        "aanvragerWeergave": aanvrager_weergave,
        "kostenplaats": kostenplaats,
        "inkoopordernummer": inkoopordernummer,
        "leverancier": f"{catalogus_api}/leveranciers/{leverancier}" if leverancier else None,
        "raamovereenkomst": f"{catalogus_api}/raamovereenkomsten/{raamovereenkomst}"
        if raamovereenkomst
        else None,
        "vraagbundeling": f"{bestellingen_api}/vraagbundelingen/{vraagbundeling}" if vraagbundeling else None,
        "gewensteIngangsdatum": gewenste_ingangsdatum.isoformat() if gewenste_ingangsdatum else None,
        "status": status,
        "regels": [
            {
                "url": f"{bestellingen_api}/bestellingen/{uuid}/regels/{regel['uuid']}",
                "volgnummer": regel["volgnummer"],
                "aanbieding": f"{catalogus_api}/aanbiedingen/{regel['aanbieding']}",
                "aantal": regel["aantal"],
                "actie": regel["actie"],
                "licentie": f"{bestellingen_api}/licenties/{regel['licentie']}"
                if regel["licentie"]
                else None,
                "bestelparameters": regel["bestelparameters"],
                "prijsMomentopname": regel["prijsMomentopname"],
                "verklaringenMomentopname": regel["verklaringenMomentopname"],
                "bedragEenmaligExclBtw": regel["eenmalig"],
                "bedragPerJaarExclBtw": regel["perJaar"],
                "btw": regel["btw"],
                "status": regel["status"],
            }
            for regel in regels
        ],
        "totaalEenmaligExclBtw": totaal_eenmalig,
        "totaalPerJaarExclBtw": totaal_per_jaar,
        "totaalBtw": totaal_btw,
        "afroepwaardeExclBtw": afroepwaarde,
        "ingediendOp": _utc_datetime(ingediend_op),
        "aangemaaktOp": _utc_datetime(aangemaakt_op),
        "gewijzigdOp": _utc_datetime(gewijzigd_op),
    }


def _bestellingen(environ, cursor) -> dict:
    host, path = environ["HTTP_HOST"], environ["PATH_INFO"]
    if path.startswith(f"{BESTELLINGEN_BASE}/bestellingen/"):
        cursor.execute(
            _BESTELLING_SQL.format(count="0", where="WHERE b.uuid = %s"), [path.rsplit("/", 1)[1], 1]
        )
        return _bestelling(host, cursor.fetchone())
    # One organisation's orders, newest first: ?oin=<OIN of the organisation>
    query = dict(part.split("=", 1) for part in environ.get("QUERY_STRING", "").split("&") if "=" in part)
    oin = query.pop("oin")
    cursor.execute(
        _BESTELLING_SQL.format(
            count=_BESTELLING_COUNT,
            where="WHERE b.besteller_id = (SELECT id FROM organisaties_organisatie WHERE oin = %s)",
        ),
        [oin, oin, 101],
    )
    rows = cursor.fetchall()
    rest = "&".join(f"{key}={value}" for key, value in sorted(query.items()))
    return {
        "count": rows[0][-1] if rows else 0,
        "next": f"http://{host}{BESTELLINGEN_BASE}/bestellingen?page=2&{rest}" if len(rows) > 100 else None,
        "previous": None,
        "results": [_bestelling(host, row) for row in rows[:100]],
    }


def application(environ, start_response):
    root = f"http://{environ['HTTP_HOST']}{CATALOGUS_BASE}"
    path = environ["PATH_INFO"]
    if path == "/_healthz/livez":
        start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", "2")])
        return [b"{}"]
    if path.startswith(BESTELLINGEN_BASE):
        with _connect().cursor() as cursor:
            payload = orjson.dumps(_bestellingen(environ, cursor))
        start_response(
            "200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(payload)))]
        )
        return [payload]
    headers = []
    with _connect().cursor() as cursor:
        if path.startswith(f"{CATALOGUS_BASE}/aanbiedingen/"):
            cursor.execute(
                _SQL.format(count="0", where="WHERE a.uuid = %s", order="a.id"), [path.rsplit("/", 1)[1], 1]
            )
            body = _aanbieding(root, cursor.fetchone())
        else:
            query = dict(parse_qsl(environ.get("QUERY_STRING", "")))
            if query.get("zoek", "").strip():
                page = _SQL.format(
                    count=_ZOEK_COUNT,
                    where="JOIN pagina z ON z.id = a.id",
                    order="z.exact DESC, z.score DESC, z.id",
                )
                cursor.execute(_ZOEK + page.replace("LIMIT %s", ""), {"zoek": query["zoek"]})
            else:
                volledig = query.get("volledigVerklaard")
                where = {"true": f"WHERE NOT {_ONTBREEKT}", "false": f"WHERE {_ONTBREEKT}"}.get(volledig, "")
                cursor.execute(
                    _SQL.format(count=_COUNT.format(where=where), where=where, order="a.naam, a.id"), [101]
                )
            rows = cursor.fetchall()
            query = environ.get("QUERY_STRING", "")
            count = rows[0][-1] if len(rows) > 100 else len(rows)
            if count < 0:  # the planner's estimate, above the exact count's limit
                count, headers = -count, [(ESTIMATE_HEADER, "true")]
            body = {
                "count": count,
                # The API sorts query parameters when it builds page links.
                "next": f"{root}/aanbiedingen?page=2&{query}" if len(rows) > 100 else None,
                "previous": None,
                "results": [_aanbieding(root, row) for row in rows[:100]],
            }
    payload = orjson.dumps(body)
    start_response(
        "200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(payload))), *headers]
    )
    return [payload]
