"""Messages, deliveries and cancellation requests."""

from __future__ import annotations

from django.db import transaction

from softwarebroker.api.exceptions import APIProblem
from softwarebroker.catalogus import rules

from .. import statemachine
from ..constants import (
    AnnuleringStatus,
    BestellingStatus,
    RegelStatus,
)
from ..models import (
    Annuleringsverzoek,
    Bericht,
    Bestelling,
    Bestelregel,
    Levering,
)
from .common import Wijziger, _actor, _bericht, _publiceer, _vergrendeld, partijen
from .overgangen import _controleer_overgang, _overgang


@transaction.atomic
def plaats_bericht(wijziger: Wijziger, bestelling: Bestelling, *, inhoud: str, zichtbaarheid: str) -> Bericht:
    bestelling = _vergrendeld(bestelling)
    oud = wijziger.voor(bestelling)
    bericht = _bericht(wijziger, bestelling, inhoud, zichtbaarheid)
    bestelling.versie += 1
    bestelling.save(update_fields=["versie", "gewijzigd_op"])
    wijziger.leg_vast("create", bestelling, bericht, oud)
    _publiceer(bestelling, "create", bericht)
    return bericht


@transaction.atomic
def leveren(
    wijziger: Wijziger,
    bestelling: Bestelling,
    *,
    regel: Bestelregel,
    type: str,
    verwijzing: str = "",
    geheim: str = "",
):
    bestelling = _vergrendeld(bestelling)
    wie = partijen(wijziger.acting, bestelling)
    if not wie & statemachine.VERWERKERS:
        raise APIProblem(
            status=403, code="rol", detail="Alleen de leverancier van de bestelling (of de broker) levert."
        )
    if bestelling.status != BestellingStatus.IN_BEHANDELING:
        raise APIProblem(
            status=409,
            code="status",
            detail=f"Leveren kan alleen in behandeling (status: {bestelling.status}).",
        )
    if regel.bestelling_id != bestelling.pk:
        rules.raise_problems([("regel", "andere_bestelling", "Deze regel hoort niet bij deze bestelling.")])
    if Levering.objects.filter(regel=regel).exists():
        raise APIProblem(status=409, code="al_geleverd", detail=f"Regel {regel.volgnummer} is al geleverd.")
    oud = wijziger.voor(bestelling)
    levering = Levering.objects.create(
        bestelling=bestelling, regel=regel, type=type, verwijzing=verwijzing, geheim=geheim
    )
    bestelling.versie += 1
    bestelling.save(update_fields=["versie", "gewijzigd_op"])
    wijziger.leg_vast("create", bestelling, levering, oud)
    _publiceer(bestelling, "create", levering)
    return levering


@transaction.atomic
def vraag_annulering_aan(wijziger: Wijziger, bestelling: Bestelling, *, reden: str) -> Annuleringsverzoek:
    bestelling = _vergrendeld(bestelling)
    _controleer_overgang(
        wijziger, bestelling, BestellingStatus.ANNULERING_BEOORDELEN, statemachine.ANNULERINGSVERZOEK, reden
    )
    if not (reden or "").strip():
        rules.raise_problems([("reden", "required", "Geef de reden van de annulering.")])
    oud = wijziger.voor(bestelling)
    actor, _ = _actor(wijziger.acting)
    verzoek = Annuleringsverzoek.objects.create(bestelling=bestelling, reden=reden, aangevraagd_door=actor)
    bestelling.status_voor_annulering = bestelling.status
    _overgang(wijziger, bestelling, BestellingStatus.ANNULERING_BEOORDELEN, reden, oud)
    return verzoek


@transaction.atomic
def besluit_annulering(
    wijziger: Wijziger, verzoek: Annuleringsverzoek, *, status: str, toelichting: str = ""
) -> Annuleringsverzoek:
    bestelling = _vergrendeld(verzoek.bestelling)
    verzoek = Annuleringsverzoek.objects.select_for_update().get(pk=verzoek.pk)
    if (
        verzoek.status != AnnuleringStatus.ONTVANGEN
        or bestelling.status != BestellingStatus.ANNULERING_BEOORDELEN
    ):
        raise APIProblem(status=409, code="status", detail="Over dit annuleringsverzoek is al besloten.")
    if not partijen(wijziger.acting, bestelling) & statemachine.VERWERKERS:
        raise APIProblem(
            status=403, code="rol", detail="De leverancier (of de broker) besluit over annulering."
        )
    if status == AnnuleringStatus.AFGEWEZEN and not (toelichting or "").strip():
        rules.raise_problems([("toelichting", "required", "Een afwijzing vraagt om een toelichting.")])
    oud = wijziger.voor(bestelling)
    verzoek.status = status
    verzoek.toelichting = toelichting or ""
    verzoek.save()
    if status == AnnuleringStatus.UITGEVOERD:
        bestelling.regels.filter(status=RegelStatus.OPEN).update(status=RegelStatus.GEANNULEERD)
        naar = BestellingStatus.GEANNULEERD
    else:
        naar = bestelling.status_voor_annulering or BestellingStatus.IN_BEHANDELING
    bestelling.status_voor_annulering = ""
    _overgang(wijziger, bestelling, naar, toelichting, oud)
    return verzoek
