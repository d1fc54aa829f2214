"""Benchmark: the price statistics of one package over a million orders.

    make benchmark   (or: python -m benchmarks.rapportages --waarnemingen 1000000 --requests 200)

Fills a separate database with 400 organisations, 200 packages with two offers each, and
``--waarnemingen`` observed prices (one per order line, as the summary holds them; written by
PostgreSQL itself, ``INSERT .. SELECT``) over the last 20 closed quarters. One package is large:
a tenth of all orders (100,000 of a million; about 20,000 in the default period of four
quarters); the others share the rest (about 4,500 each).

``GET /bestellingen/api/v1/rapportages/prijsstatistieken?softwarepakket=...`` through Django's
test client in this process, as an afnemer, ``--requests`` times per case after a warm-up,
with verified tokens cached as in production; next to it, the floor: the bare SQL statement of
the same question through the same connection (no HTTP, no serializer). Prints p50 and p90,
the ratio of the p50s and the queries of one request.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

from .common import in_child_process

DATABASE = "softwarebroker_benchmark_rapportages"
OIN_PREFIX = "96"  # generated organisations, apart from the other benchmarks'
ORGANISATIES = 400
PAKKETTEN = 200
KWARTALEN = 20
GROOT_AANDEEL = 10  # one in ten orders is of the large package

_ORGANISATIES = """
INSERT INTO organisaties_organisatie (uuid, oin, naam, type, gemeentecode, inwonertal)
SELECT gen_random_uuid(), %(prefix)s || lpad(n::text, 18, '0'), 'Prijsgemeente ' || n, 'gemeente', '',
       10000 + (n * 7919) %% 90000
FROM generate_series(1, %(count)s) AS n
ON CONFLICT (oin) DO NOTHING
"""

# Order n: the large package's for one in GROOT_AANDEEL, else one of the others; one of its
# package's two offers; an organisation, a quarter, a quantity and a price at random (seeded).
_WAARNEMINGEN = """
INSERT INTO rapportages_prijswaarneming (
    organisatie_id, softwarepakket_id, aanbieding_id, bron, licentiemodel, eenheid, aantal, kwartaal, prijs
)
SELECT o.id, a.softwarepakket_id, a.id, 'broker', a.licentiemodel, a.eenheid, keuze.aantal,
       (date_trunc('quarter', current_date) - make_interval(months => 3 * keuze.kwartaal))::date,
       round((5 + random() * 95)::numeric, 10)
FROM generate_series(1, %(count)s) AS n
CROSS JOIN LATERAL (
    SELECT CASE WHEN random() * %(aandeel)s < 1 THEN 0
                ELSE 1 + floor(random() * (%(pakketten)s - 1))::int END AS pakket,
           floor(random() * 2)::int AS aanbieding,
           floor(random() * %(organisaties)s)::int AS organisatie,
           1 + floor(random() * %(kwartalen)s)::int AS kwartaal,
           1 + floor(exp(random() * ln(2000)))::int AS aantal,
           n AS rij
) AS keuze
JOIN aanbiedingen_benchmark a ON a.pakket = keuze.pakket AND a.nummer = keuze.aanbieding
JOIN organisaties_benchmark o ON o.nummer = keuze.organisatie
"""


def _prepare(count: int):
    """The catalogue, the organisations and the observations; returns the packages."""
    from django.db import connection

    from tests.catalogus.factories import AanbiedingFactory, LeverancierFactory, SoftwarepakketFactory

    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE organisaties_organisatie, catalogus_leverancier, catalogus_softwarepakket, "
            "rapportages_prijswaarneming, audit_audittrail RESTART IDENTITY CASCADE"
        )
        cursor.execute("DELETE FROM procrastinate_jobs")
        cursor.execute(_ORGANISATIES, {"prefix": OIN_PREFIX, "count": ORGANISATIES})
    leverancier = LeverancierFactory()
    pakketten, aanbiedingen = [], []
    for nummer in range(PAKKETTEN):
        pakket = SoftwarepakketFactory(naam=f"Pakket {nummer:03d}")
        pakketten.append(pakket)
        for offer in range(2):
            aanbieding = AanbiedingFactory(
                softwarepakket=pakket,
                leverancier=leverancier,
                licentiemodel=("per_gebruiker", "per_inwoner")[offer],
                eenheid=("gebruiker", "inwoner")[offer],
            )
            aanbiedingen.append((nummer, offer, aanbieding.pk))
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TEMPORARY TABLE aanbiedingen_benchmark AS "
            "SELECT a.*, x.pakket, x.nummer FROM catalogus_aanbieding a "
            "JOIN unnest(%s::int[], %s::int[], %s::int[]) AS x(pakket, nummer, id) ON x.id = a.id",
            [
                [row[0] for row in aanbiedingen],
                [row[1] for row in aanbiedingen],
                [row[2] for row in aanbiedingen],
            ],
        )
        cursor.execute(
            "CREATE TEMPORARY TABLE organisaties_benchmark AS "
            "SELECT id, row_number() OVER (ORDER BY id) - 1 AS nummer FROM organisaties_organisatie "
            "WHERE oin LIKE %s || '%%'",
            [OIN_PREFIX],
        )
        cursor.execute("SELECT setseed(0.19)")
        cursor.execute(
            _WAARNEMINGEN,
            {
                "count": count,
                "kwartalen": KWARTALEN,
                "aandeel": GROOT_AANDEEL,
                "pakketten": PAKKETTEN,
                "organisaties": ORGANISATIES,
            },
        )
        # As autovacuum would after a while: the visibility map lets the index-only scan skip the heap.
        cursor.execute("VACUUM (ANALYZE) rapportages_prijswaarneming")
        cursor.execute("DROP TABLE aanbiedingen_benchmark, organisaties_benchmark")
    return pakketten


def _timed(call, requests: int) -> list[float]:
    for _ in range(10):  # warm-up: token cache, the first plans
        call()
    samples = []
    for _ in range(requests):
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def _percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def _measure(pakketten, requests: int) -> None:
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from softwarebroker.rapportages import perioden, prijsstatistieken
    from softwarebroker.rapportages.models import Prijswaarneming
    from tests.auth import bearer
    from tests.autorisaties.factories import make_applicatie
    from tests.organisaties.factories import OrganisatieFactory

    settings.AUTH_CACHE_SECONDS = 300  # as in production
    client = Client(
        headers=bearer(make_applicatie("afnemer", organisatie=OrganisatieFactory()).client_id),
        HTTP_HOST="localhost",
    )
    periode = perioden.periode(None, None, {})
    cases = [
        ("large package", pakketten[0], []),
        ("large package per offer and band", pakketten[0], ["aanbieding", "volumeband"]),
        ("typical package", pakketten[1], []),
    ]
    total = Prijswaarneming.objects.count()
    print(
        f"\nobservations (orders): {total:,}; {requests} requests per case; period {periode.vanafKwartaal}"
        f" - {periode.totEnMetKwartaal}\n"
    )
    rows = []
    for name, pakket, groepering in cases:
        in_period = Prijswaarneming.objects.filter(
            softwarepakket=pakket, kwartaal__gte=periode.vanaf, kwartaal__lt=periode.tot
        ).count()
        url = (
            "/bestellingen/api/v1/rapportages/prijsstatistieken?softwarepakket="
            f"http://localhost/catalogus/api/v1/softwarepakketten/{pakket.uuid}"
            + (f"&groeperen={','.join(groepering)}" if groepering else "")
        )
        response = client.get(url)
        assert response.status_code == 200, response.content[:300]
        groups = response.json()["resultaten"]
        assert groups, url
        shown = sum(not group["onvoldoendeGegevens"] for group in groups)

        def api(url=url):
            assert client.get(url).status_code == 200

        statement, params = prijsstatistieken.sql(
            prijsstatistieken.Vraag(periode=periode, groepering=groepering, softwarepakket_id=pakket.pk)
        )

        def floor(statement=statement, params=params):
            with connection.cursor() as cursor:
                cursor.execute(statement, params)
                cursor.fetchall()

        api_samples, floor_samples = _timed(api, requests), _timed(floor, requests)
        with CaptureQueriesContext(connection) as captured:
            api()
        rows.append(
            (
                name,
                in_period,
                f"{shown}/{len(groups)}",
                api_samples,
                floor_samples,
                len(captured.captured_queries),
            )
        )
    print(
        "| case | rows in period | groups shown | p50 ms | p90 ms | queries | floor (SQL) p50 ms | p50 ratio "
        "| target |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for name, in_period, groups, api_samples, floor_samples, queries in rows:
        p50, floor_p50 = statistics.median(api_samples), statistics.median(floor_samples)
        print(
            f"| {name} | {in_period:,} | {groups} | {p50:.1f} | {_percentile(api_samples, 0.9):.1f} "
            f"| {queries} | "
            f"{floor_p50:.1f} | {p50 / floor_p50:.2f}x | p50 < 50 ms: {'yes' if p50 < 50 else '**no**'} |"
        )


def run(count: int, requests: int) -> None:
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    print(
        f"filling {ORGANISATIES} organisations, {PAKKETTEN} packages and {count:,} observed prices ...",
        flush=True,
    )
    start = time.perf_counter()
    pakketten = _prepare(count)
    print(f"filled in {time.perf_counter() - start:.0f} s", flush=True)
    _measure(pakketten, requests)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--waarnemingen", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=200)
    # `make benchmark ARGS=...` passes the HTTP benchmarks' options too: ignored here.
    arguments, _ = parser.parse_known_args()

    status = in_child_process("benchmarks.rapportages", DATABASE)
    if status is not None:
        return status
    run(arguments.waarnemingen, arguments.requests)
    return 0


if __name__ == "__main__":
    sys.exit(main())
