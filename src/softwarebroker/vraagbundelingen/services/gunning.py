"""Closing, awarding and cancelling a round.

Closing (at the closing date by the periodic job, or earlier by the initiator or the broker):
deelnames not approved by then drop out; the pooled quantity of the approved ones decides the
tier; those whose ceiling is below that price drop out, and the price is computed again
without them until it is stable. Below ``minimumAantal`` (or with no one left) the round is
cancelled. The price per unit, the tier, the quantity and the pooled estimated value are fixed.

Awarding (the broker, or the supplier accepting): one order per approved deelname at the
pooled price. A pooled value above the tender threshold on an offer without a framework
agreement cannot be awarded through the broker: such a purchase has to be tendered
(``aanbestedingsplicht``). Under a framework the orders count against its maximum value.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from softwarebroker.api.resources import url_of
from softwarebroker.audit.services import snapshot
from softwarebroker.bestellingen import pricing
from softwarebroker.bestellingen import services as bestellingen
from softwarebroker.bestellingen.services.regels import volledige_looptijd_maanden
from softwarebroker.bestellingen.services.verklaringen import check_aanbieding as check_verklaringen
from softwarebroker.catalogus import selectors as catalogus_selectors
from softwarebroker.catalogus.models import Raamovereenkomst
from softwarebroker.core import errors

from .. import prijzen
from ..constants import DeelnameStatus, VraagbundelingStatus
from ..models import Deelname, DeelnameStatuswijziging, Vraagbundeling
from .common import actor, audit, is_initiatiefnemer, is_leverancier, lock, not_allowed, publish, round_status


def _looptijd(vraagbundeling: Vraagbundeling) -> int:
    return vraagbundeling.geschatte_looptijd_maanden or volledige_looptijd_maanden(vraagbundeling.aanbieding)


def geschatte_waarde(
    vraagbundeling: Vraagbundeling, geldig: list, deelnames: list, gebundeld: int
) -> Decimal:
    """The pooled estimated value: every participant's one-time costs plus its recurring costs
    over the (estimated) full term, at the pooled tier, excl. VAT."""
    totaal = Decimal("0.00")
    for deelname in deelnames:
        prijs = prijzen.regelprijs(geldig, vraagbundeling.aanbieding, deelname.aantal, gebundeld, url_of)
        totaal += pricing.compute_afroepwaarde(prijs.eenmalig, prijs.per_jaar, _looptijd(vraagbundeling))
    return totaal


def _drop(acting, deelnames: list[Deelname], toelichting: str) -> None:
    name, weergave = actor(acting)
    DeelnameStatuswijziging.objects.bulk_create(
        [
            DeelnameStatuswijziging(
                deelname=deelname,
                van_status=deelname.status,
                naar_status=DeelnameStatus.AFGEHAAKT,
                toelichting=toelichting,
                actor=name,
                actor_weergave=weergave,
            )
            for deelname in deelnames
        ]
    )
    Deelname.objects.filter(pk__in=[deelname.pk for deelname in deelnames]).update(
        status=DeelnameStatus.AFGEHAAKT
    )
    for deelname in deelnames:
        deelname.status = DeelnameStatus.AFGEHAAKT


def _close(acting, vraagbundeling: Vraagbundeling, toelichting: str):
    day = timezone.localdate()
    actief = list(
        Deelname.objects.filter(
            vraagbundeling=vraagbundeling, status__in=[DeelnameStatus.AANGEMELD, DeelnameStatus.GOEDGEKEURD]
        ).order_by("pk")
    )
    niet_goedgekeurd = [deelname for deelname in actief if deelname.status == DeelnameStatus.AANGEMELD]
    _drop(acting, niet_goedgekeurd, "Niet goedgekeurd toen de vraagbundeling sloot.")
    geldig = prijzen.valid_prijzen(vraagbundeling.aanbieding, day)
    blijven, te_duur, prijs = prijzen.stabiele_deelnames(
        [deelname for deelname in actief if deelname.status == DeelnameStatus.GOEDGEKEURD],
        lambda aantal: prijzen.rondeprijs(geldig, vraagbundeling.aanbieding, aantal),
    )
    if prijs.eenheidsprijs is not None:
        _drop(
            acting,
            te_duur,
            f"De eenheidsprijs bij sluiting ({prijs.eenheidsprijs:.2f}) ligt boven het maximum.",
        )
    gebundeld = sum(deelname.aantal for deelname in blijven)
    vraagbundeling.gebundeld_aantal = gebundeld
    vraagbundeling.eenheidsprijs = prijs.eenheidsprijs
    vraagbundeling.bereikte_staffel = prijs.staffel
    vraagbundeling.prijsdatum = day
    vraagbundeling.geschatte_waarde = geschatte_waarde(vraagbundeling, geldig, blijven, gebundeld)
    vraagbundeling.gesloten_op = timezone.now()
    minimum = vraagbundeling.minimum_aantal or 1
    if gebundeld < minimum or prijs.eenheidsprijs is None:
        reden = (
            f"Gebundeld aantal {gebundeld} ligt onder het minimum ({minimum})."
            if prijs.eenheidsprijs is not None
            else "De aanbieding heeft geen prijs per eenheid meer."
        )
        return round_status(
            acting,
            vraagbundeling,
            VraagbundelingStatus.GEANNULEERD,
            " ".join(filter(None, [toelichting, reden])),
        )
    return round_status(acting, vraagbundeling, VraagbundelingStatus.GESLOTEN, toelichting)


def _check_within_raamovereenkomst(vraagbundeling: Vraagbundeling, waarde: Decimal) -> None:
    """Under the framework's row lock, as an order's submission: the orders of the award fit in
    what is left of its maximum value."""
    raamovereenkomst = Raamovereenkomst.objects.select_for_update().get(
        pk=vraagbundeling.aanbieding.raamovereenkomst_id
    )
    if raamovereenkomst.maximale_waarde is None:
        return
    afgeroepen = (
        Raamovereenkomst.objects.filter(pk=raamovereenkomst.pk)
        .annotate(afgeroepen=catalogus_selectors.afgeroepen_waarde())
        .values_list("afgeroepen", flat=True)
        .get()
    )
    resterend = raamovereenkomst.maximale_waarde - afgeroepen
    if waarde > resterend:
        raise errors.Conflict(
            f"De bestellingen van deze vraagbundeling passen niet meer binnen de maximale waarde van "
            f"raamovereenkomst {raamovereenkomst.kenmerk}: hun afroepwaarde is {waarde:.2f}, er resteert "
            f"{max(resterend, Decimal('0.00')):.2f}.",
            code="maximale_waarde",
        )


def _award(acting, vraagbundeling: Vraagbundeling, toelichting: str):
    aanbieding = vraagbundeling.aanbieding
    waarde = vraagbundeling.geschatte_waarde or Decimal("0.00")
    drempel = Decimal(str(settings.AANBESTEDINGSDREMPEL))
    if aanbieding.raamovereenkomst_id is None and waarde > drempel:
        raise errors.Conflict(
            f"De geschatte waarde van deze vraagbundeling ({waarde:.2f} excl. btw, over de volledige "
            f"looptijd) ligt boven de aanbestedingsdrempel ({drempel:.2f}) en de aanbieding valt niet onder "
            "een raamovereenkomst: deze inkoop moet worden aanbesteed.",
            code="aanbestedingsplicht",
        )
    # The offer's declarations may have expired since the participants joined.
    verklaringen = check_verklaringen(
        aanbieding, timezone.localdate(), "vraagbundeling", "Gunnen van deze vraagbundeling"
    )
    deelnames = list(
        Deelname.objects.filter(vraagbundeling=vraagbundeling, status=DeelnameStatus.GOEDGEKEURD)
        .select_related("organisatie")
        .order_by("pk")
    )
    geldig = prijzen.valid_prijzen(aanbieding, vraagbundeling.prijsdatum)
    gebundeld = vraagbundeling.gebundeld_aantal or 0
    specs = [
        bestellingen.GegundeBestelling(
            besteller=deelname.organisatie,
            aanvrager=deelname.aanvrager,
            aanvrager_weergave=deelname.aanvrager_weergave,
            beoordelaar=deelname.beoordelaar,
            beoordelaar_weergave=deelname.beoordelaar_weergave,
            kostenplaats=deelname.kostenplaats,
            aantal=deelname.aantal,
            bestelparameters=deelname.bestelparameters,
            prijs=prijzen.regelprijs(geldig, aanbieding, deelname.aantal, gebundeld, url_of),
        )
        for deelname in deelnames
    ]
    if aanbieding.raamovereenkomst_id is not None:
        maanden = volledige_looptijd_maanden(aanbieding)
        _check_within_raamovereenkomst(
            vraagbundeling,
            sum(
                (
                    pricing.compute_afroepwaarde(spec.prijs.eenmalig, spec.prijs.per_jaar, maanden)
                    for spec in specs
                ),
                Decimal("0.00"),
            ),
        )
    made = bestellingen.create_gegunde_bestellingen(
        acting=acting,
        aanbieding=aanbieding,
        specs=specs,
        prijsdatum=vraagbundeling.prijsdatum,
        toelichting=f"Gegund in vraagbundeling '{vraagbundeling.naam}'.",
        verklaringen_momentopname=verklaringen,
    )
    name, weergave = actor(acting)
    DeelnameStatuswijziging.objects.bulk_create(
        [
            DeelnameStatuswijziging(
                deelname=deelname,
                van_status=deelname.status,
                naar_status=DeelnameStatus.BESTELD,
                toelichting=f"Bestelling {bestelling.nummer}.",
                actor=name,
                actor_weergave=weergave,
            )
            for deelname, bestelling in zip(deelnames, made, strict=True)
        ]
    )
    for deelname, bestelling in zip(deelnames, made, strict=True):
        deelname.bestelling = bestelling
        deelname.status = DeelnameStatus.BESTELD
        deelname.versie += 1
    Deelname.objects.bulk_update(deelnames, ["bestelling", "status", "versie"])
    vraagbundeling.gegund_op = timezone.now()
    return round_status(acting, vraagbundeling, VraagbundelingStatus.GEGUND, toelichting)


OVERGANGEN = {
    # naar: (from, who may)
    VraagbundelingStatus.GESLOTEN: ({VraagbundelingStatus.OPEN}, "initiatiefnemer of broker"),
    VraagbundelingStatus.GEGUND: ({VraagbundelingStatus.GESLOTEN}, "leverancier van de aanbieding of broker"),
    VraagbundelingStatus.GEANNULEERD: (
        {VraagbundelingStatus.OPEN, VraagbundelingStatus.GESLOTEN},
        "initiatiefnemer of broker",
    ),
}


def _may(acting, vraagbundeling: Vraagbundeling, naar: str) -> bool:
    if acting.is_broker:
        return True
    if naar == VraagbundelingStatus.GEGUND:
        return is_leverancier(acting, vraagbundeling)
    return is_initiatiefnemer(acting, vraagbundeling)


@transaction.atomic
def change_vraagbundeling_status(*, acting, vraagbundeling: Vraagbundeling, naar: str, toelichting: str = ""):
    """``gesloten`` (close now), ``gegund`` (award) or ``geannuleerd`` (cancel). Under the
    round's row lock: of two at the same time one wins, the other finds the new status (409)."""
    if naar not in OVERGANGEN:
        errors.raise_if_any(
            [
                (
                    "naarStatus",
                    "invalid_choice",
                    "Een vraagbundeling wordt hier 'gesloten', 'gegund' of 'geannuleerd'.",
                )
            ]
        )
    vraagbundeling = lock(vraagbundeling)
    van, wie = OVERGANGEN[naar]
    if not _may(acting, vraagbundeling, naar):
        raise not_allowed(f"Naar '{naar}' is voorbehouden aan: {wie}.")
    if vraagbundeling.status not in van:
        raise errors.Conflict(
            f"Van '{vraagbundeling.status}' naar '{naar}' kan niet; dat kan vanuit: "
            f"{', '.join(sorted(van))}.",
            code="status_overgang",
        )
    before = snapshot(vraagbundeling)
    if naar == VraagbundelingStatus.GESLOTEN:
        wijziging = _close(acting, vraagbundeling, toelichting)
    elif naar == VraagbundelingStatus.GEGUND:
        wijziging = _award(acting, vraagbundeling, toelichting)
    else:
        wijziging = round_status(acting, vraagbundeling, VraagbundelingStatus.GEANNULEERD, toelichting)
    vraagbundeling.save()
    audit(acting, "create", vraagbundeling, wijziging, before)
    publish(wijziging, "status")
    return wijziging


def sluit_vraagbundelingen(day=None) -> int:
    """The periodic job: closes every open round whose closing date has come, each in its own
    transaction (one that cannot be closed does not hold back the others). Returns how many."""
    from softwarebroker.autorisaties.context import Acting

    acting = Acting.system("vraagbundelingen", label="Sluiten op de sluitingsdatum")
    day = day or timezone.localdate()
    gesloten = 0
    for vraagbundeling in Vraagbundeling.objects.filter(
        status=VraagbundelingStatus.OPEN, sluitingsdatum__lte=day
    ).order_by("sluitingsdatum", "pk"):
        try:
            change_vraagbundeling_status(
                acting=acting,
                vraagbundeling=vraagbundeling,
                naar=VraagbundelingStatus.GESLOTEN,
                toelichting="Sluitingsdatum bereikt.",
            )
        except errors.Conflict:  # closed or cancelled meanwhile
            continue
        gesloten += 1
    return gesloten
