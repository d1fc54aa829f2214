from procrastinate.contrib.django import app

from softwarebroker.core.tasks import closes_connections

from . import services

# Each task keeps the name it was registered under: queued and periodic jobs name it.
NACHTELIJKE_LICENTIEVERWERKING = "softwarebroker.bestellingen.tasks.licenties_nachtelijk_verwerken"


@app.periodic(cron="5 0 * * *")
@app.task(name=NACHTELIJKE_LICENTIEVERWERKING, queueing_lock=NACHTELIJKE_LICENTIEVERWERKING)
@closes_connections
def process_licenties(timestamp: int) -> dict:
    """Every night: renew, end and expire the licences whose end date has come and send the
    reminders before their opzegdatum (idempotent: a second run the same day changes nothing)."""
    return services.nachtelijke_licentieverwerking().as_dict()


# The two nightly tasks the job above replaces. A job of theirs deferred before an upgrade may
# still be in the queue (a worker that was down at night): it then ends as a no-op instead of
# failing on an unknown task. They are no longer periodic; remove them a release later.
@app.task(name="softwarebroker.bestellingen.tasks.licenties_laten_verlopen")
def expire_licenties(timestamp: int | None = None) -> int:
    """Replaced by the nightly licence job (``licenties_nachtelijk_verwerken``): does nothing."""
    return 0


@app.task(name="softwarebroker.bestellingen.tasks.opzegtermijnen_melden")
def announce_opzegtermijnen(timestamp: int | None = None) -> int:
    """Replaced by the nightly licence job's reminders (``licenties_nachtelijk_verwerken``): does
    nothing."""
    return 0
