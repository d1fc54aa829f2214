"""The prices of a joint purchase round, in Decimal arithmetic only.

A round applies the offer's prices for joint purchases (doelgroep ``vraagbundeling``) before
the framework's and the general ones (:func:`pricing.applicable_prijzen`), and the pooled
quantity of all counting deelnames decides the tier of every per-unit price.

The round's *price per unit* (``eenheidsprijs``) is that of its leading price: the recurring
per-unit price when the offer has one (per its own period), otherwise the one-time per-unit
price. It is what a participant's ``maxEenheidsprijs`` is compared with. An offer without a
per-unit price cannot be bundled.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from softwarebroker.bestellingen import pricing
from softwarebroker.catalogus.constants import Grondslag, Prijstype
from softwarebroker.catalogus.models import Prijs
from softwarebroker.catalogus.selectors import valid_on

LEIDEND = (Prijstype.TERUGKEREND, Prijstype.EENMALIG)


def valid_prijzen(aanbieding, day: datetime.date) -> list[Prijs]:
    return list(Prijs.objects.filter(valid_on(day), aanbieding=aanbieding))


def applicable(prijzen: list[Prijs], aanbieding) -> list[Prijs]:
    """``aanbieding``: anything with a ``raamovereenkomst_id``."""
    return pricing.applicable_prijzen(
        prijzen, raamovereenkomst=aanbieding.raamovereenkomst_id is not None, vraagbundeling=True
    )


def leidende_prijs(prijzen: list[Prijs], aanbieding) -> Prijs | None:
    """The price whose unit price is the round's: recurring per unit, else one-time per unit."""
    per_eenheid = [
        prijs for prijs in applicable(prijzen, aanbieding) if prijs.grondslag == Grondslag.PER_EENHEID
    ]
    for prijstype in LEIDEND:
        for prijs in per_eenheid:
            if prijs.prijstype == prijstype:
                return prijs
    return None


@dataclass(frozen=True)
class Rondeprijs:
    eenheidsprijs: Decimal | None  # None: the offer has no per-unit price
    staffel: int | None  # the tier reached (its vanafAantal), None: the base price
    periode: str | None  # of the leading price (maand, jaar), None: one-time


def rondeprijs(prijzen: list[Prijs], aanbieding, gebundeld_aantal: int) -> Rondeprijs:
    """The price per unit the pooled quantity reaches."""
    prijs = leidende_prijs(prijzen, aanbieding)
    if prijs is None:
        return Rondeprijs(None, None, None)
    eenheidsprijs, staffel = pricing.compute_eenheidsprijs(
        prijs.bedrag_excl_btw, prijs.staffels, gebundeld_aantal
    )
    return Rondeprijs(pricing.cents(eenheidsprijs), staffel, prijs.periode or None)


def lijstprijs(prijzen: list[Prijs], aanbieding) -> Decimal | None:
    """The leading price without any tier: the worst a participant without a ceiling pays."""
    prijs = leidende_prijs(prijzen, aanbieding)
    return None if prijs is None else pricing.cents(prijs.bedrag_excl_btw)


def stabiele_deelnames(deelnames: list, eenheidsprijs_bij) -> tuple[list, list, Rondeprijs | None]:
    """Which deelnames stay when the round closes: those whose ``max_eenheidsprijs`` is below
    the price the pooled quantity reaches drop out, and the price is computed again without them
    until no one else drops out. ``eenheidsprijs_bij(aantal)`` gives the Rondeprijs of a pooled
    quantity. Returns the ones that stay, the ones that dropped out, and the final price."""
    blijven, afgehaakt = list(deelnames), []
    while True:
        prijs = eenheidsprijs_bij(sum(deelname.aantal for deelname in blijven))
        if prijs.eenheidsprijs is None:
            return blijven, afgehaakt, prijs
        te_duur = [
            deelname
            for deelname in blijven
            if deelname.max_eenheidsprijs is not None and deelname.max_eenheidsprijs < prijs.eenheidsprijs
        ]
        if not te_duur:
            return blijven, afgehaakt, prijs
        afgehaakt += te_duur
        blijven = [deelname for deelname in blijven if deelname not in te_duur]


def regelprijs(
    prijzen: list[Prijs], aanbieding, aantal: int, gebundeld_aantal: int, url_of
) -> pricing.Regelprijs:
    """One participant's order line: its own quantity at the tier of the pooled quantity."""
    return pricing.compute_regelprijs(
        prijzen,
        aantal,
        raamovereenkomst=aanbieding.raamovereenkomst_id is not None,
        vraagbundeling=True,
        staffel_aantal=gebundeld_aantal,
        url_of=url_of,
    )
