"""Opening a round and changing what its initiator may change while it is open."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from softwarebroker.audit.services import snapshot
from softwarebroker.catalogus.constants import PublicatieStatus, RaamovereenkomstStatus
from softwarebroker.core import errors

from .. import prijzen
from ..constants import VraagbundelingStatus
from ..models import Vraagbundeling, VraagbundelingStatuswijziging
from .common import actor, audit, check_version, is_initiatiefnemer, lock, not_allowed, publish

WIJZIGBAAR = ("naam", "toelichting", "sluitingsdatum", "minimum_aantal", "geschatte_looptijd_maanden")


def aanbieding_problems(aanbieding, initiatiefnemer, sluitingsdatum: datetime.date | None, path="aanbieding"):
    """Every reason the offer cannot be bundled: it must be published, valid on the closing
    date, have a price per unit then, and (under a framework) be the initiator's framework."""
    problems = []
    if aanbieding.status != PublicatieStatus.GEPUBLICEERD:
        problems.append((path, "niet_gepubliceerd", "Deze aanbieding is niet gepubliceerd."))
    if sluitingsdatum is not None:
        if not (
            aanbieding.geldig_vanaf <= sluitingsdatum
            and (aanbieding.geldig_tot is None or aanbieding.geldig_tot > sluitingsdatum)
        ):
            problems.append(
                (path, "niet_geldig", f"Deze aanbieding geldt niet op de sluitingsdatum ({sluitingsdatum}).")
            )
        elif prijzen.leidende_prijs(prijzen.valid_prijzen(aanbieding, sluitingsdatum), aanbieding) is None:
            problems.append(
                (
                    path,
                    "geen_eenheidsprijs",
                    "Deze aanbieding heeft op de sluitingsdatum geen prijs per eenheid; alleen die "
                    "wordt gebundeld.",
                )
            )
    raamovereenkomst = aanbieding.raamovereenkomst
    if raamovereenkomst is not None:
        if (
            initiatiefnemer is not None
            and not raamovereenkomst.deelnemers.filter(pk=initiatiefnemer.pk).exists()
        ):
            problems.append(
                (
                    path,
                    "geen_deelnemer",
                    f"Alleen deelnemers van raamovereenkomst {raamovereenkomst.kenmerk} bundelen "
                    "deze aanbieding.",
                )
            )
        if raamovereenkomst.status != RaamovereenkomstStatus.ACTIEF:
            problems.append(
                (path, "raamovereenkomst", f"Raamovereenkomst {raamovereenkomst.kenmerk} is niet van kracht.")
            )
    return problems


def _sluitingsdatum_problems(sluitingsdatum) -> list:
    if sluitingsdatum is not None and sluitingsdatum <= timezone.localdate():
        return [("sluitingsdatum", "in_het_verleden", "De sluitingsdatum ligt na vandaag.")]
    return []


@transaction.atomic
def open_vraagbundeling(
    *,
    acting,
    aanbieding,
    initiatiefnemer,
    naam: str,
    sluitingsdatum: datetime.date,
    toelichting: str = "",
    minimum_aantal: int | None = None,
    geschatte_looptijd_maanden: int | None = None,
) -> Vraagbundeling:
    """A new round (``open``) on a published offer, by an afnemer for its own organisation or by
    the broker for any."""
    if not acting.is_broker and not (
        initiatiefnemer is not None
        and acting.organisatie is not None
        and acting.organisatie.pk == initiatiefnemer.pk
        and "afnemer" in acting.roles
    ):
        raise not_allowed(
            "Een afnemer opent een vraagbundeling voor de eigen organisatie; de broker voor elke."
        )
    errors.raise_if_any(
        aanbieding_problems(aanbieding, initiatiefnemer, sluitingsdatum)
        + _sluitingsdatum_problems(sluitingsdatum)
    )
    vraagbundeling = Vraagbundeling.objects.create(
        aanbieding=aanbieding,
        initiatiefnemer=initiatiefnemer,
        naam=naam,
        toelichting=toelichting or "",
        sluitingsdatum=sluitingsdatum,
        minimum_aantal=minimum_aantal,
        geschatte_looptijd_maanden=geschatte_looptijd_maanden,
    )
    name, weergave = actor(acting)
    VraagbundelingStatuswijziging.objects.create(
        vraagbundeling=vraagbundeling,
        naar_status=VraagbundelingStatus.OPEN,
        actor=name,
        actor_weergave=weergave,
    )
    audit(acting, "create", vraagbundeling, vraagbundeling, None)
    publish(vraagbundeling, "create")
    return vraagbundeling


@transaction.atomic
def update_vraagbundeling(
    *, acting, vraagbundeling: Vraagbundeling, expected_version: int | None = None, **changes
):
    """The initiator (or the broker) changes the round's own fields while it is open."""
    vraagbundeling = lock(vraagbundeling)
    if not (acting.is_broker or is_initiatiefnemer(acting, vraagbundeling)):
        raise not_allowed("Alleen de initiatiefnemer of de broker wijzigt een vraagbundeling.")
    check_version(vraagbundeling, expected_version, "vraagbundeling")
    if vraagbundeling.status != VraagbundelingStatus.OPEN:
        raise errors.Conflict(
            f"Een vraagbundeling met status '{vraagbundeling.status}' wijzigt niet meer.", code="niet_open"
        )
    unknown = set(changes) - set(WIJZIGBAAR)
    if unknown:
        raise TypeError(f"Not changeable: {', '.join(sorted(unknown))}")
    problems = _sluitingsdatum_problems(changes.get("sluitingsdatum"))
    if "sluitingsdatum" in changes:
        problems += aanbieding_problems(vraagbundeling.aanbieding, None, changes["sluitingsdatum"])
    errors.raise_if_any(problems)
    before = snapshot(vraagbundeling)
    for name, value in changes.items():
        setattr(vraagbundeling, name, "" if value is None and name in ("toelichting",) else value)
    vraagbundeling.versie += 1
    vraagbundeling.save()
    audit(acting, "partial_update", vraagbundeling, vraagbundeling, before)
    publish(vraagbundeling, "partial_update")
    return vraagbundeling
