"""Alerts to exactly the organisations running an affected version.

A version's end of support within 12 months, and a published vulnerability of a version,
alert every use of that version in status gepland, in_productie or uit_te_faseren: one
Attentie, one audit entry and one notification (kanaal ``gebruiken``, actie ``attentie``) per
use, all in the transaction of the change that caused them. Each use is alerted once per
cause: once per end-of-support date, once per vulnerability."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from softwarebroker.api.resources import represent_many, url_of
from softwarebroker.audit.services import audit_entry, record_audits
from softwarebroker.autorisaties.context import Acting
from softwarebroker.bestellingen import termijnen
from softwarebroker.catalogus.models import Softwarepakketversie
from softwarebroker.core import errors, events

from .. import kanalen
from ..constants import ATTENTIE_STATUSSEN, EINDE_ONDERSTEUNING_MAANDEN, AttentieReden
from ..models import Attentie, Gebruik
from .common import check_may_manage, today


def _users(softwarepakketversie_id, already):
    return (
        Gebruik.objects.filter(softwarepakketversie_id=softwarepakketversie_id, status__in=ATTENTIE_STATUSSEN)
        .exclude(Exists(already))
        .select_related("organisatie", "softwarepakket")
        .order_by("id")
    )


def _alert(acting, gebruiken: list[Gebruik], make, kenmerken: dict, superseded=None) -> list[Attentie]:
    """New alerts for ``gebruiken``, and ``superseded`` open alerts closed; every use either
    touches gets its audit entry and event (``attentie`` for a new alert, else ``update``)."""
    alerted = {gebruik.pk for gebruik in gebruiken}
    closed_only = []
    if superseded is not None:
        ids = set(superseded.values_list("gebruik_id", flat=True)) - alerted
        closed_only = list(Gebruik.objects.filter(pk__in=ids).select_related("organisatie", "softwarepakket"))
    touched = [*gebruiken, *closed_only]
    if not touched:
        return []
    before = represent_many(Gebruik, [gebruik.pk for gebruik in touched])
    if superseded is not None:
        superseded.update(afgehandeld_op=timezone.now())
    attenties = Attentie.objects.bulk_create([make(gebruik) for gebruik in gebruiken], batch_size=1000)
    after = represent_many(Gebruik, [gebruik.pk for gebruik in touched])
    instances = [*attenties, *closed_only]
    record_audits(
        [
            audit_entry(
                acting=acting,
                actie="attentie" if gebruik.pk in alerted else "update",
                instance=instance,
                main=gebruik,
                before=before.get(gebruik.pk),
                after=after.get(gebruik.pk),
                organisatie_id=gebruik.organisatie_id,
            )
            for gebruik, instance in zip(touched, instances, strict=True)
        ]
    )
    events.publish_many(
        kanalen.GEBRUIKEN,
        [(gebruik, "attentie", kenmerken) for gebruik in gebruiken]
        + [(gebruik, "update", None) for gebruik in closed_only],
    )
    return attenties


def window_end(day: datetime.date | None = None) -> datetime.date:
    return termijnen.add_months(day or today(), EINDE_ONDERSTEUNING_MAANDEN)


@transaction.atomic
def signaleer_einde_ondersteuning(*, acting, softwarepakketversie) -> list[Attentie]:
    """The version's end of support, when it lies within 12 months: alert its users that were
    not alerted for this date yet. Open alerts for another date of the version (moved, further
    away, or removed) are closed."""
    einde = softwarepakketversie.einde_ondersteuning
    superseded = Attentie.objects.filter(
        softwarepakketversie=softwarepakketversie,
        reden=AttentieReden.EINDE_ONDERSTEUNING,
        afgehandeld_op__isnull=True,
    )
    if einde is not None:
        superseded = superseded.exclude(einde_ondersteuning=einde)
    gebruiken = []
    if einde is not None and einde <= window_end():
        already = Attentie.objects.filter(
            gebruik=OuterRef("pk"),
            softwarepakketversie=softwarepakketversie,
            reden=AttentieReden.EINDE_ONDERSTEUNING,
            einde_ondersteuning=einde,
        )
        gebruiken = list(_users(softwarepakketversie.pk, already))
    return _alert(
        acting,
        gebruiken,
        lambda gebruik: Attentie(
            gebruik=gebruik,
            reden=AttentieReden.EINDE_ONDERSTEUNING,
            softwarepakketversie=softwarepakketversie,
            einde_ondersteuning=einde,
        ),
        {"attentie": AttentieReden.EINDE_ONDERSTEUNING},
        superseded=superseded,
    )


@transaction.atomic
def signaleer_kwetsbaarheid(*, acting, kwetsbaarheid) -> list[Attentie]:
    already = Attentie.objects.filter(gebruik=OuterRef("pk"), kwetsbaarheid=kwetsbaarheid)
    gebruiken = list(_users(kwetsbaarheid.softwarepakketversie_id, already))
    return _alert(
        acting,
        gebruiken,
        lambda gebruik: Attentie(
            gebruik=gebruik,
            reden=AttentieReden.KWETSBAARHEID,
            softwarepakketversie_id=kwetsbaarheid.softwarepakketversie_id,
            kwetsbaarheid=kwetsbaarheid,
        ),
        {"attentie": AttentieReden.KWETSBAARHEID, "kwetsbaarheid": url_of(kwetsbaarheid)},
    )


def versies_met_naderend_einde():
    """Versions whose end of support lies within the window now (the nightly job alerts the
    uses that entered it since the date was set, and uses registered later)."""
    return Softwarepakketversie.objects.filter(
        einde_ondersteuning__isnull=False, einde_ondersteuning__lte=window_end(), gebruiken__isnull=False
    ).distinct()


@transaction.atomic
def handel_af(*, acting, attentie: Attentie) -> Attentie:
    """The organisation has dealt with the alert (planned the upgrade, applied the fix)."""
    attentie = Attentie.objects.select_for_update().select_related("gebruik").get(pk=attentie.pk)
    check_may_manage(acting, attentie.gebruik.organisatie_id)
    if attentie.afgehandeld_op is not None:
        raise errors.Conflict("Deze attentie is al afgehandeld.", code="afgehandeld")
    before = represent_many(Gebruik, [attentie.gebruik_id]).get(attentie.gebruik_id)
    attentie.afgehandeld_op = timezone.now()
    attentie.save(update_fields=["afgehandeld_op"])
    record_audits(
        [
            audit_entry(
                acting=acting,
                actie="update",
                instance=attentie,
                main=attentie.gebruik,
                before=before,
                organisatie_id=attentie.gebruik.organisatie_id,
            )
        ]
    )
    events.publish(kanalen.GEBRUIKEN, attentie.gebruik, "update")
    return attentie


NIGHTLY_JOB = Acting.system("worker")


def signaleer_naderend_einde() -> int:
    """For the nightly job: each version within the window, in a transaction of its own."""
    made = 0
    for versie in versies_met_naderend_einde().iterator():
        made += len(signaleer_einde_ondersteuning(acting=NIGHTLY_JOB, softwarepakketversie=versie))
    return made
