"""The nightly licence job: renewals, ends and expiry at the end date, and the staged reminders
before the opzegdatum (:mod:`.licentie_herinneringen`).

It runs as the component itself, in transactions of at most ``batch_size`` licences, each
batch locked (``SKIP LOCKED``: a licence an order is changing right now is left for the next
run, and since every rule asks "has the day come", nothing is missed). Each change has its audit
entry and its notification (kanaal ``licenties``), written in bulk. Every rule is a condition
on the stored state, so a second run on the same day finds nothing to do and writes nothing.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from decimal import Decimal

import structlog
from django.db import connection, transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from softwarebroker.api.resources import represent_many
from softwarebroker.audit.services import audit_entry, record_audits
from softwarebroker.catalogus.constants import Indexering, Prijstype
from softwarebroker.catalogus.models import Aanbieding, Prijs
from softwarebroker.catalogus.selectors import valid_on
from softwarebroker.core import events

from .. import kanalen, pricing, termijnen
from ..constants import LicentieStatus
from ..models import Licentie
from .licentie_gemeen import NIGHTLY_JOB, Verwerking, locked, may_renew, renewal_term
from .licentie_herinneringen import send_reminders

logger = structlog.get_logger(__name__)

BATCH_SIZE = 1000


def nachtelijke_licentieverwerking(
    day: datetime.date | None = None, *, batch_size: int = BATCH_SIZE
) -> Verwerking:
    """Renew, end and expire the licences whose end date has come, then send the reminders that
    are due on ``day`` (default today)."""
    day = day or timezone.localdate()
    result = Verwerking()
    prijzen = _Prijzen(day)
    for chunk in _chunks(_due_for_renewal(day), batch_size):
        _renew(chunk, prijzen, result)
    for chunk in _chunks(_cancelled_and_ended(day), batch_size):
        _set_status(chunk, day, LicentieStatus.BEEINDIGD, result)
    for chunk in _chunks(_past_end(day), batch_size):
        _set_status(chunk, day, LicentieStatus.VERLOPEN, result)
    send_reminders(day, result, batch_size=batch_size)
    logger.info("licenties_verwerkt", day=day.isoformat(), **result.as_dict())
    return result


# --- which licences -------------------------------------------------------------------------


def _due_for_renewal(day: datetime.date) -> QuerySet:
    return Licentie.objects.filter(
        Q(max_verlengingen__isnull=True) | Q(aantal_verlengingen__lt=F("max_verlengingen")),
        status=LicentieStatus.ACTIEF,
        automatisch_verlengen=True,
        einddatum__lte=day,
    )


def _cancelled_and_ended(day: datetime.date) -> QuerySet:
    return Licentie.objects.filter(status=LicentieStatus.OPGEZEGD, einddatum__lte=day)


def _past_end(day: datetime.date) -> QuerySet:
    # The end date is the last day of the licence: it expires the day after. An automatically
    # renewing licence still here could not renew (or was locked during the renewals: see _set_status).
    return Licentie.objects.filter(status=LicentieStatus.ACTIEF, einddatum__lt=day)


def _chunks(queryset: QuerySet, batch_size: int) -> Iterator[tuple[QuerySet, list[int]]]:
    """The candidates by id, in id order, ``batch_size`` at a time; each chunk is read again
    under its lock with the same conditions (a concurrent change may have settled a licence)."""
    ids = list(queryset.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch_size):
        yield queryset, ids[start : start + batch_size]


# --- renewal --------------------------------------------------------------------------------


def _renewed_until(licentie: Licentie, day: datetime.date) -> tuple[datetime.date, int]:
    """The end date and number of renewals after renewing as often as the contract allows
    until the end date lies after ``day`` (several periods, when runs were missed)."""
    einddatum, renewals, term = licentie.einddatum, licentie.aantal_verlengingen, renewal_term(licentie)
    while einddatum <= day and may_renew(licentie, renewals, termijnen.add_months(einddatum, term)):
        einddatum, renewals = termijnen.add_months(einddatum, term), renewals + 1
    return einddatum, renewals


class _Prijzen:
    """The offers' prices valid on the day, read once per offer per run."""

    def __init__(self, day: datetime.date):
        self.day = day
        self._by_aanbieding: dict[int, tuple[list[Prijs], bool]] = {}

    def _of(self, aanbieding_id: int) -> tuple[list[Prijs], bool]:
        if aanbieding_id not in self._by_aanbieding:
            framework = Aanbieding.objects.filter(pk=aanbieding_id, raamovereenkomst__isnull=False).exists()
            prijzen = list(Prijs.objects.filter(valid_on(self.day), aanbieding_id=aanbieding_id))
            self._by_aanbieding[aanbieding_id] = (prijzen, framework)
        return self._by_aanbieding[aanbieding_id]

    def per_jaar(self, licentie: Licentie) -> Decimal | None:
        """The offer's current recurring price per year for the licence's quantity (framework
        prices when the offer falls under one, as when it was ordered); None when it cannot be
        read here (a peer's offer or none, no recurring price valid now)."""
        if licentie.aanbieding_id is None:
            return None
        prijzen, framework = self._of(licentie.aanbieding_id)
        applicable = pricing.applicable_prijzen(prijzen, raamovereenkomst=framework)
        if not any(prijs.prijstype == Prijstype.TERUGKEREND for prijs in applicable):
            return None
        # Only the amount is kept: the prices need no URLs here.
        return pricing.compute_regelprijs(
            prijzen, licentie.aantal, raamovereenkomst=framework, url_of=lambda _: ""
        ).per_jaar


def plafond(licentie: Licentie) -> Decimal | None:
    """The largest rise per renewal the contract allows, in percent (None: no limit). Without
    indexation (``geen``) none; ``vast`` its fixed percentage unless a cap is set."""
    if licentie.indexering == Indexering.GEEN:
        return Decimal(0)
    if licentie.indexering_plafond is not None:
        return licentie.indexering_plafond
    if licentie.indexering == Indexering.VAST:
        return licentie.indexering_percentage
    return None


def boven_plafond(licentie: Licentie, oud: Decimal, nieuw: Decimal, periods: int) -> bool:
    """Whether ``nieuw`` rose above what the cap allows over ``periods`` renewals."""
    cap = plafond(licentie)
    if cap is None or oud <= 0:
        return False
    allowed = pricing.cents(oud * (1 + cap / 100) ** periods)
    return nieuw > allowed


def _renews(licentie: Licentie, day: datetime.date) -> bool:
    return licentie.automatisch_verlengen and _renewed_until(licentie, day)[0] != licentie.einddatum


def _renew(chunk: tuple[QuerySet, list[int]], prijzen: _Prijzen, result: Verwerking) -> None:
    day = prijzen.day
    with transaction.atomic():
        candidates = locked(*chunk)
        renewed, kenmerken = [], {}
        for licentie in candidates:
            einddatum, renewals = _renewed_until(licentie, day)
            if einddatum == licentie.einddatum:
                continue  # no renewal allowed: it expires (_past_end)
            periods = renewals - licentie.aantal_verlengingen
            licentie.einddatum, licentie.aantal_verlengingen = einddatum, renewals
            licentie.opzegdatum = termijnen.opzegdatum(einddatum, licentie.opzegtermijn_dagen)
            nieuw = prijzen.per_jaar(licentie)
            licentie.indexering_boven_plafond = False
            if nieuw is not None:
                oud = licentie.bedrag_per_jaar_excl_btw
                licentie.indexering_boven_plafond = boven_plafond(licentie, oud, nieuw, periods)
                licentie.bedrag_per_jaar_excl_btw = nieuw
            if licentie.indexering_boven_plafond:
                kenmerken[licentie.pk] = {"indexeringBovenPlafond": "true"}
                result.boven_plafond += 1
            renewed.append(licentie)
        if not renewed:
            return
        before = represent_many(Licentie, [licentie.pk for licentie in renewed])
        _write_renewals(renewed)
        _record(renewed, before, kenmerken)
        result.verlengd += len(renewed)


_RENEWAL_COLUMNS = (
    ("einddatum", "date"),
    ("aantal_verlengingen", "integer"),
    ("opzegdatum", "date"),
    ("bedrag_per_jaar_excl_btw", "numeric"),
    ("indexering_boven_plafond", "boolean"),
)


def _write_renewals(licenties: list[Licentie]) -> None:
    """One ``UPDATE .. FROM unnest(..)`` for the batch (``bulk_update`` builds a CASE per
    row and column in Python, several times slower here)."""
    table = Licentie._meta.db_table
    assignments = ", ".join(f"{column} = v.{column}" for column, _ in _RENEWAL_COLUMNS)
    arrays = ", ".join(f"%s::{kind}[]" for _, kind in (("id", "bigint"), *_RENEWAL_COLUMNS))
    names = ", ".join(column for column, _ in (("id", "bigint"), *_RENEWAL_COLUMNS))
    values = [[licentie.pk for licentie in licenties]] + [
        [getattr(licentie, column) for licentie in licenties] for column, _ in _RENEWAL_COLUMNS
    ]
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} AS l SET {assignments} FROM unnest({arrays}) AS v({names}) "  # noqa: S608
            "WHERE l.id = v.id",
            values,
        )


# --- ends and expiry ------------------------------------------------------------------------


def _set_status(chunk: tuple[QuerySet, list[int]], day: datetime.date, status: str, result) -> None:
    with transaction.atomic():
        licenties = locked(*chunk)
        if status == LicentieStatus.VERLOPEN:
            # An automatically renewing licence the renewals skipped (locked then) renews later.
            licenties = [licentie for licentie in licenties if not _renews(licentie, day)]
        if not licenties:
            return
        pks = [licentie.pk for licentie in licenties]
        before = represent_many(Licentie, pks)
        Licentie.objects.filter(pk__in=pks).update(status=status)
        for licentie in licenties:
            licentie.status = status
        _record(licenties, before, {})
        if status == LicentieStatus.VERLOPEN:
            result.verlopen += len(licenties)
        else:
            result.beeindigd += len(licenties)


def _record(licenties: list[Licentie], before: dict, kenmerken: dict) -> None:
    """The audit entries and notifications of changed licences, in bulk."""
    after = represent_many(Licentie, [licentie.pk for licentie in licenties])
    record_audits(
        [
            audit_entry(
                acting=NIGHTLY_JOB,
                actie="update",
                instance=licentie,
                before=before.get(licentie.pk),
                after=after.get(licentie.pk),
                organisatie_id=licentie.organisatie_id,
            )
            for licentie in licenties
        ]
    )
    events.publish_many(
        kanalen.LICENTIES, [(licentie, "update", kenmerken.get(licentie.pk)) for licentie in licenties]
    )
