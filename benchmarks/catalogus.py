"""Benchmark: the Catalogus API under load, next to a floor measured in the same run.

    make benchmark     (or: python -m benchmarks.catalogus [--rows 100000] [--duration 20])

1. Fills the database ``softwarebroker_benchmark`` with 100,000 generated aanbiedingen
   (``generate_catalogue``; reused when already there).
2. Serves the API with gunicorn (2 workers, production settings) and the floor
   (``benchmarks/floor.py``: one SQL query + orjson, same JSON) with the same gunicorn
   settings, and checks that both give the same page before measuring.
3. Runs ``wrk -t2 -c8 -d20s --latency`` against each case and prints req/s, p50 and p99
   with the ratio to the floor. Nothing is asserted: the numbers go in docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
DATABASE = "softwarebroker_benchmark"
API_PORT, FLOOR_PORT = 8011, 8012
BASE = "/catalogus/api/v1"
CREATE_CLIENT = """
from softwarebroker.autorisaties.models import Applicatie, ApplicatieSecret
client, _ = Applicatie.objects.get_or_create(
    client_id="benchmark", defaults={"label": "Benchmark", "rollen": ["broker"]}
)
client.secrets.all().delete()
ApplicatieSecret.objects.create(applicatie=client, secret="benchmark-geheim-0123456789-0123456789")
"""


def _run(*args, env, check=True, capture=False):
    return subprocess.run(args, env=env, check=check, text=True, capture_output=capture)


def _manage(env, *args, capture=False):
    return _run(sys.executable, str(SRC / "manage.py"), *args, env=env, capture=capture)


def _prepare(env, rows: int) -> str:
    _manage(env, "migrate", "-v0")
    count = (
        _manage(
            env,
            "shell",
            "-c",
            "from softwarebroker.catalogus.models import Aanbieding; print(Aanbieding.objects.count())",
            capture=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    if int(count) < rows:
        _manage(env, "generate_catalogue", "--clear")
        _manage(env, "generate_catalogue", "--aanbiedingen", str(rows))
    _manage(env, "shell", "-c", CREATE_CLIENT)
    return _manage(env, "generate_jwt", "benchmark", "--valid-for", "7200", capture=True).stdout.strip()


def _serve(app: str, port: int, env) -> subprocess.Popen:
    return subprocess.Popen(
        [
            "gunicorn",
            app,
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--no-control-socket",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )


def _get(url: str, token: str | None = None) -> dict:
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"} if token else {})  # noqa: S310 - loopback
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - our own loopback server
        return json.loads(response.read())


def _wait(url: str) -> None:
    for _ in range(100):
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 - our own loopback server
            return
        except Exception:  # noqa: BLE001 - not up yet
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not start")


def _wrk(url: str, token: str | None, duration: int) -> dict:
    headers = ["-H", f"Authorization: Bearer {token}"] if token else []
    out = subprocess.run(
        ["wrk", "-t2", "-c8", f"-d{duration}s", "--latency", *headers, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    def latency(label):
        value, unit = re.search(rf"^\s+{label}%\s+([\d.]+)(\w+)", out, re.M).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": latency("50"),
        "p99": latency("99"),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--duration", type=int, default=20)
    arguments = parser.parse_args()

    sys.path.insert(0, str(SRC))
    from softwarebroker.dev.database import embedded_database

    with embedded_database(DATABASE) as url:
        env = {
            **os.environ,
            # One key for preparing and serving: API client secrets are encrypted with it.
            "SECRET_KEY": "benchmark-only-" + "k" * 60,
            "PYTHONPATH": os.pathsep.join([str(SRC), str(ROOT)]),
            "DATABASE_URL": url,
            "DJANGO_SETTINGS_MODULE": "softwarebroker.conf.dev",
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        }
        token = _prepare(env, arguments.rows)
        production = {
            **env,
            "DJANGO_SETTINGS_MODULE": "softwarebroker.conf.production",
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "JWT_MAX_AGE": "7200",
            "LOG_LEVEL": "WARNING",
        }
        servers = [
            _serve("softwarebroker.wsgi:application", API_PORT, production),
            _serve("benchmarks.floor:application", FLOOR_PORT, env),
        ]
        try:
            api, floor = f"http://127.0.0.1:{API_PORT}{BASE}", f"http://127.0.0.1:{FLOOR_PORT}{BASE}"
            _wait(f"http://127.0.0.1:{API_PORT}/_healthz/livez")
            _wait(f"{floor}/aanbiedingen?pageSize=1")
            page = _get(f"{api}/aanbiedingen?pageSize=100", token)
            floor_page = json.loads(
                json.dumps(_get(f"{floor}/aanbiedingen?pageSize=100")).replace(
                    f":{FLOOR_PORT}/", f":{API_PORT}/"
                )
            )
            assert page["results"] == floor_page["results"], "the floor must serve the API's representation"
            assert page["next"] == floor_page["next"]
            detail = page["results"][0]["url"].rsplit("/", 1)[1]
            cases = [
                (
                    "aanbiedingen list (page of 100)",
                    f"{api}/aanbiedingen?pageSize=100",
                    f"{floor}/aanbiedingen?pageSize=100",
                    3,
                ),
                (
                    "aanbiedingen list with zoek",
                    f"{api}/aanbiedingen?pageSize=100&zoek=zaaksystemen",
                    f"{floor}/aanbiedingen?pageSize=100",
                    5,
                ),
                (
                    "softwarepakketten list (page of 100)",
                    f"{api}/softwarepakketten?pageSize=100",
                    f"{floor}/aanbiedingen?pageSize=100",
                    3,
                ),
                ("aanbieding detail", f"{api}/aanbiedingen/{detail}", f"{floor}/aanbiedingen/{detail}", 2),
            ]
            floors = {}
            load = f"wrk -t2 -c8 -d{arguments.duration}s --latency"
            print(f"\n{arguments.rows:,} aanbiedingen; {load}; gunicorn 2 workers\n")
            print(
                "| case | API req/s | API p50 ms | API p99 ms | floor req/s | floor p50 ms | floor p99 ms "
                "| throughput ratio | p50 ratio | target |"
            )
            print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
            for name, api_url, floor_url, target in cases:
                if floor_url not in floors:
                    floors[floor_url] = _wrk(floor_url, None, arguments.duration)
                f = floors[floor_url]
                a = _wrk(api_url, token, arguments.duration)
                print(
                    f"| {name} | {a['rps']:.0f} | {a['p50']:.1f} | {a['p99']:.1f} | {f['rps']:.0f} | "
                    f"{f['p50']:.1f} | {f['p99']:.1f} | {f['rps'] / a['rps']:.1f}x | "
                    f"{a['p50'] / f['p50']:.1f}x | {target}x |",
                    flush=True,
                )
            # Where the framework itself stands, for reading the table: a Django request that
            # touches no table, and a detail that returns only its url (authentication, one
            # query, rendering; no representation work).
            detail_floor = floors[f"{floor}/aanbiedingen/{detail}"]
            print("\n| reference (same run) | req/s | p50 ms | ratio to floor detail |")
            print("| --- | ---: | ---: | ---: |")
            for name, url in (
                (
                    "Django request without database (/_healthz/livez)",
                    f"http://127.0.0.1:{API_PORT}/_healthz/livez",
                ),
                ("aanbieding detail with fields=url", f"{api}/aanbiedingen/{detail}?fields=url"),
            ):
                r = _wrk(url, token, arguments.duration)
                print(
                    f"| {name} | {r['rps']:.0f} | {r['p50']:.1f} | {detail_floor['rps'] / r['rps']:.1f}x |",
                    flush=True,
                )
        finally:
            for server in servers:
                server.terminate()
                server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
