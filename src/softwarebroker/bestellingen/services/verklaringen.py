"""The declaration gate: an order (or a joint purchase) of an offer whose required
declarations (``vereisteDocumenten``) are not all covered by a valid, approved declaration is
refused, every missing type of every line in one answer (409 ``verklaring_ontbreekt``). One
query for all the lines, whatever their number.

Offers of a peer are not checked here: their declarations live in the peer's catalogue, which
checks them when it accepts the order; their lines freeze no declarations (``null``).
Cancelling or reducing a licence is never held back by missing paperwork.
"""

from __future__ import annotations

import datetime

from softwarebroker.catalogus.verklaringen import vereist
from softwarebroker.core import errors

from ..constants import Actie
from ..models import Bestelregel

NIET_GEBLOKKEERD = (Actie.OPZEGGEN, Actie.VERMINDEREN)


def missing(aanbieding, gedekt: dict, path: str) -> list[tuple[str, str]]:
    """``(path, type)`` for each required type of the offer that no declaration covers."""
    return [(path, soort) for soort in vereist.ontbrekend(aanbieding, gedekt)]


def refuse(ontbrekend: list[tuple[str, str]], wat: str) -> None:
    """One 409 naming every missing declaration (each also in ``invalidParams``), if any."""
    if not ontbrekend:
        return
    per_pad: dict[str, list[str]] = {}
    for path, soort in ontbrekend:
        per_pad.setdefault(path, []).append(vereist.weergave(soort))
    parts = "; ".join(f"{path}: {', '.join(labels)}" for path, labels in per_pad.items())
    raise errors.Conflict(
        f"{wat} kan niet: voor elk vereist document is een geldige, goedgekeurde verklaring nodig. "
        f"Ontbreekt: {parts}.",
        code=vereist.CODE,
        problems=[(path, vereist.CODE, vereist.reden(soort)) for path, soort in ontbrekend],
    )


def check_regels(regels: list[Bestelregel], day: datetime.date) -> None:
    """Checks the lines of an order being submitted and sets each local line's frozen
    declarations (``verklaringen_momentopname``; the caller saves them with the prices)."""
    lokaal = [regel for regel in regels if regel.aanbieding_id is not None]
    gedekt = vereist.geldige_verklaringen([regel.aanbieding for regel in lokaal], day)
    problems = []
    for index, regel in enumerate(regels):
        if regel.aanbieding_id is None:
            regel.verklaringen_momentopname = None
            continue
        dekking = gedekt.get(regel.aanbieding_id, {})
        regel.verklaringen_momentopname = vereist.momentopname(dekking)
        if regel.actie not in NIET_GEBLOKKEERD:
            problems.extend(missing(regel.aanbieding, dekking, f"regels.{index}.aanbieding"))
    refuse(problems, "Indienen")


def check_aanbieding(aanbieding, day: datetime.date, path: str, wat: str) -> list[dict]:
    """The gate for one offer (a joint purchase round's): its frozen declarations, or 409."""
    dekking = vereist.geldige_verklaringen([aanbieding], day).get(aanbieding.pk, {})
    refuse(missing(aanbieding, dekking, path), wat)
    return vereist.momentopname(dekking)
