"""Order lines: every problem of a line, quantities and prices."""

from __future__ import annotations

import datetime

import jsonschema

from softwarebroker.catalogus.constants import Licentiemodel, PublicatieStatus, RaamovereenkomstStatus
from softwarebroker.catalogus.models import Aanbieding, Prijs
from softwarebroker.catalogus.selectors import valid_on
from softwarebroker.federatie.models import PeerAanbieding

from .. import prijsberekening
from ..constants import (
    Actie,
)
from ..models import (
    Bestelling,
    Bestelregel,
)

# --- lines ----------------------------------------------------------------------------------


def _valid_prijzen(aanbieding, dag: datetime.date) -> list:
    if isinstance(aanbieding, PeerAanbieding):
        return aanbieding.prijzen_valid_on(dag)
    return list(Prijs.objects.filter(valid_on(dag), aanbieding=aanbieding))


def leverancier_of(aanbieding) -> tuple:
    """Who supplies an offer: a supplier of this catalogue or one named by a peer (its URL)."""
    if isinstance(aanbieding, PeerAanbieding):
        return ("peer", aanbieding.leverancier_url)
    return ("lokaal", aanbieding.leverancier_id)


def pakket_of(aanbieding) -> tuple:
    if isinstance(aanbieding, PeerAanbieding):
        return ("peer", aanbieding.softwarepakket_url)
    return ("lokaal", aanbieding.softwarepakket_id)


def regel_problems(besteller, regel: dict, dag: datetime.date, pad: str) -> list[tuple[str, str, str]]:
    """Every problem of one line (``pad`` is its place in the request, ``regels.0``)."""
    problems = []
    aanbieding: Aanbieding | PeerAanbieding | None = regel.get("aanbieding")
    if aanbieding is None:
        return [(f"{pad}.aanbieding", "required", "Geef de aanbieding.")]
    if isinstance(aanbieding, PeerAanbieding) and aanbieding.raamovereenkomst_url:
        # Participation and the maximum value are kept by the instance that holds the framework.
        problems.append(
            (
                f"{pad}.aanbieding",
                "raamovereenkomst_peer",
                "Deze aanbieding valt onder een raamovereenkomst van een andere instantie; bestel haar daar.",
            )
        )
    if aanbieding.status != PublicatieStatus.GEPUBLICEERD:
        problems.append((f"{pad}.aanbieding", "niet_gepubliceerd", "Deze aanbieding is niet gepubliceerd."))
    if not (
        aanbieding.geldig_vanaf <= dag and (aanbieding.geldig_tot is None or aanbieding.geldig_tot > dag)
    ):
        problems.append(
            (f"{pad}.aanbieding", "niet_geldig", f"Deze aanbieding geldt niet op {dag.isoformat()}.")
        )
    raam = aanbieding.raamovereenkomst
    if raam is not None:
        if besteller is not None and not raam.deelnemers.filter(pk=besteller.pk).exists():
            problems.append(
                (
                    f"{pad}.aanbieding",
                    "geen_deelnemer",
                    f"Alleen deelnemers van raamovereenkomst {raam.kenmerk} bestellen deze aanbieding.",
                )
            )
        if raam.status != RaamovereenkomstStatus.ACTIEF or not (
            raam.ingangsdatum <= dag and (raam.einddatum is None or raam.einddatum >= dag)
        ):
            problems.append(
                (
                    f"{pad}.aanbieding",
                    "raamovereenkomst",
                    f"Raamovereenkomst {raam.kenmerk} is niet van kracht.",
                )
            )
    if aanbieding.licentiemodel == Licentiemodel.PER_INWONER:
        if besteller is not None and not besteller.inwonertal:
            problems.append(
                (
                    f"{pad}.aantal",
                    "inwonertal",
                    "Per-inwonerprijzen vragen om het inwonertal van de besteller.",
                )
            )
    elif not regel.get("aantal"):
        problems.append((f"{pad}.aantal", "required", "Geef een aantal van minimaal 1."))
    elif regel["aantal"] < aanbieding.minimale_afname:
        problems.append(
            (
                f"{pad}.aantal",
                "minimale_afname",
                f"Deze aanbieding vraagt om minstens {aanbieding.minimale_afname}.",
            )
        )
    actie = regel.get("actie", Actie.NIEUW)
    licentie = regel.get("licentie")
    if actie == Actie.NIEUW and licentie is not None:
        problems.append(
            (f"{pad}.licentie", "niet_toegestaan", "Een nieuwe licentie verwijst niet naar een licentie.")
        )
    if actie != Actie.NIEUW:
        if licentie is None:
            problems.append(
                (f"{pad}.licentie", "required", f"Actie '{actie}' verwijst naar een bestaande licentie.")
            )
        elif besteller is not None and licentie.organisatie_id != besteller.pk:
            problems.append(
                (f"{pad}.licentie", "andere_organisatie", "De licentie is van een andere organisatie.")
            )
        elif pakket_of(licentie.bron_aanbieding) != pakket_of(aanbieding):
            problems.append(
                (f"{pad}.licentie", "ander_pakket", "De licentie is voor een ander softwarepakket.")
            )
    schema = aanbieding.bestelparameters_schema
    if schema:
        validator = jsonschema.Draft202012Validator(schema)
        for error in sorted(validator.iter_errors(regel.get("bestelparameters") or {}), key=str):
            location = ".".join(str(part) for part in error.absolute_path)
            name = f"{pad}.bestelparameters" + (f".{location}" if location else "")
            problems.append((name, "bestelparameters", error.message))
    return problems


def _quantity(besteller, aanbieding: Aanbieding, gevraagd: int | None) -> int:
    if aanbieding.licentiemodel == Licentiemodel.PER_INWONER:
        return besteller.inwonertal
    return gevraagd


def bestelling_problems(besteller, regels: list[dict], dag: datetime.date) -> list:
    problems = []
    for index, regel in enumerate(regels):
        problems += regel_problems(besteller, regel, dag, f"regels.{index}")
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


def _price_of(regel: Bestelregel, dag: datetime.date) -> prijsberekening.Regelprijs:
    aanbieding = regel.bron_aanbieding
    return prijsberekening.bereken_regel(
        _valid_prijzen(aanbieding, dag),
        regel.aantal,
        raamovereenkomst=aanbieding.raamovereenkomst_id is not None,
    )


def _set_regels(bestelling: Bestelling, regels: list[dict], dag: datetime.date) -> None:
    bestelling.regels.all().delete()
    nieuwe = []
    for volgnummer, regel in enumerate(regels, start=1):
        aanbieding = regel["aanbieding"]
        peer = isinstance(aanbieding, PeerAanbieding)
        line = Bestelregel(
            bestelling=bestelling,
            volgnummer=volgnummer,
            aanbieding=None if peer else aanbieding,
            peer_aanbieding=aanbieding if peer else None,
            aantal=_quantity(bestelling.besteller, aanbieding, regel.get("aantal")),
            actie=regel.get("actie", Actie.NIEUW),
            licentie=regel.get("licentie"),
            bestelparameters=regel.get("bestelparameters") or {},
        )
        prijs = _price_of(line, dag)
        line.bedrag_eenmalig_excl_btw, line.bedrag_per_jaar_excl_btw, line.btw = (
            prijs.eenmalig,
            prijs.per_jaar,
            prijs.btw,
        )
        nieuwe.append(line)
    Bestelregel.objects.bulk_create(nieuwe)
    first = regels[0]["aanbieding"] if regels else None
    bestelling.leverancier = first.leverancier if first else None
    bestelling.leverancier_url = first.leverancier_url if isinstance(first, PeerAanbieding) else ""
    bestelling.raamovereenkomst = first.raamovereenkomst if first else None
    _set_totals(bestelling, nieuwe)


def _set_totals(bestelling: Bestelling, regels) -> None:
    totalen = prijsberekening.totalen(regels)
    bestelling.totaal_eenmalig_excl_btw = totalen.eenmalig
    bestelling.totaal_per_jaar_excl_btw = totalen.per_jaar
    bestelling.totaal_btw = totalen.btw
