"""Orders for tests, made through the services (the one way an order changes)."""

import datetime
from decimal import Decimal

from softwarebroker.autorisaties.context import Acting
from softwarebroker.autorisaties.scopes import scopes_for
from softwarebroker.bestellingen import services
from softwarebroker.organisaties.services import set_mandaat
from tests.catalogus.factories import (
    AanbiedingFactory,
    LeverancierFactory,
    PrijsFactory,
    RaamovereenkomstFactory,
)
from tests.organisaties.factories import OrganisatieFactory


def acting(*roles, organisatie=None, leverancier=None, user_id="gebruiker@gemeente.nl"):
    return Acting(
        applicatie=None,
        roles=frozenset(roles),
        scopes=scopes_for(roles),
        organisatie=organisatie,
        leverancier=leverancier,
        user_id=user_id,
        user_representation=user_id,
    )


def aanbieding_with_prijzen(**kwargs):
    """A published offer with a one-time price of 100.00 and a yearly price of 10.00 per unit
    (8.00 from 50 units)."""
    aanbieding = AanbiedingFactory(geldig_vanaf=datetime.date(2020, 1, 1), **kwargs)
    PrijsFactory(
        aanbieding=aanbieding,
        prijstype="eenmalig",
        periode="",
        bedrag_excl_btw=Decimal("100.00"),
        geldig_vanaf=datetime.date(2020, 1, 1),
        geldig_tot=None,
    )
    PrijsFactory(
        aanbieding=aanbieding,
        prijstype="terugkerend",
        periode="jaar",
        bedrag_excl_btw=Decimal("10.00"),
        staffels=[{"vanafAantal": 50, "bedragExclBtw": "8.00"}],
        geldig_vanaf=datetime.date(2020, 1, 1),
        geldig_tot=None,
    )
    return aanbieding


def framework_offer(maximale_waarde, **terms):
    """An offer under an active framework: 100.00 one-time and 10.00 a year per unit."""
    leverancier = LeverancierFactory()
    raamovereenkomst = RaamovereenkomstFactory(
        status="actief", maximale_waarde=maximale_waarde, leveranciers=[leverancier]
    )
    aanbieding = aanbieding_with_prijzen(raamovereenkomst=raamovereenkomst, leverancier=leverancier, **terms)
    return raamovereenkomst, aanbieding


SAAS_36_2X12 = {
    "looptijd_maanden": 36,
    "verlenging": "automatisch",
    "verlengingstermijn_maanden": 12,
    "max_verlengingen": 2,
}


class Partijen:
    """An organisation with its afnemer and budget holder, and the supplier's client."""

    def __init__(self, aanbieding=None, mandaat=Decimal("100000.00")):
        self.organisatie = OrganisatieFactory()
        self.aanbieding = aanbieding or aanbieding_with_prijzen()
        self.afnemer = acting("afnemer", organisatie=self.organisatie, user_id="aanvrager@gemeente.nl")
        self.budgethouder = acting("budgethouder", organisatie=self.organisatie, user_id="budget@gemeente.nl")
        self.leverancier = acting(
            "leverancier", leverancier=self.aanbieding.leverancier, user_id="verwerker@leverancier.nl"
        )
        set_mandaat(
            acting=Acting.system("factory"),
            organisatie=self.organisatie,
            gebruikers_id="budget@gemeente.nl",
            maximum_bedrag=mandaat,
        )

    def bestelling(self, aantal=10, **kwargs):
        return services.create_bestelling(
            acting=self.afnemer,
            besteller=self.organisatie,
            regels=[{"aanbieding": self.aanbieding, "aantal": aantal, **kwargs}],
        )

    def ingediend(self, aantal=10):
        bestelling = self.bestelling(aantal)
        services.change_status(acting=self.afnemer, bestelling=bestelling, naar="ter_goedkeuring")
        services.create_beoordeling(acting=self.budgethouder, bestelling=bestelling, besluit="goedgekeurd")
        bestelling.refresh_from_db()
        return bestelling

    def in_behandeling(self, aantal=10):
        bestelling = self.ingediend(aantal)
        services.change_status(acting=self.leverancier, bestelling=bestelling, naar="geaccepteerd")
        services.change_status(acting=self.leverancier, bestelling=bestelling, naar="in_behandeling")
        bestelling.refresh_from_db()
        return bestelling
