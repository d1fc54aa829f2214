"""What the soak watches while it runs: the Notificaties API stand-in that receives the
notifications, and a sampler of process memory (from /proc), PostgreSQL connections and the
task queue."""

from __future__ import annotations

import collections
import csv
import http.server
import json
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


class Sink:
    """A stand-in for another organisation's Notificaties API on 127.0.0.1: answers every
    ``POST .../notificaties`` with 201 and remembers what it received."""

    def __init__(self):
        self.received: collections.Counter = collections.Counter()
        self.lock = threading.Lock()
        sink = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                with sink.lock:
                    sink.received[(body["hoofdObject"], body["resourceUrl"], body["actie"])] += 1
                self.send_response(201)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"{}")

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/api/v1/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def dump(self, path: Path) -> int:
        with self.lock:
            rows = [[*key, count] for key, count in self.received.items()]
        path.write_text(json.dumps(rows))
        return sum(count for *_, count in rows)


def children(pid: int) -> list[int]:
    """The child processes of ``pid`` (gunicorn's workers)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The command name is in parentheses and may contain spaces: the ppid follows it.
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return sorted(found)


def rss_mb(pid: int) -> float | None:
    try:
        resident = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    except (OSError, IndexError):
        return None
    return resident * PAGE_SIZE / 2**20


def cpu_seconds(pid: int) -> float | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime + stime


@dataclass
class Samples:
    """Every sample of a run: seconds since the traffic started, then the values."""

    rss: dict[str, list[tuple[float, float]]] = field(default_factory=dict)  # process -> (t, MB)
    connections: list[tuple[float, int]] = field(default_factory=list)
    queue: list[tuple[float, int]] = field(default_factory=list)  # notification jobs not done yet
    cpu: dict[str, tuple[float, float]] = field(default_factory=dict)  # process -> (first, last) s

    def write_csv(self, path: Path) -> None:
        """Every sample, one a line: what, of which process, seconds, value."""
        with path.open("w", newline="") as file:
            out = csv.writer(file)
            out.writerow(["measure", "process", "seconds", "value"])
            for name, series in self.rss.items():
                out.writerows(["rss_mb", name, f"{t:.1f}", f"{mb:.2f}"] for t, mb in series)
            out.writerows(["connections", "", f"{t:.1f}", count] for t, count in self.connections)
            out.writerows(["notifications_waiting", "", f"{t:.1f}", count] for t, count in self.queue)


class Sampler(threading.Thread):
    """Every ``interval`` seconds the resident memory of each process in ``processes()``
    (a name -> pid mapping, read again each time); every second the client connections to
    the database and the notification jobs still to do (after job ``first_job``)."""

    def __init__(self, database_url: str, processes, first_job: int, interval: float = 5.0):
        super().__init__(daemon=True)
        self.database_url, self.processes, self.first_job = database_url, processes, first_job
        self.interval = interval
        self.samples = Samples()
        self.started = time.monotonic()
        self.stopping = threading.Event()

    def now(self) -> float:
        return time.monotonic() - self.started

    def run(self):
        import psycopg

        with psycopg.connect(self.database_url, autocommit=True) as connection:
            next_rss = 0.0
            while not self.stopping.is_set():
                t = self.now()
                connections, queue = connection.execute(
                    "SELECT (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "        AND backend_type = 'client backend' AND pid <> pg_backend_pid()), "
                    "       (SELECT count(*) FROM procrastinate_jobs WHERE id > %s "
                    "        AND status IN ('todo', 'doing'))",
                    [self.first_job],
                ).fetchone()
                self.samples.connections.append((t, connections))
                self.samples.queue.append((t, queue))
                if t >= next_rss:
                    self._processes(t)
                    next_rss = t + self.interval
                self.stopping.wait(1.0)

    def _processes(self, t: float) -> None:
        for name, pid in self.processes().items():
            resident = rss_mb(pid)
            if resident is not None:
                self.samples.rss.setdefault(name, []).append((t, resident))
            seconds = cpu_seconds(pid)
            if seconds is not None:
                first = self.samples.cpu.get(name, (seconds, seconds))[0]
                self.samples.cpu[name] = (first, seconds)

    def stop(self) -> Samples:
        self.stopping.set()
        self.join(timeout=10)
        return self.samples
