"""Orders made by the award of a joint purchase round: one per approved participant, already
approved (the participant's budget holder approved its deelname), at the pooled price.

Made in bulk, since a round may have hundreds of participants: each order is what the usual
flow would have made by submission and approval (a line with its frozen price, the status
history, the approval, a requested licence), with one audit entry and one notification per
order and per licence. From here the usual flow continues per organisation.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from softwarebroker.api.resources import represent_many
from softwarebroker.audit.services import audit_entry, record_audits
from softwarebroker.core import events

from .. import kanalen, pricing
from ..constants import Actie, Besluit, BestellingStatus, LicentieBron, LicentieStatus
from ..models import Beoordeling, Bestelling, Bestelregel, Licentie, Statuswijziging
from .common import _actor
from .licenties import _product_of
from .nummers import next_nummers
from .regels import volledige_looptijd_maanden


@dataclass(frozen=True)
class GegundeBestelling:
    """What one order of an awarded round is made of."""

    besteller: object
    aanvrager: str
    aanvrager_weergave: str
    beoordelaar: str
    beoordelaar_weergave: str
    kostenplaats: str
    aantal: int
    bestelparameters: dict
    prijs: pricing.Regelprijs


def create_gegunde_bestellingen(
    *,
    acting,
    aanbieding,
    specs: list[GegundeBestelling],
    prijsdatum: datetime.date,
    toelichting: str,
    verklaringen_momentopname: list[dict] | None = None,
) -> list[Bestelling]:
    """The orders of an awarded round (in the caller's transaction), status ``ingediend``:
    sent to the supplier, counting against a framework's maximum from now; each line freezes
    the offer's declarations checked at the award (``verklaringen_momentopname``). The order's
    supplier and organisation are set as objects, so the notifications' kenmerken read no row
    per order."""
    if not specs:
        return []
    now = timezone.now()
    actor, actor_weergave = _actor(acting)
    maanden = volledige_looptijd_maanden(aanbieding)
    bestellingen = Bestelling.objects.bulk_create(
        [
            Bestelling(
                nummer=nummer,
                besteller=spec.besteller,
                aanvrager=spec.aanvrager,
                aanvrager_weergave=spec.aanvrager_weergave,
                kostenplaats=spec.kostenplaats,
                leverancier=aanbieding.leverancier,
                raamovereenkomst_id=aanbieding.raamovereenkomst_id,
                status=BestellingStatus.INGEDIEND,
                totaal_eenmalig_excl_btw=spec.prijs.eenmalig,
                totaal_per_jaar_excl_btw=spec.prijs.per_jaar,
                totaal_btw=spec.prijs.btw,
                afroepwaarde_excl_btw=pricing.compute_afroepwaarde(
                    spec.prijs.eenmalig, spec.prijs.per_jaar, maanden
                ),
                ingediend_op=now,
                verzonden_op=now,
            )
            for nummer, spec in zip(next_nummers(timezone.localdate().year, len(specs)), specs, strict=True)
        ]
    )
    regels = Bestelregel.objects.bulk_create(
        [
            Bestelregel(
                bestelling=bestelling,
                volgnummer=1,
                aanbieding=aanbieding,
                aantal=spec.aantal,
                actie=Actie.NIEUW,
                bestelparameters=spec.bestelparameters,
                prijs_momentopname=spec.prijs.momentopname(prijsdatum),
                verklaringen_momentopname=verklaringen_momentopname,
                bedrag_eenmalig_excl_btw=spec.prijs.eenmalig,
                bedrag_per_jaar_excl_btw=spec.prijs.per_jaar,
                btw=spec.prijs.btw,
            )
            for bestelling, spec in zip(bestellingen, specs, strict=True)
        ]
    )
    Statuswijziging.objects.bulk_create(
        [
            Statuswijziging(
                bestelling=bestelling,
                van_status=BestellingStatus.CONCEPT,
                naar_status=BestellingStatus.INGEDIEND,
                toelichting=toelichting,
                actor=actor,
                actor_weergave=actor_weergave,
                applicatie=acting.client_id[:100],
            )
            for bestelling in bestellingen
        ]
    )
    Beoordeling.objects.bulk_create(
        [
            Beoordeling(
                bestelling=bestelling,
                besluit=Besluit.GOEDGEKEURD,
                toelichting=toelichting,
                beoordelaar=spec.beoordelaar,
                beoordelaar_weergave=spec.beoordelaar_weergave,
            )
            for bestelling, spec in zip(bestellingen, specs, strict=True)
        ]
    )
    licenties = Licentie.objects.bulk_create(
        [
            Licentie(
                organisatie=bestelling.besteller,
                bron=LicentieBron.BROKER,
                aanbieding=aanbieding,
                **_product_of(aanbieding),
                kostenplaats=bestelling.kostenplaats,
                aantal=regel.aantal,
                bedrag_eenmalig_excl_btw=regel.bedrag_eenmalig_excl_btw,
                bedrag_per_jaar_excl_btw=regel.bedrag_per_jaar_excl_btw,
                ingangsdatum=timezone.localdate(),
                status=LicentieStatus.AANGEVRAAGD,
            )
            for bestelling, regel in zip(bestellingen, regels, strict=True)
        ]
    )
    Licentie.bronregels.through.objects.bulk_create(
        [
            Licentie.bronregels.through(licentie_id=licentie.pk, bestelregel_id=regel.pk)
            for licentie, regel in zip(licenties, regels, strict=True)
        ]
    )
    _record(acting, bestellingen, licenties)
    return bestellingen


def _record(acting, bestellingen: list[Bestelling], licenties: list[Licentie]) -> None:
    """One audit entry and one notification per order and per licence."""
    shown = represent_many(Bestelling, [bestelling.pk for bestelling in bestellingen])
    shown_licenties = represent_many(Licentie, [licentie.pk for licentie in licenties])
    record_audits(
        [
            audit_entry(
                acting=acting,
                actie="create",
                instance=bestelling,
                before=None,
                after=shown.get(bestelling.pk),
                organisatie_id=bestelling.besteller_id,
                leverancier_id=bestelling.leverancier_id,
            )
            for bestelling in bestellingen
        ]
        + [
            audit_entry(
                acting=acting,
                actie="create",
                instance=licentie,
                before=None,
                after=shown_licenties.get(licentie.pk),
                organisatie_id=licentie.organisatie_id,
            )
            for licentie in licenties
        ]
    )
    events.publish_many(kanalen.BESTELLINGEN, [(bestelling, "create", None) for bestelling in bestellingen])
    events.publish_many(kanalen.LICENTIES, [(licentie, "create", None) for licentie in licenties])
