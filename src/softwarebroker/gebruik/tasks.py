from procrastinate.contrib.django import app

from softwarebroker.core.tasks import closes_connections

from .services import attenties

SIGNALEREN = "softwarebroker.gebruik.tasks.einde_ondersteuning_signaleren"


@app.periodic(cron="25 0 * * *")
@app.task(name=SIGNALEREN, queueing_lock=SIGNALEREN)
@closes_connections
def signaleer_einde_ondersteuning(timestamp: int) -> int:
    """Every night: alerts the uses of versions whose end of support came within 12 months
    since the date was set, and uses registered on such a version since (each use once per
    date). Returns the number of alerts made."""
    return attenties.signaleer_naderend_einde()
