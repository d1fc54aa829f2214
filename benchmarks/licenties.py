"""Benchmark: the nightly licence job over 100,000 licences.

    make benchmark   (or: python -m benchmarks.licenties --licenties 100000 --repeat 3)

Fills a separate database with a small generated catalogue, 400 organisations and
``--licenties`` licences written by PostgreSQL itself (``INSERT .. SELECT``), in a mix a busy
night could bring: most not due, 8 % at or just past their end date and renewing
automatically (some a few days late), 2 % that may not renew any more, 4 % cancelled and ending,
4 % expiring, and 1.5 % reaching a reminder stage today (a third of those at their first stage
and renewed by hand: a concept renewal order each). A Notificaties API is configured, so every
notification is a queued job as in production (nothing is delivered).

Each repetition fills the licences afresh, runs the job (first run) and runs it again the same
day (second run: it must change nothing). Next to it, the floor: reading every licence once
(``SELECT`` of the columns the job filters on). It prints medians, the ratio to the floor and
the counts; nothing is asserted.
"""

from __future__ import annotations

import argparse
import datetime
import statistics
import sys
import time

from .common import in_child_process

DATABASE = "softwarebroker_benchmark_licenties"
OIN_PREFIX = "98"  # generated organisations, apart from the order generator's 99

_ORGANISATIES = """
INSERT INTO organisaties_organisatie (uuid, oin, naam, type, gemeentecode, inwonertal)
SELECT gen_random_uuid(), %(prefix)s || lpad(n::text, 18, '0'), 'Licentiegemeente ' || n, 'gemeente', '',
       10000 + (n * 7919) %% 90000
FROM generate_series(1, 400) AS n
ON CONFLICT (oin) DO NOTHING
"""

# Offers with a recurring yearly price, by how they renew.
_OFFERS = """
SELECT array_agg(DISTINCT a.id ORDER BY a.id) FROM catalogus_aanbieding a
JOIN catalogus_prijs p ON p.aanbieding_id = a.id AND p.prijstype = 'terugkerend'
WHERE a.status = 'gepubliceerd' AND a.raamovereenkomst_id IS NULL AND a.geldig_tot IS NULL
  AND a.licentiemodel <> 'per_inwoner' AND a.bestelparameters_schema = '{}'::jsonb AND a.verlenging = %s
"""

# n %% 1000 decides the kind: [0, 80) renews, [80, 100) may not renew, [100, 140) cancelled and
# ending, [140, 180) expiring, [180, 195) a reminder stage today, the rest not due.
_LICENTIES = """
WITH pools AS (
    SELECT (SELECT array_agg(id ORDER BY id) FROM organisaties_organisatie WHERE oin LIKE %(prefix)s || '%%')
               AS orgs,
           %(automatisch)s::bigint[] AS automatisch, %(handmatig)s::bigint[] AS handmatig
), numbered AS (
    SELECT n, n %% 1000 AS k, pools.*,
        CASE
            WHEN n %% 1000 < 80 THEN %(day)s::date - (n %% 3)
            WHEN n %% 1000 < 100 THEN %(day)s::date - 1
            WHEN n %% 1000 < 140 THEN %(day)s::date - (n %% 2)
            WHEN n %% 1000 < 180 THEN %(day)s::date - 1 - (n %% 20)
            -- stages 180, 90 and 30 (opzegdatum = einddatum - 90)
            WHEN n %% 1000 < 195 THEN %(day)s::date + 90 + (ARRAY[180, 90, 30])[1 + n %% 3]
            ELSE %(day)s::date + 300 + (n %% 400)
        END AS einddatum
    FROM generate_series(1, %(count)s::int) AS n CROSS JOIN pools
), kinds AS (
    SELECT *,
        -- automatic renewal: renewing, no longer renewing, and half of the rest
        (k < 100 OR (k >= 195 AND n %% 2 = 0) OR (k >= 180 AND k < 195 AND n %% 3 <> 0))
            AS automatisch_verlengen
    FROM numbered
), offered AS (
    SELECT kinds.*,
        CASE WHEN automatisch_verlengen THEN automatisch[1 + n %% cardinality(automatisch)]
             ELSE handmatig[1 + n %% cardinality(handmatig)] END AS aanbieding_id
    FROM kinds
)
INSERT INTO bestellingen_licentie (
    uuid, organisatie_id, bron, aanbieding_id, leverancier_naam, softwarepakket_naam, contractnummer,
    kostenplaats, aantal, bedrag_eenmalig_excl_btw, bedrag_per_jaar_excl_btw, ingangsdatum, einddatum,
    automatisch_verlengen, looptijd_maanden, opzegtermijn_dagen, verlengingstermijn_maanden,
    max_verlengingen, aantal_verlengingen, indexering, indexering_percentage, indexering_plafond,
    indexering_boven_plafond, opzegdatum, uiterste_einddatum, status
)
SELECT gen_random_uuid(), orgs[1 + n %% cardinality(orgs)], 'broker', aanbieding_id,
       '', '', 'C-' || n, '', 1 + n %% 200, 0,
       -- what was paid so far: the current price less 2 %% (within any cap), for one in ten 10 %%
       -- (a renewal then rises above a cap of 3 %% or a fixed 2.5 %%, and above no indexation)
       round(prijs.bedrag_excl_btw * (1 + n %% 200) * CASE WHEN prijs.periode = 'maand' THEN 12 ELSE 1 END
             * CASE WHEN n %% 10 = 0 THEN 0.90 ELSE 0.98 END, 2),
       einddatum - 365, einddatum,
       automatisch_verlengen, 12, 90, 12,
       CASE WHEN k >= 80 AND k < 100 THEN 2 END, CASE WHEN k >= 80 AND k < 100 THEN 2 ELSE 0 END,
       (ARRAY['cpi', 'vast', 'geen'])[1 + n %% 3], CASE WHEN n %% 3 = 1 THEN 2.5 END,
       CASE WHEN n %% 3 = 0 THEN 3.0 END, false, einddatum - 90,
       CASE WHEN k >= 80 AND k < 100 THEN einddatum END,
       CASE WHEN k >= 100 AND k < 140 THEN 'opgezegd' ELSE 'actief' END
FROM offered
CROSS JOIN LATERAL (
    SELECT bedrag_excl_btw, periode FROM catalogus_prijs
    WHERE aanbieding_id = offered.aanbieding_id AND prijstype = 'terugkerend' AND doelgroep = 'iedereen'
    ORDER BY id LIMIT 1
) AS prijs
"""


def _prepare(count: int, day: datetime.date) -> None:
    from django.core.management import call_command
    from django.db import connection
    from notifications_api_common.models import NotificationsConfig
    from zgw_consumers.constants import APITypes, AuthTypes
    from zgw_consumers.models import Service

    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM catalogus_aanbieding")
        if cursor.fetchone()[0] < 500:
            call_command("generate_catalogue", aanbiedingen=500, verbosity=0)
        cursor.execute(_ORGANISATIES, {"prefix": OIN_PREFIX})
        for table in ("bestellingen_licentie", "bestellingen_bestelling", "audit_audittrail"):
            cursor.execute(f"TRUNCATE {table} RESTART IDENTITY CASCADE")
        cursor.execute("DELETE FROM procrastinate_jobs")
        offers = {}
        for verlenging in ("automatisch", "handmatig"):
            cursor.execute(_OFFERS, [verlenging])
            offers[verlenging] = cursor.fetchone()[0]
        cursor.execute(
            _LICENTIES,
            {"prefix": OIN_PREFIX, "count": count, "day": day, **offers},
        )
        cursor.execute("ANALYZE bestellingen_licentie")
    config = NotificationsConfig.get_solo()
    if config.notifications_api_service_id is None:
        config.notifications_api_service = Service.objects.create(
            label="Notificaties API (benchmark)",
            slug="notificaties-api-benchmark",
            api_type=APITypes.nrc,
            api_root="http://notificaties.invalid/api/v1/",
            auth_type=AuthTypes.no_auth,
        )
        config.save()


def _floor() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, status, einddatum, opzegdatum, automatisch_verlengen FROM bestellingen_licentie"
        )
        cursor.fetchall()


def _written() -> tuple[int, ...]:
    from django.db import connection

    with connection.cursor() as cursor:
        counts = []
        for table in (
            "procrastinate_jobs",
            "audit_audittrail",
            "bestellingen_licentieherinnering",
            "bestellingen_bestelling",
        ):
            cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 (the names above)
            counts.append(cursor.fetchone()[0])
    return tuple(counts)


def _timed(function):
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def run(count: int, repeat: int) -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.utils import timezone

    from softwarebroker.bestellingen.services import nachtelijke_licentieverwerking

    call_command("migrate", verbosity=0)
    day = timezone.localdate()
    firsts, seconds, floors = [], [], []
    for number in range(1, repeat + 1):
        print(f"run {number}/{repeat}: filling {count:,} licences ...", flush=True)
        _prepare(count, day)
        floors.append(min(_timed(_floor)[0] for _ in range(3)))
        first_seconds, first = _timed(lambda: nachtelijke_licentieverwerking(day))
        written = _written()
        second_seconds, second = _timed(lambda: nachtelijke_licentieverwerking(day))
        written_again = tuple(after - before for after, before in zip(_written(), written, strict=True))
        firsts.append(first_seconds)
        seconds.append(second_seconds)
        print(f"  first run {first_seconds:.1f} s: {first.as_dict()}", flush=True)
        print(f"  (jobs, audit entries, reminders, orders) after the first run: {written}")
        print(
            f"  second run {second_seconds:.2f} s: {second.wijzigingen} changes, "
            f"(jobs, audit entries, reminders, orders) written: {written_again}",
            flush=True,
        )
    floor = statistics.median(floors)
    print(f"\nlicences: {count:,}; repeat: {repeat}; medians\n")
    print("| case | median (s) | ratio to floor | changes |\n| --- | ---: | ---: | ---: |")
    print(f"| floor: read every licence once | {floor:.3f} | 1.0 | 0 |")
    for name, samples, result in (
        ("nightly job, first run", firsts, first),
        ("nightly job, second run (same day)", seconds, second),
    ):
        median = statistics.median(samples)
        print(f"| {name} | {median:.2f} | {median / floor:.1f} | {result.wijzigingen:,} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--licenties", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    # `make benchmark ARGS=...` passes the HTTP benchmarks' options too: ignored here.
    arguments, _ = parser.parse_known_args()

    status = in_child_process("benchmarks.licenties", DATABASE)
    if status is not None:
        return status
    run(arguments.licenties, arguments.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
