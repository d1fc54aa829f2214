"""The nightly declaration job: the advance notice before an approved declaration ends, and its
expiry the day after its ``geldigTot``.

- An approved declaration whose ``geldig_tot`` lies within ``VERKLARING_VERLOOP_MELDING_DAGEN``
  days (default 60) gets one notification (kanaal ``verklaringen``, actie ``verloopt``, kenmerk
  ``verloopt``: the days left) for its supplier; ``verloop_gemeld_op`` records it, so it is
  never sent twice.
- An approved declaration whose ``geldig_tot`` has passed becomes ``verlopen``: an audit entry
  and a notification (actie ``status``, kenmerk ``status`` ``verlopen``) each, in bulk.

Who else hears of an expiry lives above the catalogue: the caller passes ``bij_verlopen``, run
in the transaction of the expiry with the declarations that just expired (the licence holders of
the offers they covered: see ``bestellingen.services.verklaring_verloop``). So this module
imports nothing of a higher layer.

It runs as the component itself, in batches locked with ``SKIP LOCKED`` (a declaration being
reviewed right now is left for the next run). Every rule is a condition on the stored state, so a
second run on the same day finds nothing to do and writes nothing.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass

import structlog
from django.conf import settings
from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from softwarebroker.api.resources import represent_many
from softwarebroker.audit.services import audit_entry, record_audits
from softwarebroker.autorisaties.context import Acting
from softwarebroker.core import events

from ... import kanalen
from ...constants import VerklaringStatus
from ...models import Verklaring

logger = structlog.get_logger(__name__)

NIGHTLY_JOB = Acting.system("worker")
BATCH_SIZE = 1000
# The actie and kenmerk of the advance notice.
VERLOOPT = "verloopt"

# Told of the declarations that just expired, inside the transaction of their expiry; returns
# how many notifications it sent.
BijVerlopen = Callable[[list[Verklaring], datetime.date], int]


@dataclass
class Verloop:
    """What one run changed and sent."""

    verlopen: int = 0  # declarations set to verlopen
    gemeld: int = 0  # advance notices sent to suppliers
    meldingen_bij_verlopen: int = 0  # notifications sent by ``bij_verlopen``

    def as_dict(self) -> dict:
        return asdict(self)


def verklaringen_verwerken(
    day: datetime.date | None = None,
    *,
    bij_verlopen: BijVerlopen | None = None,
    batch_size: int = BATCH_SIZE,
) -> Verloop:
    """Expire the approved declarations whose ``geldig_tot`` has passed on ``day`` (default
    today), then tell the suppliers whose approved declarations end within the notice period."""
    day = day or timezone.localdate()
    result = Verloop()
    for queryset, ids in _chunks(past_end(day), batch_size):
        _expire(queryset, ids, day, result, bij_verlopen)
    dagen = settings.VERKLARING_VERLOOP_MELDING_DAGEN
    if dagen:
        for queryset, ids in _chunks(to_announce(day, dagen), batch_size):
            _announce(queryset, ids, day, result)
    logger.info("verklaringen_verwerkt", day=day.isoformat(), **result.as_dict())
    return result


def past_end(day: datetime.date) -> QuerySet:
    # geldig_tot is the last valid day (as the choice in geldig reads it): it expires the day after.
    return Verklaring.objects.filter(status=VerklaringStatus.GOEDGEKEURD, geldig_tot__lt=day)


def to_announce(day: datetime.date, dagen: int) -> QuerySet:
    return Verklaring.objects.filter(
        status=VerklaringStatus.GOEDGEKEURD,
        verloop_gemeld_op__isnull=True,
        geldig_tot__gte=day,
        geldig_tot__lte=day + datetime.timedelta(days=dagen),
    )


def _chunks(queryset: QuerySet, batch_size: int) -> Iterator[tuple[QuerySet, list[int]]]:
    """The candidates by id, ``batch_size`` at a time; each chunk is read again under its lock
    with the same conditions (a concurrent change may have settled one)."""
    ids = list(queryset.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch_size):
        yield queryset, ids[start : start + batch_size]


def _locked(queryset: QuerySet, ids: list[int]) -> list[Verklaring]:
    return list(
        queryset.filter(pk__in=ids)
        .select_for_update(skip_locked=True, of=("self",))
        .select_related("eigenaar")
        .order_by("pk")
    )


def _expire(
    queryset: QuerySet, ids: list[int], day: datetime.date, result: Verloop, bij_verlopen: BijVerlopen | None
) -> None:
    with transaction.atomic():
        verklaringen = _locked(queryset, ids)
        if not verklaringen:
            return
        pks = [verklaring.pk for verklaring in verklaringen]
        before = represent_many(Verklaring, pks)
        Verklaring.objects.filter(pk__in=pks).update(
            status=VerklaringStatus.VERLOPEN, versie=F("versie") + 1, gewijzigd_op=timezone.now()
        )
        for verklaring in verklaringen:
            verklaring.status = VerklaringStatus.VERLOPEN
            verklaring.versie += 1
        after = represent_many(Verklaring, pks)
        record_audits(
            [
                audit_entry(
                    acting=NIGHTLY_JOB,
                    actie="update",
                    instance=verklaring,
                    before=before.get(verklaring.pk),
                    after=after.get(verklaring.pk),
                    leverancier_id=verklaring.eigenaar_id,
                )
                for verklaring in verklaringen
            ]
        )
        events.publish_many(
            kanalen.VERKLARINGEN, [(verklaring, "status", None) for verklaring in verklaringen]
        )
        result.verlopen += len(verklaringen)
        if bij_verlopen is not None:
            result.meldingen_bij_verlopen += bij_verlopen(verklaringen, day)


def _announce(queryset: QuerySet, ids: list[int], day: datetime.date, result: Verloop) -> None:
    """The advance notice: only a record of when it was sent changes (not part of the
    declaration's representation, so no audit entry and no new version), like a licence
    reminder."""
    with transaction.atomic():
        verklaringen = _locked(queryset, ids)
        if not verklaringen:
            return
        Verklaring.objects.filter(pk__in=[verklaring.pk for verklaring in verklaringen]).update(
            verloop_gemeld_op=day
        )
        events.publish_many(
            kanalen.VERKLARINGEN,
            [
                (verklaring, VERLOOPT, {VERLOOPT: str((verklaring.geldig_tot - day).days)})
                for verklaring in verklaringen
            ],
        )
        result.gemeld += len(verklaringen)
