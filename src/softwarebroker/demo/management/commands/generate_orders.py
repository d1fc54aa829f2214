"""Generate many synthetic orders for load tests (local use only).

    python src/manage.py generate_orders --bestellingen 1000000 [--organisaties 380] [--clear]

Needs published offers (``generate_catalogue`` or the demo catalogue). Organisations are
created with OINs in a reserved range (``99`` followed by 18 digits, name "Benchmarkgemeente
N"), orders get numbers of the year 2000 (``2000-0000001``), so neither can be mistaken for
real ones and ``--clear`` removes exactly them. Everything is written by PostgreSQL itself
(``INSERT .. SELECT`` over ``generate_series``): a million orders with their lines take a few
minutes, not hours.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

OIN_PREFIX = "99"
JAAR = 2000  # the year of generated order numbers

_ORGANISATIES = """
INSERT INTO organisaties_organisatie (uuid, oin, naam, type, gemeentecode, inwonertal)
SELECT gen_random_uuid(), %(prefix)s || lpad(n::text, 18, '0'), 'Benchmarkgemeente ' || n, 'gemeente', '',
       10000 + (n * 7919) %% 90000
FROM generate_series(1, %(count)s::int) AS n
ON CONFLICT (oin) DO NOTHING
"""

# Statuses weighted like a real history: most orders delivered, some still running.
_BESTELLINGEN = """
WITH orgs AS (
    SELECT id, row_number() OVER (ORDER BY id) - 1 AS i FROM organisaties_organisatie
    WHERE oin LIKE %(prefix)s || '%%' AND naam LIKE 'Benchmarkgemeente %%'
), offers AS (
    SELECT id, leverancier_id, row_number() OVER (ORDER BY id) - 1 AS i
    FROM catalogus_aanbieding WHERE status = 'gepubliceerd' AND raamovereenkomst_id IS NULL
    ORDER BY id LIMIT 500
), pools AS (
    SELECT (SELECT array_agg(id ORDER BY id) FROM orgs) AS orgs,
           (SELECT array_agg(leverancier_id ORDER BY id) FROM offers) AS leveranciers,
           ARRAY['geleverd','geleverd','geleverd','geleverd','geleverd','geleverd','in_behandeling',
                 'geaccepteerd','ingediend','ter_goedkeuring','concept','ingetrokken','afgewezen',
                 'geweigerd','deels_geleverd','mislukt','geannuleerd','wacht_op_afnemer'] AS statuses
), numbered AS (
    SELECT n,
           orgs[1 + n %% cardinality(orgs)] AS besteller_id,
           leveranciers[1 + (n * 31) %% cardinality(leveranciers)] AS leverancier_id,
           statuses[1 + n %% cardinality(statuses)] AS status,
           timestamp with time zone '2024-01-01 08:00+00' + (n * interval '61 seconds') AS moment
    FROM generate_series(%(start)s::bigint, %(end)s::bigint) AS n CROSS JOIN pools
)
INSERT INTO bestellingen_bestelling (
    uuid, nummer, besteller_id, aanvrager, aanvrager_weergave, kostenplaats, inkoopordernummer,
    leverancier_id, raamovereenkomst_id, gewenste_ingangsdatum, status, status_voor_annulering,
    totaal_eenmalig_excl_btw, totaal_per_jaar_excl_btw, totaal_btw, ingediend_op, verzonden_op,
    aangemaakt_op, gewijzigd_op, versie, afroepwaarde_excl_btw
)
SELECT gen_random_uuid(), '{jaar}-' || lpad(n::text, 7, '0'), besteller_id,
       'inkoper' || (n %% 7) || '@benchmark.example', 'Inkoper ' || (n %% 7), 'KP-' || (n %% 40), '',
       leverancier_id, NULL, NULL, status, '',
       0, 0, 0,
       CASE WHEN status IN ('concept') THEN NULL ELSE moment + interval '1 day' END,
       CASE WHEN status IN ('concept', 'ter_goedkeuring', 'afgewezen') THEN NULL
            ELSE moment + interval '2 days' END,
       moment, moment + interval '3 days', 3, 0
FROM numbered
"""

# One to three lines per order, of offers of the order's supplier.
_REGELS = """
INSERT INTO bestellingen_bestelregel (
    uuid, bestelling_id, volgnummer, aanbieding_id, aantal, actie, licentie_id, bestelparameters,
    prijs_momentopname, bedrag_eenmalig_excl_btw, bedrag_per_jaar_excl_btw, btw, status
)
SELECT gen_random_uuid(), b.id, v, a.id, 1 + (b.id * v) %% 50, 'nieuw', NULL, '{}'::jsonb,
       NULL,
       (100 + (b.id %% 900))::numeric(14, 2), (10 + (b.id %% 90))::numeric(14, 2),
       ((110 + (b.id %% 990)) * 0.21)::numeric(14, 2),
       CASE WHEN b.status = 'geleverd' THEN 'geleverd' WHEN b.status = 'mislukt' THEN 'mislukt'
            ELSE 'open' END
FROM bestellingen_bestelling AS b
CROSS JOIN LATERAL generate_series(1, 1 + b.id %% 3) AS v
JOIN LATERAL (
    SELECT id FROM catalogus_aanbieding
    WHERE leverancier_id = b.leverancier_id AND status = 'gepubliceerd'
    ORDER BY id OFFSET v - 1 LIMIT 1
) AS a ON true
WHERE b.id BETWEEN %(first)s AND %(last)s
"""

_TOTALEN = """
UPDATE bestellingen_bestelling AS b SET
    totaal_eenmalig_excl_btw = r.eenmalig, totaal_per_jaar_excl_btw = r.per_jaar, totaal_btw = r.btw
FROM (
    SELECT bestelling_id, sum(bedrag_eenmalig_excl_btw) AS eenmalig,
           sum(bedrag_per_jaar_excl_btw) AS per_jaar, sum(btw) AS btw
    FROM bestellingen_bestelregel WHERE bestelling_id BETWEEN %(first)s AND %(last)s GROUP BY bestelling_id
) AS r
WHERE b.id = r.bestelling_id
"""

BATCH = 100_000


class Command(BaseCommand):
    help = "Genereert veel synthetische bestellingen voor belastingtests (alleen lokaal)."

    def add_arguments(self, parser):
        parser.add_argument("--bestellingen", type=int, default=1_000_000)
        parser.add_argument("--organisaties", type=int, default=380)
        parser.add_argument(
            "--clear", action="store_true", help="Verwijder eerder gegenereerde bestellingen."
        )

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_DATA_ALLOWED", False):
            raise CommandError("Genereren is alleen toegestaan met de ontwikkel- of testinstellingen.")
        started = time.monotonic()
        if options["clear"]:
            self._clear()
            self.stdout.write("Gegenereerde bestellingen verwijderd.")
            return
        with connection.cursor() as cursor:
            cursor.execute(_ORGANISATIES, {"prefix": OIN_PREFIX, "count": options["organisaties"]})
            cursor.execute("SELECT count(*) FROM catalogus_aanbieding WHERE status = 'gepubliceerd'")
            if not cursor.fetchone()[0]:
                raise CommandError("Geen gepubliceerde aanbiedingen: draai eerst generate_catalogue.")
            cursor.execute("SELECT count(*) FROM bestellingen_bestelling WHERE nummer LIKE %s", [f"{JAAR}-%"])
            existing = cursor.fetchone()[0]
        total = options["bestellingen"]
        for start in range(existing + 1, total + 1, BATCH):
            end = min(start + BATCH - 1, total)
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(
                    _BESTELLINGEN.format(jaar=JAAR), {"prefix": OIN_PREFIX, "start": start, "end": end}
                )
                cursor.execute(
                    "SELECT min(id), max(id) FROM bestellingen_bestelling WHERE nummer BETWEEN %s AND %s",
                    [f"{JAAR}-{start:07d}", f"{JAAR}-{end:07d}"],
                )
                first, last = cursor.fetchone()
                cursor.execute(_REGELS, {"first": first, "last": last})
                cursor.execute(_TOTALEN, {"first": first, "last": last})
            self.stdout.write(f"{end:,} bestellingen ({time.monotonic() - started:.0f} s)")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE bestellingen_bestelling")
            cursor.execute("ANALYZE bestellingen_bestelregel")
            cursor.execute("ANALYZE organisaties_organisatie")
        self.stdout.write(f"Klaar in {time.monotonic() - started:.0f} s.")

    @transaction.atomic
    def _clear(self):
        generated = [f"{JAAR}-%"]
        with connection.cursor() as cursor:
            cursor.execute(
                "DELETE FROM bestellingen_bestelregel WHERE bestelling_id IN "
                "(SELECT id FROM bestellingen_bestelling WHERE nummer LIKE %s)",
                generated,
            )
            cursor.execute(
                "DELETE FROM bestellingen_statuswijziging WHERE bestelling_id IN "
                "(SELECT id FROM bestellingen_bestelling WHERE nummer LIKE %s)",
                generated,
            )
            cursor.execute("DELETE FROM bestellingen_bestelling WHERE nummer LIKE %s", generated)
