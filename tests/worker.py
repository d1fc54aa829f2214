"""Running the real task queue worker in tests: in this process, or as a process of its own."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

from asgiref.sync import sync_to_async
from django.db import connection, connections
from procrastinate.contrib.django import app

MANAGE = Path(__file__).resolve().parents[1] / "src" / "manage.py"


def run_worker() -> None:
    """Process every job that is due now, with the connector `manage.py procrastinate worker`
    uses (the Django connector is for deferring only), then return."""
    # The periodic deferrer defers through the Django connection of asgiref's one thread for
    # sync code, which outlives a run; a test may have ended it (close_worker_connections),
    # and the deferrer would fail and stop the worker: start that thread afresh.
    asyncio.run(sync_to_async(connections.close_all)())
    worker_app = app.with_connector(app.connector.get_worker_connector())
    worker_app.run_worker(wait=False, install_signal_handlers=False, listen_notify=False)


def close_worker_connections() -> None:
    # The worker's periodic deferrer leaves an idle connection in a thread of its own; close
    # it, or the test database cannot be dropped at the end of the run.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


def database_url() -> str:
    """The test database, as a DATABASE_URL for a process of its own."""
    settings = connection.settings_dict
    host = quote(settings["HOST"] or "", safe="")
    port = f":{settings['PORT']}" if settings["PORT"] else ""
    password = f":{quote(settings['PASSWORD'], safe='')}" if settings["PASSWORD"] else ""
    return f"postgresql://{quote(settings['USER'], safe='')}{password}@{host}{port}/{settings['NAME']}"


class WorkerProcess:
    """The worker as it runs in production (`manage.py procrastinate worker`, what
    bin/worker_start.sh starts), a process of its own on the test database; ``environment``
    adds variables (WORKER_STALLED_SECONDS, for one). It sees committed data only: use it in
    ``transaction=True`` tests."""

    def __init__(self, log_file: Path, **environment: str):
        self.log_file = log_file
        self.environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "softwarebroker.conf.test",
            "DATABASE_URL": database_url(),
            "LOG_FORMAT": "json",
            **environment,
        }
        self.process: subprocess.Popen | None = None

    def start(self) -> WorkerProcess:
        with open(self.log_file, "ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, str(MANAGE), "procrastinate", "worker"],
                env=self.environment,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        return self

    def kill(self) -> None:
        """SIGKILL: the worker gets no chance to finish or give back its jobs (OOM, a lost node)."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        """SIGTERM, the graceful stop; SIGKILL if it does not stop in time."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.kill()

    def log(self) -> str:
        return self.log_file.read_text(errors="replace")[-5000:]
