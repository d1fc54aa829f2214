"""Offers for the tests of one-row reads: prices of several days, declarations on every level."""

import datetime
from decimal import Decimal

from tests.bestellingen.helpers import aanbieding_with_prijzen
from tests.catalogus.factories import PrijsFactory
from tests.verklaringen.support import goedgekeurde_verklaring


def one_time_price_from(aanbieding, day: datetime.date, amount: str):
    """A one-time fee of ``amount`` from ``day`` on (not shown before it)."""
    return PrijsFactory(
        aanbieding=aanbieding,
        prijstype="eenmalig",
        periode="",
        grondslag="per_bestelling",
        bedrag_excl_btw=Decimal(amount),
        geldig_vanaf=day,
        geldig_tot=None,
    )


def offer_with_prices_and_declarations():
    """The prices of ``aanbieding_with_prijzen``, one of an earlier day and one from 2099 on;
    declarations of the supplier, the offer and the package; ``exitplan`` missing."""
    aanbieding = aanbieding_with_prijzen(vereiste_documenten=["verwerkersovereenkomst", "dpia", "exitplan"])
    PrijsFactory(
        aanbieding=aanbieding, bedrag_excl_btw=Decimal("9.99"), geldig_vanaf=datetime.date(2019, 1, 1)
    )
    one_time_price_from(aanbieding, datetime.date(2099, 1, 1), "1234.56")
    goedgekeurde_verklaring(aanbieding.leverancier, "verwerkersovereenkomst")
    goedgekeurde_verklaring(aanbieding, "verwerkersovereenkomst", geldig_tot=datetime.date(2099, 1, 1))
    goedgekeurde_verklaring(aanbieding.softwarepakket, "dpia")
    return aanbieding
