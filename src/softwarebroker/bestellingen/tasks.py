from procrastinate.contrib.django import app

from softwarebroker.catalogus.verklaringen.services import verloop
from softwarebroker.core.tasks import closes_connections

from . import services

# Each task keeps the name it was registered under: queued and periodic jobs name it.
NACHTELIJKE_LICENTIEVERWERKING = "softwarebroker.bestellingen.tasks.licenties_nachtelijk_verwerken"
NACHTELIJKE_VERKLARINGVERWERKING = "softwarebroker.bestellingen.tasks.verklaringen_nachtelijk_verwerken"


@app.periodic(cron="5 0 * * *")
@app.task(name=NACHTELIJKE_LICENTIEVERWERKING, queueing_lock=NACHTELIJKE_LICENTIEVERWERKING)
@closes_connections
def process_licenties(timestamp: int) -> dict:
    """Every night: renew, end and expire the licences whose end date has come and send the
    reminders before their opzegdatum (idempotent: a second run the same day changes nothing)."""
    return services.nachtelijke_licentieverwerking().as_dict()


# The declarations' job lives in the catalogue; it runs from here, the layer that knows both the
# declarations and the licences of the offers they cover (the catalogue imports no orders).
@app.periodic(cron="15 0 * * *")
@app.task(name=NACHTELIJKE_VERKLARINGVERWERKING, queueing_lock=NACHTELIJKE_VERKLARINGVERWERKING)
@closes_connections
def process_verklaringen(timestamp: int) -> dict:
    """Every night: expire the approved declarations whose geldigTot has passed (and tell the
    licence holders of the offers they covered), and tell suppliers of the declarations ending
    within ``VERKLARING_VERLOOP_MELDING_DAGEN`` (idempotent: a second run the same day changes
    nothing)."""
    return verloop.verklaringen_verwerken(bij_verlopen=services.licenties_bij_verlopen_verklaringen).as_dict()


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
