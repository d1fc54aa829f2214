"""`make run`: database, migrations, demo data, the task-queue worker and the web server.

Ctrl-C stops all of it, the embedded database included.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from .database import database_url

SRC = Path(__file__).resolve().parents[1] / "src"
ADDRESS = os.environ.get("RUN_ADDRESS", "127.0.0.1:8000")

BANNER = """
Open Softwarebroker draait op http://{address}

  Startpagina            http://{address}/
  Catalogus API          http://{address}/catalogus/api/v1  (documentatie: /catalogus/api/v1/docs)
  Bestellingen API       http://{address}/bestellingen/api/v1  (documentatie: /bestellingen/api/v1/docs)
  OpenAPI-documenten     http://{address}/catalogus/api/v1/openapi.json
                         http://{address}/bestellingen/api/v1/openapi.json
  Beheeromgeving         http://{address}/admin/  (gebruiker: admin, wachtwoord: admin)
  Gezondheid             http://{address}/_healthz/readyz

  API aanroepen (in een tweede terminal):
    TOKEN=$(make -s token CLIENT_ID=voorbeeldstad-afnemer)
    curl -H "Authorization: Bearer $TOKEN" http://{address}/catalogus/api/v1/categorieen
  Alle demo-clients en hun secrets staan in README.md.

Stoppen: Ctrl-C (stopt ook de taakverwerker en de database).
"""


def manage(*args: str) -> list[str]:
    return [sys.executable, str(SRC / "manage.py"), *args]


def main() -> int:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "softwarebroker.conf.dev"),
    }
    env.setdefault("LOG_FORMAT", "console")
    processes: list[subprocess.Popen] = []
    with database_url() as url:
        env["DATABASE_URL"] = url
        try:
            subprocess.run(manage("migrate", "--noinput"), env=env, check=True)
            subprocess.run(manage("load_demo_data"), env=env, check=True)
            # Own sessions: Ctrl-C reaches only this process, which then stops the children
            # in order (SIGTERM is the worker's graceful stop) before the database.
            for command in (manage("procrastinate", "worker"), manage("runserver", ADDRESS, "--noreload")):
                processes.append(subprocess.Popen(command, env=env, start_new_session=True))
            time.sleep(1.5)
            print(BANNER.format(address=ADDRESS), flush=True)
            while all(process.poll() is None for process in processes):
                time.sleep(0.5)
            return 1  # one of them died on its own
        except KeyboardInterrupt:
            return 0
        except subprocess.CalledProcessError as error:
            return error.returncode
        finally:
            for process in processes:
                if process.poll() is None:
                    process.terminate()
            for process in processes:
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()


def _exit_on_sigterm() -> None:
    # Ctrl-C must work even when a parent started us with SIGINT ignored (as shells do for
    # background jobs), and SIGTERM is treated alike, so the cleanup (the database too) runs.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))


if __name__ == "__main__":
    _exit_on_sigterm()
    sys.exit(main())
