"""Licences with contract terms, for the nightly job's tests.

A licence is what delivering an order line leaves (:class:`LicentieFactory`); its contract
terms are then written directly, as delivery copies them from the offer, with the stored
opzegdatum and uiterste einddatum derived by :mod:`softwarebroker.bestellingen.termijnen`.
"""

import datetime
from decimal import Decimal

from softwarebroker.bestellingen import termijnen
from softwarebroker.bestellingen.models import Licentie

from .factories import LicentieFactory


def licentie_met_contract(
    *,
    einddatum: datetime.date,
    automatisch_verlengen: bool = True,
    opzegtermijn_dagen: int = 90,
    verlengingstermijn_maanden: int | None = None,
    max_verlengingen: int | None = None,
    indexering: str = "cpi",
    indexering_percentage: Decimal | None = None,
    indexering_plafond: Decimal | None = None,
    bedrag_per_jaar: Decimal = Decimal("100.00"),
    kostenplaats: str = "",
    **factory,
) -> Licentie:
    """A licence of 10 units (a yearly price of 10.00 each) whose term ends on ``einddatum``."""
    licentie = LicentieFactory(einddatum=einddatum, automatisch_verlengen=automatisch_verlengen, **factory)
    looptijd = (
        (einddatum.year - licentie.ingangsdatum.year) * 12 + einddatum.month - licentie.ingangsdatum.month
    )
    verlenging = "automatisch" if automatisch_verlengen else "handmatig"
    Licentie.objects.filter(pk=licentie.pk).update(
        looptijd_maanden=looptijd,
        opzegtermijn_dagen=opzegtermijn_dagen,
        verlengingstermijn_maanden=verlengingstermijn_maanden,
        max_verlengingen=max_verlengingen,
        indexering=indexering,
        indexering_percentage=indexering_percentage,
        indexering_plafond=indexering_plafond,
        bedrag_per_jaar_excl_btw=bedrag_per_jaar,
        kostenplaats=kostenplaats,
        opzegdatum=termijnen.opzegdatum(einddatum, opzegtermijn_dagen),
        uiterste_einddatum=termijnen.uiterste_einddatum(
            licentie.ingangsdatum,
            looptijd,
            verlenging=verlenging,
            verlengingstermijn_maanden=verlengingstermijn_maanden,
            max_verlengingen=max_verlengingen,
        ),
    )
    licentie.refresh_from_db()
    return licentie
