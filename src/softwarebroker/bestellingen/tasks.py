from procrastinate.contrib.django import app

from softwarebroker.core.tasks import closes_connections

from .services import announce_opzegtermijnen, expire_licenties


@app.periodic(cron="5 0 * * *")
@app.task()
@closes_connections
def licenties_laten_verlopen(timestamp: int) -> int:
    """Every night: licences past their end date become ``verlopen`` (idempotent)."""
    return expire_licenties()


@app.periodic(cron="15 0 * * *")
@app.task()
@closes_connections
def opzegtermijnen_melden(timestamp: int) -> int:
    """Every night: licences entering their notice period are announced once (idempotent)."""
    return announce_opzegtermijnen()
