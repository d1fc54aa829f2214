"""What the benchmarks share: the database, the servers and the load generator."""

from __future__ import annotations

import contextlib
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
DATABASE = "softwarebroker_benchmark"
# Other ports when another benchmark on the same machine uses these (BENCHMARK_API_PORT, ..._FLOOR_PORT).
API_PORT = int(os.environ.get("BENCHMARK_API_PORT", "8011"))
FLOOR_PORT = int(os.environ.get("BENCHMARK_FLOOR_PORT", "8012"))
API = f"http://127.0.0.1:{API_PORT}"
FLOOR = f"http://127.0.0.1:{FLOOR_PORT}"


def in_child_process(module: str, database: str) -> int | None:
    """For the in-process benchmarks: run ``module`` again in a child process with the test
    settings, on its own embedded ``database`` (or on ``DATABASE_URL``). In the parent, the
    child's exit status; in the child, None (go on and measure)."""
    if os.environ.get("BENCHMARK_CHILD"):
        return None
    sys.path.insert(0, str(SRC))
    from development.database import embedded_database

    environment = {**os.environ, "BENCHMARK_CHILD": "1", "DJANGO_SETTINGS_MODULE": "softwarebroker.conf.test"}
    environment["PYTHONPATH"] = os.pathsep.join([str(SRC), str(ROOT)])
    command = [sys.executable, "-m", module, *sys.argv[1:]]
    if environment.get("DATABASE_URL"):
        return subprocess.call(command, env=environment)
    with embedded_database(database) as url:
        environment["DATABASE_URL"] = url
        return subprocess.call(command, env=environment)


def run(*args, env, check=True, capture=False):
    return subprocess.run(args, env=env, check=check, text=True, capture_output=capture)


def manage(env, *args, capture=False):
    return run(sys.executable, str(SRC / "manage.py"), *args, env=env, capture=capture)


def require_free(port: int) -> None:
    """Refuse to start on a port something else listens on: the load would go to its server."""
    with socket.socket() as probe:
        # As gunicorn binds: connections of an earlier run still closing do not count.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            raise SystemExit(
                f"Port {port} is in use (another benchmark?): choose others with BENCHMARK_API_PORT "
                "and BENCHMARK_FLOOR_PORT."
            ) from None


def serve(app: str, port: int, env, workers: int = 2, threads: int = 1) -> subprocess.Popen:
    require_free(port)
    return subprocess.Popen(
        [
            "gunicorn",
            app,
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--bind",
            f"127.0.0.1:{port}",
            "--no-control-socket",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )


def get(url: str, token: str | None = None) -> dict:
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"} if token else {})  # noqa: S310 - loopback
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - our own loopback server
        return json.loads(response.read())


def wait(url: str) -> None:
    for _ in range(100):
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 - our own loopback server
            return
        except Exception:  # noqa: BLE001 - not up yet
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not start")


def wrk(url: str, token: str | None, duration: int) -> dict:
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


@contextlib.contextmanager
def environment(database: str = DATABASE):
    """Environment variables for preparing (development settings) and serving (production
    settings) against the embedded benchmark database (or another embedded ``database``)."""
    sys.path.insert(0, str(SRC))
    from development.database import embedded_database

    with embedded_database(database) as url:
        env = {
            **os.environ,
            # One key for preparing and serving: API client secrets are encrypted with it.
            "SECRET_KEY": "benchmark-only-" + "k" * 60,
            "PYTHONPATH": os.pathsep.join([str(SRC), str(ROOT)]),
            "DATABASE_URL": url,
            "DJANGO_SETTINGS_MODULE": "softwarebroker.conf.dev",
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        }
        production = {
            **env,
            "DJANGO_SETTINGS_MODULE": "softwarebroker.conf.production",
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "JWT_MAX_AGE": "7200",
            "LOG_LEVEL": "WARNING",
        }
        yield env, production


@contextlib.contextmanager
def servers(production: dict, env: dict):
    """The API (gunicorn, 2 workers, production settings) and the floor, same gunicorn settings."""
    require_free(API_PORT)
    require_free(FLOOR_PORT)
    processes = [
        serve("softwarebroker.wsgi:application", API_PORT, production),
        serve("benchmarks.floor:application", FLOOR_PORT, env),
    ]
    try:
        wait(f"{API}/_healthz/livez")
        wait(f"{FLOOR}/_healthz/livez")
        yield
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=10)


def token(env: dict, client_id: str, user_id: str = "") -> str:
    args = ["generate_jwt", client_id, "--valid-for", "7200"] + (["--user-id", user_id] if user_id else [])
    return manage(env, *args, capture=True).stdout.strip()


def _ratio(numerator: float, denominator: float) -> str:
    # wrk reports 0 when no request ended within its timeout (a machine busy with other work).
    return f"{numerator / denominator:.1f}x" if denominator else "n/a"


def row(name: str, api: dict, floor: dict, target: int) -> str:
    return (
        f"| {name} | {api['rps']:.0f} | {api['p50']:.1f} | {api['p99']:.1f} | {floor['rps']:.0f} | "
        f"{floor['p50']:.1f} | {floor['p99']:.1f} | {_ratio(floor['rps'], api['rps'])} | "
        f"{_ratio(api['p50'], floor['p50'])} | {target}x |"
    )


TABLE_HEADER = (
    "| case | API req/s | API p50 ms | API p99 ms | floor req/s | floor p50 ms | floor p99 ms "
    "| throughput ratio | p50 ratio | target |\n"
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
)
