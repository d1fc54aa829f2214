from django.db import connections
from procrastinate.contrib.django import app

from .services import markeer_verlopen_licenties


@app.periodic(cron="5 0 * * *")
@app.task(queueing_lock="markeer_verlopen_licenties")
def licenties_laten_verlopen(timestamp: int) -> int:
    """Every night: licences past their end date become ``verlopen`` (idempotent)."""
    try:
        return markeer_verlopen_licenties()
    finally:
        connections.close_all()  # the worker runs sync tasks in threads of its own
