"""Running the real task queue worker in tests."""

from django.db import connection
from procrastinate.contrib.django import app


def run_worker() -> None:
    """Process every job that is due now, with the connector `manage.py procrastinate worker`
    uses (the Django connector is for deferring only), then return."""
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
