"""Licences and orders: requested at submission, active at delivery, changed by later lines;
the stored contract dates; notice periods and expiry.

A licence of an order line exists from the order's submission (status ``aangevraagd``): it goes
when the order returns to concept, ends (``beeindigd``) when the order ends without delivering
the line, and becomes ``actief`` when the line is delivered, with the offer's contract terms
copied (a later change of the offer leaves a running contract alone).
"""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils import timezone

from softwarebroker.audit.services import record_audit, snapshot
from softwarebroker.catalogus.constants import Indexering, Verlenging
from softwarebroker.core import events
from softwarebroker.federatie.models import PeerAanbieding

from .. import kanalen, termijnen
from ..constants import EINDSTATUSSEN, Actie, BestellingStatus, LicentieBron, LicentieStatus
from ..models import Bestelling, Bestelregel, Licentie

INTEGER_MAX = 2147483647
CENT = Decimal("0.01")


def _changed(acting, licentie: Licentie, actie: str, before: dict | None) -> None:
    record_audit(
        acting=acting, actie=actie, instance=licentie, before=before, organisatie_id=licentie.organisatie_id
    )
    events.publish(kanalen.LICENTIES, licentie, actie, acting=acting)


# --- the stored contract dates ----------------------------------------------------------------


def renewal_months(licentie: Licentie) -> int | None:
    """The months one renewal adds (its own term, else the original term); None: unknown."""
    return termijnen.verlengingstermijn(licentie.looptijd_maanden, licentie.verlengingstermijn_maanden)


def may_renew(licentie: Licentie) -> bool:
    """Has the contract a renewal left (an end date, a renewal term and the limit not reached)?"""
    if licentie.einddatum is None or not renewal_months(licentie):
        return False
    return licentie.max_verlengingen is None or licentie.aantal_verlengingen < licentie.max_verlengingen


def next_end_date(licentie: Licentie) -> datetime.date | None:
    """The end date after one more renewal; None when the contract cannot be renewed again."""
    if not may_renew(licentie):
        return None
    return termijnen.add_months(licentie.einddatum, renewal_months(licentie))


def latest_end_date(licentie: Licentie) -> datetime.date | None:
    """The latest end date the contract allows, renewals included (None: open). Never before
    the current end date (a renewal of an expired licence counts from the day it was made)."""
    latest = None
    if licentie.looptijd_maanden:
        latest = termijnen.uiterste_einddatum(
            licentie.ingangsdatum,
            licentie.looptijd_maanden,
            verlenging=Verlenging.HANDMATIG,  # "no renewals" is max_verlengingen 0 on a licence
            verlengingstermijn_maanden=licentie.verlengingstermijn_maanden,
            max_verlengingen=(
                None
                if licentie.max_verlengingen is None
                else max(licentie.max_verlengingen, licentie.aantal_verlengingen)
            ),
        )
    elif licentie.einddatum is not None and licentie.max_verlengingen == 0:
        latest = licentie.einddatum
    if latest is not None and licentie.einddatum is not None:
        latest = max(latest, licentie.einddatum)
    return latest


def store_dates(licentie: Licentie) -> list[str]:
    """Set the stored ``opzegdatum`` and ``uiterste_einddatum`` from the licence's own dates and
    terms (not saved); the names of the fields to save. Every change of ``einddatum``, the
    terms or ``aantal_verlengingen`` (a renewal) calls it."""
    licentie.opzegdatum = termijnen.opzegdatum(licentie.einddatum, licentie.opzegtermijn_dagen)
    licentie.uiterste_einddatum = latest_end_date(licentie)
    return ["opzegdatum", "uiterste_einddatum"]


# --- contract terms of an offer ---------------------------------------------------------------


def _whole(value) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= INTEGER_MAX:
        return None
    return value


def _percentage(value) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    if not number.is_finite() or not 0 <= number <= 100:
        return None
    return number.quantize(CENT, rounding=ROUND_HALF_UP)


def contract_terms(aanbieding) -> dict:
    """The contract terms of a local offer or, as far as its data has them, a peer's offer, as
    the licence's fields. An offer that does not renew gives ``max_verlengingen`` 0."""
    if isinstance(aanbieding, PeerAanbieding):
        gegevens = aanbieding.gegevens if isinstance(aanbieding.gegevens, dict) else {}
        indexering = gegevens.get("indexering") if isinstance(gegevens.get("indexering"), dict) else {}
        methode = indexering.get("methode")
        terms = {
            "looptijd_maanden": _whole(gegevens.get("looptijdMaanden")) or None,
            "opzegtermijn_dagen": _whole(gegevens.get("opzegtermijnDagen")) or 0,
            "verlengingstermijn_maanden": _whole(gegevens.get("verlengingstermijnMaanden")) or None,
            "max_verlengingen": _whole(gegevens.get("maxVerlengingen")),
            "indexering": methode if methode in Indexering.values else Indexering.GEEN,
            "indexering_percentage": _percentage(indexering.get("percentage")),
            "indexering_plafond": _percentage(indexering.get("plafondPercentage")),
        }
        verlenging = gegevens.get("verlenging")
    else:
        terms = {
            "looptijd_maanden": aanbieding.looptijd_maanden,
            "opzegtermijn_dagen": aanbieding.opzegtermijn_dagen,
            "verlengingstermijn_maanden": aanbieding.verlengingstermijn_maanden,
            "max_verlengingen": aanbieding.max_verlengingen,
            "indexering": aanbieding.indexering,
            "indexering_percentage": aanbieding.indexering_percentage,
            "indexering_plafond": aanbieding.indexering_plafond,
        }
        verlenging = aanbieding.verlenging
    if verlenging == Verlenging.GEEN:
        terms["max_verlengingen"] = 0
    terms["automatisch_verlengen"] = verlenging == Verlenging.AUTOMATISCH
    return terms


def _product_of(aanbieding) -> dict:
    """Supplier and package of an offer: references for a local one (a peer's are shown from
    its data)."""
    if isinstance(aanbieding, PeerAanbieding):
        return {}
    return {"leverancier_id": aanbieding.leverancier_id, "softwarepakket_id": aanbieding.softwarepakket_id}


# --- following an order -----------------------------------------------------------------------


def _requested(bestelling: Bestelling, regel: Bestelregel | None = None):
    """The order's licences still ``aangevraagd``, locked (a line's only, given ``regel``)."""
    regels = Bestelregel.objects.filter(pk=regel.pk) if regel else bestelling.regels.all()
    ids = Licentie.bronregels.through.objects.filter(bestelregel__in=regels).values("licentie_id")
    return Licentie.objects.select_for_update().filter(pk__in=ids, status=LicentieStatus.AANGEVRAAGD)


def _request(acting, bestelling: Bestelling, regels: list[Bestelregel] | None = None) -> None:
    """At submission: each new line gets its licence, ``aangevraagd`` until delivery
    (``regels``: all the order's lines, as the submission saved them, else read here)."""
    ingangsdatum = bestelling.gewenste_ingangsdatum or timezone.localdate()
    if regels is None:
        regels = bestelling.regels.select_related("aanbieding", "peer_aanbieding")
    for regel in regels:
        if regel.actie != Actie.NIEUW:
            continue
        licentie = Licentie.objects.create(
            # The organisation as an object: the notification's kenmerk reads it.
            organisatie=bestelling.besteller,
            bron=LicentieBron.BROKER,
            aanbieding=regel.aanbieding,
            peer_aanbieding=regel.peer_aanbieding,
            **_product_of(regel.bron_aanbieding),
            kostenplaats=bestelling.kostenplaats,
            aantal=regel.aantal or 0,
            bedrag_eenmalig_excl_btw=regel.bedrag_eenmalig_excl_btw,
            bedrag_per_jaar_excl_btw=regel.bedrag_per_jaar_excl_btw,
            ingangsdatum=ingangsdatum,
            status=LicentieStatus.AANGEVRAAGD,
        )
        licentie.bronregels.add(regel)
        _changed(acting, licentie, "create", None)


def _withdraw(acting, bestelling: Bestelling) -> None:
    """Back to concept: the requested licences go (the order may change before it returns)."""
    for licentie in _requested(bestelling):
        before = snapshot(licentie)
        events.publish(kanalen.LICENTIES, licentie, "destroy")
        organisatie_id = licentie.organisatie_id
        licentie.bronregels.clear()
        licentie.delete()
        record_audit(
            acting=acting, actie="destroy", instance=licentie, before=before, organisatie_id=organisatie_id
        )


def _end_requested(acting, bestelling: Bestelling) -> None:
    """The order ended without delivering these lines: their licences end before they began."""
    for licentie in _requested(bestelling):
        before = snapshot(licentie)
        licentie.status = LicentieStatus.BEEINDIGD
        licentie.save(update_fields=["status"])
        _changed(acting, licentie, "update", before)


def follow_order(acting, bestelling: Bestelling, naar: str, regels: list[Bestelregel] | None = None) -> None:
    """The order's licences after its transition to ``naar`` (in the transition's transaction;
    delivered lines were applied by :func:`apply_delivered_line` before). ``regels``: all the
    order's lines as the transition left them, if it read them."""
    if naar == BestellingStatus.TER_GOEDKEURING:
        _request(acting, bestelling, regels)
    elif naar == BestellingStatus.CONCEPT:
        _withdraw(acting, bestelling)
    elif naar in EINDSTATUSSEN:
        _end_requested(acting, bestelling)


def _activate(licentie: Licentie, bestelling: Bestelling, regel: Bestelregel, today: datetime.date) -> None:
    aanbieding = regel.bron_aanbieding
    terms = contract_terms(aanbieding)
    for name, value in terms.items():
        setattr(licentie, name, value)
    licentie.ingangsdatum = bestelling.gewenste_ingangsdatum or today
    licentie.einddatum = (
        termijnen.add_months(licentie.ingangsdatum, terms["looptijd_maanden"])
        if terms["looptijd_maanden"]
        else None
    )
    licentie.aantal = regel.aantal or 0
    licentie.bedrag_eenmalig_excl_btw = regel.bedrag_eenmalig_excl_btw
    licentie.bedrag_per_jaar_excl_btw = regel.bedrag_per_jaar_excl_btw
    licentie.contractnummer = licentie.contractnummer or bestelling.nummer
    licentie.kostenplaats = licentie.kostenplaats or bestelling.kostenplaats
    licentie.status = LicentieStatus.ACTIEF


def apply_delivered_line(acting, bestelling: Bestelling, regel: Bestelregel) -> Licentie:
    """A delivered line: a new line's licence becomes ``actief`` with the offer's terms; the
    other actions change the licence they name. The line joins the licence's ``bronregels``."""
    today = timezone.localdate()
    before = None
    if regel.actie == Actie.NIEUW:
        licentie = _requested(bestelling, regel).first()
        if licentie is None:  # submitted before licences were requested at submission
            licentie = Licentie(
                organisatie_id=bestelling.besteller_id,
                aanbieding=regel.aanbieding,
                peer_aanbieding=regel.peer_aanbieding,
                **_product_of(regel.bron_aanbieding),
            )
        else:
            before = snapshot(licentie)
        _activate(licentie, bestelling, regel, today)
    else:
        licentie = Licentie.objects.select_for_update().get(pk=regel.licentie_id)
        before = snapshot(licentie)
        if regel.actie == Actie.UITBREIDEN:
            licentie.aantal += regel.aantal
        elif regel.actie == Actie.VERMINDEREN:
            licentie.aantal = max(licentie.aantal - regel.aantal, 0)
        elif regel.actie == Actie.VERLENGEN:
            start = max(licentie.einddatum or today, today)
            months = renewal_months(licentie) or regel.bron_aanbieding.looptijd_maanden or 12
            licentie.einddatum = termijnen.add_months(start, months)
            licentie.aantal_verlengingen += 1
            licentie.status = LicentieStatus.ACTIEF
            licentie.opgezegd_op = None
        elif regel.actie == Actie.OPZEGGEN:
            licentie.status = LicentieStatus.OPGEZEGD
            licentie.opgezegd_op = timezone.now()
    store_dates(licentie)
    licentie.save()
    licentie.bronregels.add(regel)
    _changed(acting, licentie, "update" if before is not None else "create", before)
    return licentie
