from django.db import connections
from procrastinate.contrib.django import app

from .services import markeer_verlopen_licenties, meld_opzegtermijnen


@app.periodic(cron="5 0 * * *")
@app.task()
def licenties_laten_verlopen(timestamp: int) -> int:
    """Every night: licences past their end date become ``verlopen`` (idempotent)."""
    try:
        return markeer_verlopen_licenties()
    finally:
        connections.close_all()  # the worker runs sync tasks in threads of its own


@app.periodic(cron="15 0 * * *")
@app.task()
def opzegtermijnen_melden(timestamp: int) -> int:
    """Every night: licences entering their notice period are announced once (idempotent)."""
    try:
        return meld_opzegtermijnen()
    finally:
        connections.close_all()  # the worker runs sync tasks in threads of its own
