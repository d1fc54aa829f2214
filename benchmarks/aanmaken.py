"""Benchmark: one order created and submitted through the API, in-process.

    make benchmark   (or: python -m benchmarks.aanmaken [--requests 300] [--profile])

What the 8 clients of ``benchmarks.bestellingen`` do, once at a time, through Django's test
client in this process (test settings, verified tokens cached as in production, a Notificaties
API configured so every notification is a queued job as in production; nothing is delivered):
``POST /bestellingen/api/v1/bestellingen`` with an ``Idempotency-Key``, then
``POST .../statuswijzigingen`` to submit it. After a warm-up, ``--requests`` pairs; prints the
median wall time and the median CPU time of this process per pair (the Python side: what
limits the throughput of a gunicorn worker; less disturbed by other work on the machine than
the wall time) and the queries of one pair. ``--profile``: a cProfile of 50 more pairs: the
Python function calls per pair (a measure other work on the machine does not change) and the
functions that take the most time themselves.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
import uuid

from .common import in_child_process

DATABASE = "softwarebroker_benchmark_aanmaken"
BASE = "http://localhost/bestellingen/api/v1"


def _client_and_body():
    from django.conf import settings
    from django.db import connection
    from django.test import Client

    from tests.auth import bearer
    from tests.autorisaties.factories import make_applicatie
    from tests.bestellingen.helpers import aanbieding_with_prijzen
    from tests.organisaties.factories import OrganisatieFactory

    from .gebruik import _notificaties

    with connection.cursor() as cursor:  # the benchmark's own database: fresh rows each run
        cursor.execute(
            "TRUNCATE organisaties_organisatie, catalogus_leverancier, catalogus_softwarepakket, "
            "audit_audittrail, softwarebroker_api_idempotentrequest, autorisaties_applicatie "
            "RESTART IDENTITY CASCADE"
        )
        cursor.execute("DELETE FROM procrastinate_jobs")
    _notificaties()
    # As in production (the test settings verify every token again).
    settings.AUTH_CACHE_SECONDS = 300
    organisatie = OrganisatieFactory()
    aanbieding = aanbieding_with_prijzen()
    applicatie = make_applicatie(
        "afnemer", organisatie=organisatie, client_id=f"aanmaken-{uuid.uuid4().hex[:8]}"
    )
    client = Client(headers=bearer(applicatie.client_id, user_id="a@gemeente.example"), HTTP_HOST="localhost")
    body = {
        "besteller": f"{BASE}/organisaties/{organisatie.uuid}",
        "kostenplaats": "BENCH",
        "regels": [
            {"aanbieding": f"http://localhost/catalogus/api/v1/aanbiedingen/{aanbieding.uuid}", "aantal": 3}
        ],
    }
    return client, body


def _pair(client, body) -> None:
    created = client.post(
        f"{BASE}/bestellingen",
        body,
        content_type="application/json",
        headers={"Idempotency-Key": str(uuid.uuid4())},
    )
    assert created.status_code == 201, created.content
    submitted = client.post(
        f"{created.json()['url']}/statuswijzigingen",
        {"naarStatus": "ter_goedkeuring"},
        content_type="application/json",
    )
    assert submitted.status_code == 201, submitted.content


def run(requests: int, profile: bool) -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    client, body = _client_and_body()
    for _ in range(30):  # warm-up: token cache, prepared statements, the first plans
        _pair(client, body)
    queries = []

    def record(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    # Every statement (a request's start clears Django's own query log).
    with connection.execute_wrapper(record):
        _pair(client, body)
    walls, cpus = [], []
    for _ in range(requests):
        wall, cpu = time.perf_counter(), time.process_time()
        _pair(client, body)
        cpus.append((time.process_time() - cpu) * 1000)
        walls.append((time.perf_counter() - wall) * 1000)
    print(
        f"create + submit, {requests} pairs: wall p50 {statistics.median(walls):.1f} ms "
        f"(min {min(walls):.1f}), CPU of this process p50 {statistics.median(cpus):.1f} ms "
        f"(min {min(cpus):.1f}), {len(queries)} queries"
    )
    if profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(50):
            _pair(client, body)
        profiler.disable()
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        # A measure the machine's other work does not change: the Python calls of one pair.
        print(f"Python function calls per pair: {stats.total_calls / 50:,.0f}")
        order, lines = os.environ.get("PROFILE_SORT", "tottime"), int(os.environ.get("PROFILE_LINES", "40"))
        stats.sort_stats(order).print_stats(lines)
        print(out.getvalue())
        for sql in queries:
            print(" ".join(sql.split())[:200])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--profile", action="store_true")
    # `make benchmark ARGS=...` passes the HTTP benchmarks' options too: ignored here.
    arguments, _ = parser.parse_known_args()

    status = in_child_process("benchmarks.aanmaken", DATABASE)
    if status is not None:
        return status
    run(arguments.requests, arguments.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
