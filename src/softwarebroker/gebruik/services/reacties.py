"""Uses follow deliveries and the catalogue, through the events of those changes (their own
transaction): a licence that became active through the broker registers its use; a version's
end of support and a published vulnerability alert the version's users."""

from __future__ import annotations

from django.utils import timezone

from softwarebroker.audit.services import snapshot
from softwarebroker.bestellingen.constants import LicentieBron, LicentieStatus
from softwarebroker.bestellingen.models import Licentie
from softwarebroker.catalogus.models import Kwetsbaarheid, Softwarepakketversie

from ..constants import GebruikStatus
from ..models import Gebruik
from .attenties import signaleer_einde_ondersteuning, signaleer_kwetsbaarheid
from .common import AUTOMATISCH, audit, history, publish
from .gebruiken import insert

VOOR_PRODUCTIE = (GebruikStatus.VERWERVING, GebruikStatus.GEPLAND)


def registreer_levering(*, acting, licentie: Licentie) -> Gebruik | None:
    """The use of a licence delivered through the broker: a use of the same package and version
    that was registered before (e.g. ``gepland``) gets the licence and goes into production;
    otherwise a new use starts ``in_productie`` today with the package's reference components.
    A licence whose use exists already (or an offer of another instance, without a local
    package) registers nothing."""
    if licentie.softwarepakket_id is None or Gebruik.objects.filter(licentie=licentie).exists():
        return None
    bestaand = (
        Gebruik.objects.select_for_update(of=("self",))
        .filter(
            organisatie_id=licentie.organisatie_id,
            softwarepakket_id=licentie.softwarepakket_id,
            softwarepakketversie_id=licentie.softwarepakketversie_id,
        )
        .first()
    )
    if bestaand is None:
        return insert(
            acting,
            organisatie=licentie.organisatie,
            softwarepakket=licentie.softwarepakket,
            softwarepakketversie=licentie.softwarepakketversie,
            referentiecomponenten=list(licentie.softwarepakket.referentiecomponenten),
            licentie=licentie,
            status=GebruikStatus.IN_PRODUCTIE,
            statusdatum=licentie.ingangsdatum or timezone.localdate(),
            toelichting="Geregistreerd bij de levering.",
        )
    if bestaand.licentie_id is not None:
        return None
    before = snapshot(bestaand)
    bestaand.licentie = licentie
    if bestaand.status in VOOR_PRODUCTIE:
        datum = max(licentie.ingangsdatum or timezone.localdate(), bestaand.statusdatum)
        history(acting, bestaand, bestaand.status, GebruikStatus.IN_PRODUCTIE, datum, "Geleverd.")
        bestaand.status, bestaand.statusdatum = GebruikStatus.IN_PRODUCTIE, datum
    bestaand.versie += 1
    bestaand.save()
    audit(acting, "update", bestaand, before)
    publish(bestaand, "update")
    return bestaand


def on_event(event) -> None:
    instance, acting = event.instance, event.acting or AUTOMATISCH
    if isinstance(instance, Licentie):
        geleverd = instance.status == LicentieStatus.ACTIEF and instance.bron == LicentieBron.BROKER
        if geleverd and event.actie in ("create", "update"):
            registreer_levering(acting=acting, licentie=instance)
    elif isinstance(instance, Softwarepakketversie) and event.actie in ("create", "update"):
        signaleer_einde_ondersteuning(acting=acting, softwarepakketversie=instance)
    elif isinstance(instance, Kwetsbaarheid) and event.actie == "create":
        signaleer_kwetsbaarheid(acting=acting, kwetsbaarheid=instance)


def on_events(published) -> None:
    for event in published:
        on_event(event)
