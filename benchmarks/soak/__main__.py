"""Soak: mixed traffic for a long while against gunicorn with the production settings, then
the database checked.

    make soak                 (or: python -m benchmarks.soak [--duration 600] [--clients 16] ...)

1. Its own embedded database (``softwarebroker_soak``) with a generated catalogue and orders,
   API clients and a Notificaties API at a local stand-in (``benchmarks.soak.data``).
2. gunicorn as ``bin/docker_start.sh`` starts it (production settings, 2 workers x 2 threads)
   but without worker recycling, so growth is seen, not reset; the task worker as
   ``bin/worker_start.sh`` starts it. The stand-in answers 201 to every notification.
3. locust (headless) with ``--clients`` clients for ``--duration`` seconds: 70 % catalogue
   reads, 20 % order reads, 10 % order creation and transitions (``benchmarks/soak/traffic.py``).
   Meanwhile the resident memory of every web worker and of the task worker (every 5 s) and
   the database's client connections and notification backlog (every second) are sampled.
4. After the traffic, waits until every notification is delivered, stops the servers and
   checks the database (``benchmarks.soak.checks``).

Prints the report (Markdown) and exits 1 when anything failed: a request error, memory at the
end more than ``--rss-tolerance`` % above its level after the first minute, more database
connections than the configuration allows, notifications not delivered, or a check.
"""

from __future__ import annotations

import argparse
import datetime
import json
import subprocess
import sys
import time
from pathlib import Path

from ..common import ROOT, SRC, environment, wait
from . import report
from .measure import Sampler, Sink, children

DATABASE = "softwarebroker_soak"
PORT = 8031
API = f"http://127.0.0.1:{PORT}"
# psycopg_pool's default size (min_size 4, max_size = min_size): procrastinate's worker pool.
WORKER_POOL = 4


def connection_bound(workers: int, threads: int, concurrency: int) -> int:
    """The most client connections the configuration can open: one per gunicorn thread
    (``DATABASE_CONN_MAX_AGE`` keeps it between requests); the task worker's pool, its LISTEN
    connection (the queue's wake-up calls) and one per job running at once (a sync task runs in
    a thread with a Django connection of its own, closed when the task ends)."""
    return workers * threads + WORKER_POOL + 1 + concurrency


def _drop(database: str) -> None:
    sys.path.insert(0, str(SRC))
    import psycopg

    from development.database import embedded_database

    with embedded_database("postgres") as url, psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def _gunicorn(arguments, production: dict, out: Path) -> subprocess.Popen:
    """As bin/docker_start.sh starts it, on the loopback, access log to a file, and
    ``--max-requests`` as asked (0: workers live the whole run)."""
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "softwarebroker.wsgi:application",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            str(arguments.workers),
            "--threads",
            str(arguments.threads),
            "--timeout",
            "30",
            "--graceful-timeout",
            "25",
            "--keep-alive",
            "5",
            "--max-requests",
            str(arguments.max_requests),
            "--max-requests-jitter",
            "100" if arguments.max_requests else "0",
            "--worker-tmp-dir",
            "/dev/shm",  # noqa: S108 - gunicorn's heartbeat files, as in the start script
            "--access-logfile",
            str(out / "access.log"),
            "--no-control-socket",
        ],
        env=production,
        cwd=ROOT,
        stdout=(out / "web.log").open("w"),
        stderr=subprocess.STDOUT,
    )


def _worker(arguments, production: dict, out: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            str(SRC / "manage.py"),
            "procrastinate",
            "worker",
            "--concurrency",
            str(arguments.worker_concurrency),
        ],
        env=production,
        cwd=ROOT,
        stdout=(out / "worker.log").open("w"),
        stderr=subprocess.STDOUT,
    )


def _last_job(url: str) -> int:
    import psycopg

    with psycopg.connect(url) as connection:
        return connection.execute("SELECT coalesce(max(id), 0) FROM procrastinate_jobs").fetchone()[0]


def _locust(arguments, env: dict, out: Path, plan: Path, writes: Path, pids: dict) -> int:
    """Runs the traffic; its process id goes in ``pids`` meanwhile (its CPU time is sampled)."""
    environment = {
        **env,
        "SOAK_PLAN": str(plan),
        "SOAK_WRITES": str(writes),
        "SOAK_WAIT": str(arguments.wait),
        # The clients stop by themselves at the end (see traffic.py); locust's own limit is
        # only a safety net should one hang.
        "SOAK_END": str(time.time() + arguments.duration),
    }
    command = [
        sys.executable,
        "-m",
        "locust",
        "-f",
        str(Path(__file__).with_name("traffic.py")),
        "--headless",
        "--users",
        str(arguments.clients),
        "--spawn-rate",
        str(arguments.clients),
        "--run-time",
        f"{arguments.duration + 120}s",
        "--host",
        API,
        "--csv",
        str(out / "locust"),
        "--only-summary",
        "--stop-timeout",
        "30",
        "--loglevel",
        "WARNING",
    ]
    with (out / "locust.log").open("w") as log:
        process = subprocess.Popen(command, env=environment, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        pids["load generator (locust)"] = process.pid
        return process.wait()


def _drain(sampler: Sampler, timeout: float) -> float | None:
    """Seconds until no notification job is left to do, or None after ``timeout``."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        time.sleep(1)
        if sampler.samples.queue and sampler.samples.queue[-1][1] == 0:
            return time.monotonic() - started
    return None


def _stop(process: subprocess.Popen) -> int:
    process.terminate()
    try:
        return process.wait(timeout=40)
    except subprocess.TimeoutExpired:
        process.kill()
        return process.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=600, help="seconds of traffic (default 600)")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--wait", type=float, default=0.0, help="pause of a client between requests, s")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (WEB_CONCURRENCY)")
    parser.add_argument("--threads", type=int, default=2, help="threads per worker (GUNICORN_THREADS)")
    parser.add_argument("--max-requests", type=int, default=0, help="gunicorn worker recycling (0: off)")
    parser.add_argument("--worker-concurrency", type=int, default=1, help="task worker's jobs at once")
    parser.add_argument("--baseline", type=int, default=60, help="memory baseline after this many s")
    parser.add_argument("--rss-tolerance", type=float, default=10.0, help="allowed growth after it, %%")
    parser.add_argument("--drain-timeout", type=int, default=300)
    parser.add_argument("--fresh", action="store_true", help="build the soak database anew")
    arguments, _ = parser.parse_known_args()
    if arguments.duration <= arguments.baseline:
        parser.error("--duration must be longer than --baseline")

    run = f"SOAK-{datetime.datetime.now():%Y%m%d-%H%M%S}"
    out = ROOT / ".cache" / "soak" / run
    out.mkdir(parents=True)
    load_before = Path("/proc/loadavg").read_text().split()[:3]
    if arguments.fresh:
        _drop(DATABASE)
    valid_for = arguments.duration + arguments.drain_timeout + 3600
    with environment(DATABASE) as (env, production), Sink() as sink:
        production = {**production, "JWT_MAX_AGE": str(valid_for)}
        plan, writes = out / "plan.json", out / "writes.jsonl"
        started = time.monotonic()
        data = [
            "--api",
            API,
            "--sink",
            sink.url,
            "--run",
            run,
            "--valid-for",
            str(valid_for),
            "--out",
            str(plan),
        ]
        subprocess.run(
            [sys.executable, "-m", "benchmarks.soak.data", *data],
            env=env,
            cwd=ROOT,
            check=True,
        )
        prepared = time.monotonic() - started
        web, worker = _gunicorn(arguments, production, out), _worker(arguments, production, out)
        locust: dict = {}
        try:
            wait(f"{API}/_healthz/livez")
            first_job = _last_job(env["DATABASE_URL"])
            since = datetime.datetime.now(datetime.UTC)

            def processes() -> dict[str, int]:
                found = {f"web worker (pid {pid})": pid for pid in children(web.pid)}
                found["task worker"] = worker.pid
                found.update(locust)
                return found

            sampler = Sampler(env["DATABASE_URL"], processes, first_job)
            sampler.start()
            status = _locust(arguments, env, out, plan, writes, locust)
            traffic_end = sampler.now()
            drained = _drain(sampler, arguments.drain_timeout)
            samples = sampler.stop()
        finally:
            stopped = {"web": _stop(web), "task worker": _stop(worker)}
        received = sink.dump(out / "received.json")
        inputs = ["--run", run, "--first-job", str(first_job), "--since", since.isoformat()]
        inputs += ["--writes", str(writes), "--received", str(out / "received.json")]
        checked = subprocess.call(
            [sys.executable, "-m", "benchmarks.soak.checks", *inputs, "--out", str(out / "checks.json")],
            env=env,
            cwd=ROOT,
        )
    load_after = Path("/proc/loadavg").read_text().split()[:3]
    text, ok = report.render(
        arguments=arguments,
        run=run,
        plan=json.loads(plan.read_text()),
        prepared=prepared,
        out=out,
        samples=samples,
        traffic_end=traffic_end,
        drained=drained,
        received=received,
        locust_status=status,
        stopped=stopped,
        checks=json.loads((out / "checks.json").read_text()) if (out / "checks.json").exists() else [],
        checks_status=checked,
        bound=connection_bound(arguments.workers, arguments.threads, arguments.worker_concurrency),
        load=(load_before, load_after),
    )
    (out / "report.md").write_text(text)
    samples.write_csv(out / "samples.csv")
    print(text)
    print(f"\n(files of this run: {out.relative_to(ROOT)})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
