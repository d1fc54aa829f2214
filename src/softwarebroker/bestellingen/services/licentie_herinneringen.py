"""Staged reminders before a licence's opzegdatum, part of the nightly job.

For each stage ``d`` (``LICENTIE_HERINNERINGEN_DAGEN``, default 180, 90 and 30 days) an active
licence gets one notification (kanaal ``licenties``, actie ``herinnering``, kenmerk
``herinnering``: the stage) once the day is within ``d`` days of its opzegdatum, up to and
including that date. A :class:`LicentieHerinnering` per licence, period (its end date) and stage
records it, so it is never sent twice, and a renewal (a new end date) arms every stage again.
When several stages are due at once (a licence registered late), only the most urgent is sent;
the others are recorded as passed (``overgeslagen``). At the first reminder of a period of a
licence renewed by hand, a concept renewal order (actie ``verlengen``) is prepared for its
organisation.
"""

from __future__ import annotations

import datetime

import structlog
from django.conf import settings
from django.db import transaction
from django.db.models import Case, Exists, IntegerField, OuterRef, QuerySet, Value, When

from softwarebroker.catalogus.constants import PublicatieStatus, Verlenging
from softwarebroker.core import errors, events

from .. import kanalen, termijnen
from ..constants import Actie, LicentieStatus
from ..models import Licentie, LicentieHerinnering
from .bestelling import create_bestelling
from .licentie_gemeen import NIGHTLY_JOB, Verwerking, locked, may_renew, renewal_term

logger = structlog.get_logger(__name__)

HERINNERING = "herinnering"


def stages() -> list[int]:
    """The stages, most urgent (fewest days) first."""
    return sorted(set(settings.LICENTIE_HERINNERINGEN_DAGEN))


def due(day: datetime.date, opzegdatum: datetime.date) -> list[int]:
    """The stages due on ``day``, most urgent first (none after the opzegdatum)."""
    if day > opzegdatum:
        return []
    return [stage for stage in stages() if day >= opzegdatum - datetime.timedelta(days=stage)]


def _waiting(day: datetime.date) -> QuerySet:
    """Active licences whose most urgent due stage has no record yet for this period (a more
    urgent record settles the earlier stages too)."""
    ordered = stages()
    most_urgent = Case(
        *(When(opzegdatum__lte=day + datetime.timedelta(days=stage), then=Value(stage)) for stage in ordered),
        output_field=IntegerField(),
    )
    recorded = LicentieHerinnering.objects.filter(
        licentie=OuterRef("pk"), einddatum=OuterRef("einddatum"), dagen__lte=OuterRef("stage")
    )
    return (
        Licentie.objects.filter(
            status=LicentieStatus.ACTIEF,
            opzegdatum__gte=day,
            opzegdatum__lte=day + datetime.timedelta(days=ordered[-1]),
            einddatum__isnull=False,
        )
        .annotate(stage=most_urgent)
        .filter(~Exists(recorded))
    )


def send_reminders(day: datetime.date, result: Verwerking, *, batch_size: int) -> None:
    if not stages():
        return
    queryset = _waiting(day)
    ids = list(queryset.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch_size):
        _remind(queryset, ids[start : start + batch_size], day, result)


def _remind(queryset: QuerySet, ids: list[int], day: datetime.date, result: Verwerking) -> None:
    with transaction.atomic():
        licenties = locked(queryset, ids)
        recorded: dict[tuple[int, datetime.date], set[int]] = {}
        for licentie_id, einddatum, dagen in LicentieHerinnering.objects.filter(
            licentie__in=[licentie.pk for licentie in licenties]
        ).values_list("licentie_id", "einddatum", "dagen"):
            recorded.setdefault((licentie_id, einddatum), set()).add(dagen)
        records, changes, first_of_period = [], [], []
        for licentie in licenties:
            earlier = recorded.get((licentie.pk, licentie.einddatum), set())
            stages_due = [stage for stage in due(day, licentie.opzegdatum) if stage not in earlier]
            if not stages_due:
                continue
            urgent = stages_due[0]
            records += [
                LicentieHerinnering(
                    licentie=licentie, einddatum=licentie.einddatum, dagen=stage, overgeslagen=stage != urgent
                )
                for stage in stages_due
            ]
            changes.append((licentie, HERINNERING, {"herinnering": str(urgent)}))
            result.herinneringen_overgeslagen += len(stages_due) - 1
            if not earlier:
                first_of_period.append(licentie)
        if not changes:
            return
        LicentieHerinnering.objects.bulk_create(records)
        events.publish_many(kanalen.LICENTIES, changes)
        result.herinneringen += len(changes)
        for licentie in first_of_period:
            if renews_by_hand(licentie) and _prepare_renewal_order(licentie):
                result.verlengingsbestellingen += 1


def renews_by_hand(licentie: Licentie) -> bool:
    """A licence of a local offer renewed by an order, whose contract allows another renewal."""
    aanbieding = licentie.aanbieding
    if licentie.automatisch_verlengen or aanbieding is None or aanbieding.verlenging != Verlenging.HANDMATIG:
        return False
    new_einddatum = termijnen.add_months(licentie.einddatum, renewal_term(licentie))
    return may_renew(licentie, licentie.aantal_verlengingen, new_einddatum)


def _prepare_renewal_order(licentie: Licentie) -> bool:
    """A concept order of the licence's organisation renewing it (same offer, quantity and
    order parameters), made by the component; the organisation submits it or deletes it. An offer that can no
    longer be ordered (withdrawn, expired) gets none: the reminder says enough."""
    if licentie.aanbieding.status != PublicatieStatus.GEPUBLICEERD:
        return False
    extra = {"kostenplaats": licentie.kostenplaats} if licentie.kostenplaats else {}
    # The parameters it was last ordered with (the offer's schema may require them).
    bronregel = licentie.bronregels.order_by("-id").only("bestelparameters").first()
    try:
        create_bestelling(
            acting=NIGHTLY_JOB,
            besteller=licentie.organisatie,
            regels=[
                {
                    "aanbieding": licentie.aanbieding,
                    "aantal": licentie.aantal,
                    "actie": Actie.VERLENGEN,
                    "licentie": licentie,
                    "bestelparameters": bronregel.bestelparameters if bronregel else {},
                }
            ],
            **extra,
        )
    except errors.DomainError as error:
        # Its own savepoint (create_bestelling is atomic): the reminder stands.
        logger.warning("verlengingsbestelling_niet_gemaakt", licentie=str(licentie.uuid), fout=str(error))
        return False
    return True
