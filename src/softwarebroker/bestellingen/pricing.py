"""Order prices, in Decimal arithmetic only.

A line's price comes from the offer's prices valid on the order date: one per prijstype and
grondslag, the framework's own prices (doelgroep ``raamovereenkomst``) before the general ones.
A price ``per_eenheid`` counts for every unit of the line, and a volume tier (staffel) applies
to every unit once the line's quantity reaches it; a price ``per_bestelling`` (a fee) counts
once per line, whatever its quantity, and has no tiers. Amounts are rounded to cents per price
line (half up), so totals are sums of what each line shows.
Recurring prices count per year (a monthly price times 12); usage prices (verbruik) are
recorded in the snapshot but not in the totals, since they are billed on use.

A line's call-off value (what it counts against a framework's maximum) is its one-time costs
plus its recurring costs over the offer's full term, renewals included, as procurement rules
count a contract's value (:func:`compute_afroepwaarde`).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from operator import attrgetter

from softwarebroker.catalogus.constants import Doelgroep, Grondslag, Periode, Prijstype

CENT = Decimal("0.01")
TIMES_A_YEAR = {Periode.MAAND: 12, Periode.JAAR: 1, "": 1}


def cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def compute_eenheidsprijs(bedrag: Decimal, staffels: list[dict], aantal: int) -> tuple[Decimal, int | None]:
    """The unit price for ``aantal`` units and the tier that gave it (``None``: the base price)."""
    eenheidsprijs, vanaf_aantal = bedrag, None
    for staffel in sorted(staffels or (), key=lambda staffel: staffel["vanafAantal"]):
        if aantal >= staffel["vanafAantal"]:
            eenheidsprijs, vanaf_aantal = Decimal(str(staffel["bedragExclBtw"])), staffel["vanafAantal"]
    return eenheidsprijs, vanaf_aantal


def _order_key(prijs) -> tuple:
    return (prijs.prijstype, prijs.grondslag, prijs.geldig_vanaf, prijs.pk or 0, str(prijs.uuid))


def applicable_prijzen(prijzen, *, raamovereenkomst: bool, vraagbundeling: bool = False) -> list:
    """Of the prices valid on a day: per prijstype and grondslag the framework price when
    ordering under a framework, the general price otherwise (so a one-time fee per order may
    stand beside a one-time price per unit). Joint-purchase prices apply only to a joint
    purchase round and its orders (``vraagbundeling``), before all others.
    The choice and the order of the result do not depend on the order of ``prijzen``."""
    preference = [Doelgroep.VRAAGBUNDELING] if vraagbundeling else []
    if raamovereenkomst:
        preference.append(Doelgroep.RAAMOVEREENKOMST)
    preference.append(Doelgroep.IEDEREEN)
    chosen = {}
    for doelgroep in reversed(preference):
        # The catalogue allows one price per kind, grondslag and doelgroep on a day; should two
        # be given anyway, the latest start (then the highest key) wins, never the list order.
        for prijs in sorted(prijzen, key=_order_key):
            if prijs.doelgroep == doelgroep:
                chosen[(prijs.prijstype, prijs.grondslag)] = prijs
    return sorted(chosen.values(), key=_order_key)


@dataclass
class Regelprijs:
    eenmalig: Decimal = Decimal("0.00")
    per_jaar: Decimal = Decimal("0.00")
    btw: Decimal = Decimal("0.00")
    onderdelen: list[dict] = field(default_factory=list)

    def momentopname(self, day: datetime.date) -> dict:
        return {
            "datum": day.isoformat(),
            "prijzen": self.onderdelen,
            "eenmaligExclBtw": f"{self.eenmalig:.2f}",
            "perJaarExclBtw": f"{self.per_jaar:.2f}",
            "btw": f"{self.btw:.2f}",
        }


def compute_regelprijs(
    prijzen,
    aantal: int,
    *,
    raamovereenkomst: bool = False,
    vraagbundeling: bool = False,
    staffel_aantal: int | None = None,
    url_of: Callable[[object], str] = attrgetter("url"),
) -> Regelprijs:
    """The price of one line of ``aantal`` units, from the offer's prices valid that day. The
    snapshot names each price by its URL (``url_of``), as every reference in the APIs does.
    ``staffel_aantal``: the quantity that decides the tier when it is not the line's own (the
    pooled quantity of a joint purchase round)."""
    result = Regelprijs()
    chosen = applicable_prijzen(prijzen, raamovereenkomst=raamovereenkomst, vraagbundeling=vraagbundeling)
    for prijs in chosen:
        if prijs.grondslag == Grondslag.PER_BESTELLING:
            # Once per line: the line is the unit, so the amount is counted once and no tier applies.
            eenheidsprijs, staffel_vanaf_aantal, counted_aantal = prijs.bedrag_excl_btw, None, 1
        else:
            eenheidsprijs, staffel_vanaf_aantal = compute_eenheidsprijs(
                prijs.bedrag_excl_btw, prijs.staffels, aantal if staffel_aantal is None else staffel_aantal
            )
            counted_aantal = aantal
        bedrag = cents(eenheidsprijs * counted_aantal)
        if prijs.prijstype == Prijstype.EENMALIG:
            counted = bedrag
            result.eenmalig += counted
        elif prijs.prijstype == Prijstype.TERUGKEREND:
            counted = bedrag * TIMES_A_YEAR[prijs.periode]
            result.per_jaar += counted
        else:
            counted = Decimal("0.00")
        btw = cents(counted * prijs.btw_percentage / 100)
        result.btw += btw
        result.onderdelen.append(
            {
                "prijs": url_of(prijs),
                "prijstype": prijs.prijstype,
                "grondslag": prijs.grondslag,
                "periode": prijs.periode or None,
                "doelgroep": prijs.doelgroep,
                "staffelVanafAantal": staffel_vanaf_aantal,
                "eenheidsprijsExclBtw": f"{eenheidsprijs:.2f}",
                "aantal": counted_aantal,
                "bedragExclBtw": f"{bedrag:.2f}",
                "btwPercentage": f"{prijs.btw_percentage:.2f}",
                "btw": f"{btw:.2f}",
            }
        )
    return result


@dataclass(frozen=True)
class Totals:
    eenmalig: Decimal
    per_jaar: Decimal
    btw: Decimal

    @property
    def totaal_excl_btw(self) -> Decimal:
        """What an approver's mandate is compared with: one-time plus one year."""
        return self.eenmalig + self.per_jaar


def compute_afroepwaarde(eenmalig: Decimal, per_jaar: Decimal, maanden: int) -> Decimal:
    """One line's call-off value: one-time costs plus the yearly recurring costs times
    ``maanden / 12`` (the months of the full term), rounded to cents half up."""
    return cents(eenmalig + per_jaar * Decimal(maanden) / 12)


def compute_totals(regels) -> Totals:
    return Totals(
        eenmalig=sum((regel.bedrag_eenmalig_excl_btw for regel in regels), Decimal("0.00")),
        per_jaar=sum((regel.bedrag_per_jaar_excl_btw for regel in regels), Decimal("0.00")),
        btw=sum((regel.btw for regel in regels), Decimal("0.00")),
    )
