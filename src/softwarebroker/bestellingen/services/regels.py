"""Order lines: every problem of a line, quantities and prices."""

from __future__ import annotations

import datetime

from softwarebroker.api import resources
from softwarebroker.catalogus.constants import Licentiemodel, PublicatieStatus, RaamovereenkomstStatus
from softwarebroker.catalogus.models import Aanbieding, Prijs
from softwarebroker.catalogus.selectors import valid_on
from softwarebroker.core import json_limits
from softwarebroker.core.json_schema_problems import json_schema_problems
from softwarebroker.federatie.models import PeerAanbieding
from softwarebroker.federatie.prijzen import PeerPrijs

from .. import pricing, termijnen
from ..constants import (
    Actie,
    LicentieStatus,
)
from ..models import (
    Bestelling,
    Bestelregel,
)

# --- lines ----------------------------------------------------------------------------------


def _valid_prijzen(aanbieding, day: datetime.date) -> list:
    if isinstance(aanbieding, PeerAanbieding):
        return aanbieding.prijzen_valid_on(day)
    return list(Prijs.objects.filter(valid_on(day), aanbieding=aanbieding))


def leverancier_of(aanbieding) -> tuple:
    """Who supplies an offer: a supplier of this catalogue or one named by a peer (its URL)."""
    if isinstance(aanbieding, PeerAanbieding):
        return ("peer", aanbieding.leverancier_url)
    return ("lokaal", aanbieding.leverancier_id)


def softwarepakket_of(aanbieding) -> tuple:
    if isinstance(aanbieding, PeerAanbieding):
        return ("peer", aanbieding.softwarepakket_url)
    return ("lokaal", aanbieding.softwarepakket_id)


def volledige_looptijd_maanden(aanbieding) -> int:
    """The months an offer's contract can run, renewals included (48 when open): what its
    recurring costs count for in the call-off value. A peer's offer gives its terms in its
    representation (an older peer without them: renewals without limit)."""
    if isinstance(aanbieding, PeerAanbieding):
        gegevens = aanbieding.gegevens
        verlengingstermijn, max_verlengingen = (
            gegevens.get("verlengingstermijnMaanden"),
            gegevens.get("maxVerlengingen"),
        )
    else:
        verlengingstermijn = aanbieding.verlengingstermijn_maanden
        max_verlengingen = aanbieding.max_verlengingen
    return termijnen.maanden_volledige_looptijd(
        aanbieding.looptijd_maanden,
        verlenging=aanbieding.verlenging,
        verlengingstermijn_maanden=verlengingstermijn,
        max_verlengingen=max_verlengingen,
    )


def _softwarepakket_of_licentie(licentie) -> tuple:
    """The package of a licence: its offer's, or (an external licence) its own."""
    if licentie.bron_aanbieding is not None:
        return softwarepakket_of(licentie.bron_aanbieding)
    return ("lokaal", licentie.softwarepakket_id)


def regel_problems(besteller, regel: dict, day: datetime.date, path: str) -> list[tuple[str, str, str]]:
    """Every problem of one line (``path`` is its place in the request, ``regels.0``)."""
    problems = []
    aanbieding: Aanbieding | PeerAanbieding | None = regel.get("aanbieding")
    if aanbieding is None:
        return [(f"{path}.aanbieding", "required", "Geef de aanbieding.")]
    if isinstance(aanbieding, PeerAanbieding) and aanbieding.raamovereenkomst_url:
        # Participation and the maximum value are kept by the instance that holds the framework.
        problems.append(
            (
                f"{path}.aanbieding",
                "raamovereenkomst_peer",
                "Deze aanbieding valt onder een raamovereenkomst van een andere instantie; bestel haar daar.",
            )
        )
    if aanbieding.status != PublicatieStatus.GEPUBLICEERD:
        problems.append((f"{path}.aanbieding", "niet_gepubliceerd", "Deze aanbieding is niet gepubliceerd."))
    if not (
        aanbieding.geldig_vanaf <= day and (aanbieding.geldig_tot is None or aanbieding.geldig_tot > day)
    ):
        problems.append(
            (f"{path}.aanbieding", "niet_geldig", f"Deze aanbieding geldt niet op {day.isoformat()}.")
        )
    raamovereenkomst = aanbieding.raamovereenkomst
    if raamovereenkomst is not None:
        if besteller is not None and not raamovereenkomst.deelnemers.filter(pk=besteller.pk).exists():
            problems.append(
                (
                    f"{path}.aanbieding",
                    "geen_deelnemer",
                    f"Alleen deelnemers van raamovereenkomst {raamovereenkomst.kenmerk} "
                    "bestellen deze aanbieding.",
                )
            )
        if raamovereenkomst.status != RaamovereenkomstStatus.ACTIEF or not (
            raamovereenkomst.ingangsdatum <= day
            and (raamovereenkomst.einddatum is None or raamovereenkomst.einddatum >= day)
        ):
            problems.append(
                (
                    f"{path}.aanbieding",
                    "raamovereenkomst",
                    f"Raamovereenkomst {raamovereenkomst.kenmerk} is niet van kracht.",
                )
            )
    if aanbieding.licentiemodel == Licentiemodel.PER_INWONER:
        if besteller is not None and not besteller.inwonertal:
            problems.append(
                (
                    f"{path}.aantal",
                    "inwonertal",
                    "Per-inwonerprijzen vragen om het inwonertal van de besteller.",
                )
            )
    elif not regel.get("aantal"):
        problems.append((f"{path}.aantal", "required", "Geef een aantal van minimaal 1."))
    elif regel["aantal"] < aanbieding.minimale_afname:
        problems.append(
            (
                f"{path}.aantal",
                "minimale_afname",
                f"Deze aanbieding vraagt om minstens {aanbieding.minimale_afname}.",
            )
        )
    actie = regel.get("actie", Actie.NIEUW)
    licentie = regel.get("licentie")
    if actie == Actie.NIEUW and licentie is not None:
        problems.append(
            (f"{path}.licentie", "niet_toegestaan", "Een nieuwe licentie verwijst niet naar een licentie.")
        )
    if actie != Actie.NIEUW:
        if licentie is None:
            problems.append(
                (f"{path}.licentie", "required", f"Actie '{actie}' verwijst naar een bestaande licentie.")
            )
        elif besteller is not None and licentie.organisatie_id != besteller.pk:
            problems.append(
                (f"{path}.licentie", "andere_organisatie", "De licentie is van een andere organisatie.")
            )
        elif licentie.status == LicentieStatus.AANGEVRAAGD:
            problems.append(
                (f"{path}.licentie", "niet_geleverd", "Deze licentie is aangevraagd maar nog niet geleverd.")
            )
        elif _softwarepakket_of_licentie(licentie) != softwarepakket_of(aanbieding):
            problems.append(
                (f"{path}.licentie", "ander_pakket", "De licentie is voor een ander softwarepakket.")
            )
        elif (
            actie == Actie.VERLENGEN
            and licentie.max_verlengingen is not None
            and licentie.aantal_verlengingen >= licentie.max_verlengingen
        ):
            problems.append(
                (
                    f"{path}.licentie",
                    "max_verlengingen",
                    f"Het contract staat geen verlenging meer toe ({licentie.max_verlengingen} gehad).",
                )
            )
    bounds = json_limits.json_problems(regel.get("bestelparameters") or {}, f"{path}.bestelparameters")
    problems += bounds
    if not bounds:
        problems += bestelparameters_problems(
            aanbieding, regel.get("bestelparameters"), f"{path}.bestelparameters"
        )
    return problems


def bestelparameters_problems(aanbieding, bestelparameters, name: str) -> list[tuple[str, str, str]]:
    """Every problem of a line's ``bestelparameters`` against the offer's
    ``bestelparametersSchema``, each with its path and the keyword as code (Dutch messages)."""
    schema = aanbieding.bestelparameters_schema
    if not schema:
        return []
    return json_schema_problems(bestelparameters or {}, schema, name)


def _quantity(besteller, aanbieding: Aanbieding, requested: int | None) -> int:
    if aanbieding.licentiemodel == Licentiemodel.PER_INWONER:
        return besteller.inwonertal
    return requested


def bestelling_problems(besteller, regels: list[dict], day: datetime.date) -> list:
    problems = []
    for index, regel in enumerate(regels):
        problems += regel_problems(besteller, regel, day, f"regels.{index}")
    leveranciers = {leverancier_of(regel["aanbieding"]) for regel in regels if regel.get("aanbieding")}
    if len(leveranciers) > 1:
        problems.append(("regels", "een_leverancier", "Een bestelling gaat naar één leverancier."))
    raamovereenkomsten = {
        regel["aanbieding"].raamovereenkomst_id for regel in regels if regel.get("aanbieding")
    }
    if len(raamovereenkomsten) > 1:
        problems.append(
            (
                "regels",
                "een_raamovereenkomst",
                "Aanbiedingen van verschillende raamovereenkomsten gaan apart.",
            )
        )
    return problems


def _prijs_url(prijs: Prijs | PeerPrijs) -> str:
    """A price of this catalogue by its URL in the Catalogus API, a peer's by the peer's."""
    return prijs.url if isinstance(prijs, PeerPrijs) else resources.url_of(prijs)


def _price_of(regel: Bestelregel, day: datetime.date) -> pricing.Regelprijs:
    aanbieding = regel.bron_aanbieding
    return pricing.compute_regelprijs(
        _valid_prijzen(aanbieding, day),
        regel.aantal,
        raamovereenkomst=aanbieding.raamovereenkomst_id is not None,
        url_of=_prijs_url,
    )


def _set_regels(bestelling: Bestelling, regels: list[dict], day: datetime.date) -> None:
    """The lines of a saved concept replaced; its supplier, framework and totals set (not saved)."""
    bestelregels = _new_regels(bestelling, regels, day)
    bestelling.regels.all().delete()
    Bestelregel.objects.bulk_create(bestelregels)


def _new_regels(bestelling: Bestelling, regels: list[dict], day: datetime.date) -> list[Bestelregel]:
    """The order's lines with their prices, not saved (the order itself may not be saved yet);
    the order's supplier, framework and totals set from them."""
    bestelregels = []
    for volgnummer, regel in enumerate(regels, start=1):
        aanbieding = regel["aanbieding"]
        peer = isinstance(aanbieding, PeerAanbieding)
        bestelregel = Bestelregel(
            bestelling=bestelling,
            volgnummer=volgnummer,
            aanbieding=None if peer else aanbieding,
            peer_aanbieding=aanbieding if peer else None,
            aantal=_quantity(bestelling.besteller, aanbieding, regel.get("aantal")),
            actie=regel.get("actie", Actie.NIEUW),
            licentie=regel.get("licentie"),
            bestelparameters=regel.get("bestelparameters") or {},
        )
        prijs = _price_of(bestelregel, day)
        bestelregel.bedrag_eenmalig_excl_btw, bestelregel.bedrag_per_jaar_excl_btw, bestelregel.btw = (
            prijs.eenmalig,
            prijs.per_jaar,
            prijs.btw,
        )
        bestelregels.append(bestelregel)
    first = regels[0]["aanbieding"] if regels else None
    bestelling.leverancier = first.leverancier if first else None
    bestelling.leverancier_url = first.leverancier_url if isinstance(first, PeerAanbieding) else ""
    bestelling.raamovereenkomst = first.raamovereenkomst if first else None
    _set_totals(bestelling, bestelregels)
    return bestelregels


def _set_totals(bestelling: Bestelling, regels) -> None:
    totals = pricing.compute_totals(regels)
    bestelling.totaal_eenmalig_excl_btw = totals.eenmalig
    bestelling.totaal_per_jaar_excl_btw = totals.per_jaar
    bestelling.totaal_btw = totals.btw
    bestelling.afroepwaarde_excl_btw = sum(
        (
            pricing.compute_afroepwaarde(
                regel.bedrag_eenmalig_excl_btw,
                regel.bedrag_per_jaar_excl_btw,
                volledige_looptijd_maanden(regel.bron_aanbieding),
            )
            for regel in regels
        ),
        pricing.Decimal("0.00"),
    )
