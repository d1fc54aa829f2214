"""Licences: created and changed by delivered lines; notice periods and expiry."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from softwarebroker.audit.services import record_audit, snapshot
from softwarebroker.autorisaties.context import Acting
from softwarebroker.core import events

from .. import kanalen
from ..constants import (
    Actie,
    LicentieStatus,
)
from ..models import (
    Bestelling,
    Bestelregel,
    Licentie,
)
from ..termijnen import add_months

# The nightly jobs change licences as the component itself.
SCHEDULED_JOB = Acting.system("worker")


def _changed(acting, licentie: Licentie, actie: str, before: dict | None) -> None:
    record_audit(
        acting=acting, actie=actie, instance=licentie, before=before, organisatie_id=licentie.organisatie_id
    )
    events.publish(kanalen.LICENTIES, licentie, actie)


def _apply_to_licentie(acting, bestelling: Bestelling, regel: Bestelregel) -> None:
    aanbieding = regel.bron_aanbieding
    today = timezone.localdate()
    before = None
    if regel.actie == Actie.NIEUW:
        ingangsdatum = bestelling.gewenste_ingangsdatum or today
        einddatum = (
            add_months(ingangsdatum, aanbieding.looptijd_maanden) if aanbieding.looptijd_maanden else None
        )
        licentie = Licentie.objects.create(
            organisatie=bestelling.besteller,
            aanbieding=regel.aanbieding,
            peer_aanbieding=regel.peer_aanbieding,
            aantal=regel.aantal,
            ingangsdatum=ingangsdatum,
            einddatum=einddatum,
            automatisch_verlengen=aanbieding.verlenging == "automatisch",
            status=LicentieStatus.ACTIEF,
        )
    else:
        licentie = Licentie.objects.select_for_update().get(pk=regel.licentie_id)
        before = snapshot(licentie)
        if regel.actie == Actie.UITBREIDEN:
            licentie.aantal += regel.aantal
        elif regel.actie == Actie.VERMINDEREN:
            licentie.aantal = max(licentie.aantal - regel.aantal, 0)
        elif regel.actie == Actie.VERLENGEN:
            start = max(licentie.einddatum or today, today)
            licentie.einddatum = add_months(start, aanbieding.looptijd_maanden or 12)
            licentie.status = LicentieStatus.ACTIEF
        elif regel.actie == Actie.OPZEGGEN:
            licentie.status = LicentieStatus.OPGEZEGD
        licentie.save()
    licentie.bronregels.add(regel)
    _changed(acting, licentie, "create" if regel.actie == Actie.NIEUW else "update", before)


# --- licences -------------------------------------------------------------------------------


def announce_opzegtermijnen(day: datetime.date | None = None) -> int:
    """Announce, once, each active licence whose notice period has started (``einddatum`` minus
    ``opzegtermijnDagen`` has come): an update on kanaal ``licenties``, and the licence shows
    ``opzegtermijnGemeldOp``. Running it again announces nothing twice."""
    day = day or timezone.localdate()
    count = 0
    with transaction.atomic():
        candidates = Licentie.objects.select_for_update().filter(
            status=LicentieStatus.ACTIEF, einddatum__isnull=False, opzegtermijn_gemeld_op__isnull=True
        )
        for licentie in candidates:
            if licentie.einddatum - datetime.timedelta(days=licentie.opzegtermijn_dagen) > day:
                continue
            before = snapshot(licentie)
            licentie.opzegtermijn_gemeld_op = timezone.now()
            licentie.save(update_fields=["opzegtermijn_gemeld_op"])
            _changed(SCHEDULED_JOB, licentie, "update", before)
            count += 1
    return count


def expire_licenties(day: datetime.date | None = None) -> int:
    """Licences past their end date become ``verlopen``; running it again changes nothing."""
    day = day or timezone.localdate()
    count = 0
    with transaction.atomic():
        for licentie in Licentie.objects.select_for_update().filter(
            status=LicentieStatus.ACTIEF,
            einddatum__isnull=False,
            einddatum__lt=day,
            automatisch_verlengen=False,
        ):
            before = snapshot(licentie)
            licentie.status = LicentieStatus.VERLOPEN
            licentie.save(update_fields=["status"])
            _changed(SCHEDULED_JOB, licentie, "update", before)
            count += 1
    return count
