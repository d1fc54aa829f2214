from procrastinate.contrib.django import app

from softwarebroker.core.tasks import closes_connections

from . import services

# Each task keeps the name it was registered under: queued and periodic jobs name it.


@app.periodic(cron="5 0 * * *")
@app.task(name="softwarebroker.bestellingen.tasks.licenties_laten_verlopen")
@closes_connections
def expire_licenties(timestamp: int) -> int:
    """Every night: licences past their end date become ``verlopen`` (idempotent)."""
    return services.expire_licenties()


@app.periodic(cron="15 0 * * *")
@app.task(name="softwarebroker.bestellingen.tasks.opzegtermijnen_melden")
@closes_connections
def announce_opzegtermijnen(timestamp: int) -> int:
    """Every night: licences entering their notice period are announced once (idempotent)."""
    return services.announce_opzegtermijnen()
