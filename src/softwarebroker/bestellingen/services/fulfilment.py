"""Messages, deliveries and cancellation requests."""

from __future__ import annotations

from django.db import transaction

from softwarebroker.api.resources import url_of
from softwarebroker.audit.services import record_audit, snapshot
from softwarebroker.core import errors

from .. import statemachine
from ..constants import (
    AnnuleringStatus,
    BestellingStatus,
    RegelStatus,
    Zichtbaarheid,
)
from ..models import (
    Annuleringsverzoek,
    Bericht,
    Bestelling,
    Bestelregel,
    Levering,
)
from .common import _actor, _add_bericht, _audit, _publish, lock, partijen
from .transitions import _check_transition, _transition


@transaction.atomic
def create_bericht(*, acting, bestelling: Bestelling, inhoud: str, zichtbaarheid: str) -> Bericht:
    bestelling = lock(bestelling)
    before = snapshot(bestelling)
    bericht = _add_bericht(acting, bestelling, inhoud, zichtbaarheid)
    bestelling.versie += 1
    bestelling.save(update_fields=["versie", "gewijzigd_op"])
    # An internal message's entry is for its author's side only (the header toelichting too).
    side = bericht.auteur_rol if zichtbaarheid == Zichtbaarheid.INTERN else ""
    _audit(acting, "create", bestelling, bericht, before, side=side)
    _publish(bestelling, "create", bericht)
    return bericht


@transaction.atomic
def create_levering(
    *,
    acting,
    bestelling: Bestelling,
    regel: Bestelregel,
    type: str,
    verwijzing: str = "",
    geheim: str = "",
):
    bestelling = lock(bestelling)
    parties = partijen(acting, bestelling)
    if not parties & statemachine.VERWERKERS:
        raise errors.NotAllowed("Alleen de leverancier van de bestelling (of de broker) levert.", code="rol")
    if bestelling.status != BestellingStatus.IN_BEHANDELING:
        raise errors.Conflict(
            f"Leveren kan alleen in behandeling (status: {bestelling.status}).", code="status"
        )
    if regel.bestelling_id != bestelling.pk:
        errors.raise_if_any([("regel", "andere_bestelling", "Deze regel hoort niet bij deze bestelling.")])
    if Levering.objects.filter(regel=regel).exists():
        raise errors.Conflict(f"Regel {regel.volgnummer} is al geleverd.", code="al_geleverd")
    before = snapshot(bestelling)
    levering = Levering.objects.create(
        bestelling=bestelling, regel=regel, type=type, verwijzing=verwijzing, geheim=geheim
    )
    bestelling.versie += 1
    bestelling.save(update_fields=["versie", "gewijzigd_op"])
    _audit(acting, "create", bestelling, levering, before)
    _publish(bestelling, "create", levering)
    return levering


@transaction.atomic
def create_annuleringsverzoek(*, acting, bestelling: Bestelling, reden: str) -> Annuleringsverzoek:
    bestelling = lock(bestelling)
    _check_transition(
        acting, bestelling, BestellingStatus.ANNULERING_BEOORDELEN, statemachine.ANNULERINGSVERZOEK, reden
    )
    if not (reden or "").strip():
        errors.raise_if_any([("reden", "required", "Geef de reden van de annulering.")])
    before = snapshot(bestelling)
    actor, _ = _actor(acting)
    verzoek = Annuleringsverzoek.objects.create(bestelling=bestelling, reden=reden, aangevraagd_door=actor)
    bestelling.status_voor_annulering = bestelling.status
    _transition(acting, bestelling, BestellingStatus.ANNULERING_BEOORDELEN, reden, before)
    return verzoek


@transaction.atomic
def decide_annuleringsverzoek(
    *, acting, annuleringsverzoek: Annuleringsverzoek, status: str, toelichting: str = ""
) -> Annuleringsverzoek:
    bestelling = lock(annuleringsverzoek.bestelling)
    verzoek = Annuleringsverzoek.objects.select_for_update().get(pk=annuleringsverzoek.pk)
    if (
        verzoek.status != AnnuleringStatus.ONTVANGEN
        or bestelling.status != BestellingStatus.ANNULERING_BEOORDELEN
    ):
        raise errors.Conflict("Over dit annuleringsverzoek is al besloten.", code="status")
    if not partijen(acting, bestelling) & statemachine.VERWERKERS:
        raise errors.NotAllowed("De leverancier (of de broker) besluit over annulering.", code="rol")
    if status == AnnuleringStatus.AFGEWEZEN and not (toelichting or "").strip():
        errors.raise_if_any([("toelichting", "required", "Een afwijzing vraagt om een toelichting.")])
    before = snapshot(bestelling)
    verzoek.status = status
    verzoek.toelichting = toelichting or ""
    verzoek.save()
    if status == AnnuleringStatus.UITGEVOERD:
        bestelling.regels.filter(status=RegelStatus.OPEN).update(status=RegelStatus.GEANNULEERD)
        naar = BestellingStatus.GEANNULEERD
    else:
        naar = bestelling.status_voor_annulering or BestellingStatus.IN_BEHANDELING
    bestelling.status_voor_annulering = ""
    _transition(acting, bestelling, naar, toelichting, before)
    return verzoek


@transaction.atomic
def read_levering_geheim(*, acting, levering: Levering) -> str:
    """The delivery's secret, for the ordering organisation only; every read is audited."""
    bestelling = levering.bestelling
    if not (acting.organisatie is not None and acting.organisatie.pk == bestelling.besteller_id):
        raise errors.NotAllowed(
            "Alleen de bestellende organisatie leest het geheim van een levering.", code="autorisatie"
        )
    record_audit(
        acting=acting,
        actie="retrieve",
        instance=levering,
        main=bestelling,
        before=None,
        after=None,
        resource="levering.geheim",
        resource_url=f"{url_of(levering)}/geheim",
        resource_weergave=f"Geheim van levering {levering.uuid} gelezen",
        organisatie_id=bestelling.besteller_id,
        leverancier_id=bestelling.leverancier_id,
    )
    return levering.geheim
