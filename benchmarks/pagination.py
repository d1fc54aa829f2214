"""Benchmark: list pagination on a table of a million rows.

    make benchmark-pagination   (or: python -m benchmarks.pagination --rows 1000000)

Fills a separate database with ``--rows`` categories, then measures the median latency
of list requests through the full Django stack (test client, no network) next to two
references measured in the same run:

- floor: ``GET /_healthz/livez`` (the cost of a request that touches no table);
- naive: what a classic paginator adds, an exact ``SELECT COUNT(*)`` over the table.

It prints medians and ratios to the floor; nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
# Its own database: filling it truncates the categories the catalogue benchmark uses.
DATABASE = "softwarebroker_benchmark_pagination"


def _median_ms(function, repeat: int) -> float:
    function()  # warm up caches and connections
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def _prepare(rows: int) -> None:
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM catalogus_categorie")
        existing = cursor.fetchone()[0]
        if existing != rows:
            print(f"filling catalogus_categorie with {rows:,} rows ...", flush=True)
            cursor.execute("TRUNCATE catalogus_categorie RESTART IDENTITY CASCADE")
            cursor.execute(
                """
                INSERT INTO catalogus_categorie (uuid, naam, omschrijving, bovenliggende_categorie_id)
                SELECT gen_random_uuid(), 'Categorie ' || n, 'Omschrijving ' || n, NULL
                FROM generate_series(1, %s) AS n
                """,
                [rows],
            )
        cursor.execute("ANALYZE catalogus_categorie")


def run(rows: int, repeat: int) -> None:
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    _prepare(rows)
    client = Client()
    base = "/catalogus/api/v1/categorieen"

    def get(url):
        def call():
            response = client.get(url)
            assert response.status_code == 200, response.content[:200]

        return call

    def naive_count():
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM catalogus_categorie")

    floor = _median_ms(get("/_healthz/livez"), repeat)
    cases = [
        ("GET list, page 1 (pageSize 20)", get(base)),
        ("GET list, page 1, sorteer=-naam", get(base + "?sorteer=-naam")),
        ("GET list, page 500 (offset 9,980)", get(base + "?page=500")),
        ("GET list, page 25,000 (offset 499,980)", get(base + "?page=25000")),
        ("GET list, naam filter (few hits)", get(base + "?naam=Categorie%2099999")),
        ("naive exact COUNT(*) alone", naive_count),
    ]
    print(f"\nrows: {rows:,}; repeat: {repeat}; medians in ms\n")
    print("| case | median (ms) | ratio to floor |\n| --- | ---: | ---: |")
    print(f"| floor: GET /_healthz/livez | {floor:.2f} | 1.0 |")
    for name, function in cases:
        median = _median_ms(function, repeat)
        print(f"| {name} | {median:.2f} | {median / floor:.1f} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=30)
    arguments = parser.parse_args()

    if os.environ.get("BENCHMARK_CHILD"):
        run(arguments.rows, arguments.repeat)
        return 0

    sys.path.insert(0, str(SRC))
    from development.database import embedded_database

    environment = {
        **os.environ,
        "BENCHMARK_CHILD": "1",
        "DJANGO_SETTINGS_MODULE": "softwarebroker.conf.test",
        "ALLOWED_HOSTS": "testserver",
    }
    environment["PYTHONPATH"] = os.pathsep.join([str(SRC), str(ROOT)])
    if environment.get("DATABASE_URL"):
        return subprocess.call(
            [sys.executable, "-m", "benchmarks.pagination", *sys.argv[1:]], env=environment
        )
    with embedded_database(DATABASE) as url:
        environment["DATABASE_URL"] = url
        return subprocess.call(
            [sys.executable, "-m", "benchmarks.pagination", *sys.argv[1:]], env=environment
        )


if __name__ == "__main__":
    sys.exit(main())
