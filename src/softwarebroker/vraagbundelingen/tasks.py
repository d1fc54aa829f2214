from procrastinate.contrib.django import app

from softwarebroker.core.tasks import closes_connections

from . import services

SLUITEN = "softwarebroker.vraagbundelingen.tasks.vraagbundelingen_sluiten"


@app.periodic(cron="10 * * * *")
@app.task(name=SLUITEN, queueing_lock=SLUITEN)
@closes_connections
def sluit_vraagbundelingen(timestamp: int) -> int:
    """Every hour: closes the open rounds whose closing date has come (the first run after
    midnight closes that day's; a worker that was down catches up at its next run)."""
    return services.sluit_vraagbundelingen()
