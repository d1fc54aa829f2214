"""Run a command with DATABASE_URL pointing at PostgreSQL (embedded unless configured).

python -m development.withdb -- pytest -q
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys

from .database import database_url


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--":
        argv = argv[1:]
    if not argv:
        print("usage: python -m development.withdb -- COMMAND [ARGS...]", file=sys.stderr)
        return 2
    with database_url() as url:
        env = {**os.environ, "DATABASE_URL": url}
        try:
            return subprocess.call(argv, env=env)
        except KeyboardInterrupt:
            return 130


def _exit_on_sigterm() -> None:
    # Ctrl-C must work even when a parent started us with SIGINT ignored (as shells do for
    # background jobs), and SIGTERM is treated alike, so the cleanup (the database too) runs.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))


if __name__ == "__main__":
    _exit_on_sigterm()
    sys.exit(main(sys.argv[1:]))
