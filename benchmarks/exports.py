"""Benchmark: a 1,000,000-row CSV export, streamed by a gunicorn worker.

    make benchmark     (or: python -m benchmarks.exports [--orders 1000000])

1. Uses the benchmark database of ``benchmarks.bestellingen`` (its 1,000,000 generated orders;
   made if missing) and a broker client, who sees every order.
2. Serves the API with the production settings and the start script's worker type (one
   gunicorn worker, 2 threads: gthread, so a long download is not cut off by the timeout).
3. ``GET /bestellingen/api/v1/bestellingen`` with ``Accept: text/csv``, read as it arrives:
   the time to the first byte and to the first data row, the total time and rows, and the
   worker's resident memory (``/proc/<pid>/status``) sampled every 100 ms from before the
   request to its end.
4. The floor, in the same run: PostgreSQL's own ``COPY ... TO STDOUT (FORMAT csv)`` of the
   orders' scalar columns, read by psycopg.

Targets (issue): first byte under 1 s, RSS growth under 50 MB over the whole export.
"""

from __future__ import annotations

import argparse
import http.client
import threading
import time
from pathlib import Path

import psycopg

from . import bestellingen
from .common import API_PORT, environment, manage, serve, token, wait

BASE = "/bestellingen/api/v1"
BROKER = """
from softwarebroker.autorisaties.models import Applicatie, ApplicatieSecret
client, _ = Applicatie.objects.update_or_create(
    client_id="benchmark-broker", defaults={"label": "Benchmark broker", "rollen": ["broker"]}
)
client.secrets.all().delete()
ApplicatieSecret.objects.create(applicatie=client, secret="benchmark-geheim-0123456789-0123456789")
"""
COUNT = "from softwarebroker.bestellingen.models import Bestelling; print(Bestelling.objects.count())"
FLOOR = """COPY (
    SELECT nummer, kostenplaats, status, totaal_eenmalig_excl_btw, totaal_per_jaar_excl_btw,
           ingediend_op, aangemaakt_op
    FROM bestellingen_bestelling ORDER BY id
) TO STDOUT (FORMAT csv, HEADER)"""


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for {pid}")


def _worker_pid(master: int) -> int:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    if len(children) != 1:
        raise RuntimeError(f"expected one gunicorn worker, found {children}")
    return int(children[0])


class Sampler(threading.Thread):
    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.samples, self.running = pid, [], True

    def run(self):
        while self.running:
            self.samples.append(_rss_mb(self.pid))
            time.sleep(0.1)


def _export(bearer: str, worker: int) -> dict:
    sampler = Sampler(worker)
    before = _rss_mb(worker)
    sampler.start()
    connection = http.client.HTTPConnection("127.0.0.1", API_PORT, timeout=600)
    started = time.monotonic()
    connection.request(
        "GET", f"{BASE}/bestellingen", headers={"Authorization": f"Bearer {bearer}", "Accept": "text/csv"}
    )
    response = connection.getresponse()
    assert response.status == 200, response.read()[:500]
    first_byte = first_row = None
    size = lines = 0
    while chunk := response.read1(65536):
        now = time.monotonic()
        if first_byte is None:
            first_byte = now - started
        size += len(chunk)
        lines += chunk.count(b"\n")
        if first_row is None and lines >= 2:
            first_row = now - started
    total = time.monotonic() - started
    sampler.running = False
    sampler.join()
    return {
        "first_byte": first_byte,
        "first_row": first_row,
        "total": total,
        # Header row out; a line break inside a quoted cell (a list) counts too, so this is an
        # upper bound checked against the count below.
        "lines": lines,
        "mb": size / 1e6,
        "rss_before": before,
        "rss_peak": max(sampler.samples),
        "rss_after": _rss_mb(worker),
    }


def _floor(url: str) -> dict:
    started = time.monotonic()
    size = rows = 0
    with psycopg.connect(url) as connection, connection.cursor() as cursor, cursor.copy(FLOOR) as copy:
        for block in copy:
            size += len(block)
            rows += bytes(block).count(b"\n")
    return {"total": time.monotonic() - started, "rows": rows - 1, "mb": size / 1e6}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--rows", type=int, default=100_000, help="aanbiedingen in the catalogue")
    arguments, _ = parser.parse_known_args(argv)

    with environment() as (env, production):
        bestellingen._prepare(env, arguments.orders, arguments.rows)
        manage(env, "shell", "-c", BROKER)
        counted = manage(env, "shell", "-c", COUNT, capture=True)
        count = int(counted.stdout.split()[-1])
        bearer = token(env, "benchmark-broker", "benchmark@broker.example")
        server = serve("softwarebroker.wsgi:application", API_PORT, production, workers=1, threads=2)
        try:
            wait(f"http://127.0.0.1:{API_PORT}/_healthz/livez")
            worker = _worker_pid(server.pid)
            export = _export(bearer, worker)
        finally:
            server.terminate()
            server.wait(timeout=10)
        floor = _floor(env["DATABASE_URL"])

    growth = export["rss_peak"] - export["rss_before"]
    print(f"\nCSV export of all {count:,} orders as the broker (gunicorn, 1 worker, 2 threads)")
    print("| measure | export | floor (COPY of the scalar columns) | target |")
    print("| --- | --- | --- | --- |")
    print(f"| first byte | {export['first_byte'] * 1000:.0f} ms | | < 1000 ms |")
    print(f"| first data row | {export['first_row'] * 1000:.0f} ms | | |")
    print(f"| total | {export['total']:.1f} s | {floor['total']:.1f} s | |")
    print(
        f"| rows per second | {count / export['total']:,.0f} | {floor['rows'] / floor['total']:,.0f} "
        f"| ratio {export['total'] / floor['total']:.1f}x |"
    )
    print(f"| size | {export['mb']:.0f} MB | {floor['mb']:.0f} MB | |")
    print(
        f"| worker RSS | {export['rss_before']:.0f} MB before, {export['rss_peak']:.0f} MB peak, "
        f"{export['rss_after']:.0f} MB after (+{growth:.1f} MB) | | < +50 MB |"
    )
    assert export["lines"] >= count + 1, f"{export['lines']} lines for {count} orders"
    ok = export["first_byte"] < 1 and growth < 50
    print("targets met" if ok else "TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
