"""Rounds for tests, made through the services (the one way a round changes)."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from softwarebroker.audit.models import AuditTrail
from softwarebroker.autorisaties.context import Acting
from softwarebroker.bestellingen.models import Bestelling, Licentie
from softwarebroker.core.errors import DomainError
from softwarebroker.organisaties.services import set_mandaat
from softwarebroker.vraagbundelingen import services
from softwarebroker.vraagbundelingen.models import (
    Deelname,
    DeelnameStatuswijziging,
    Vraagbundeling,
    VraagbundelingStatuswijziging,
)
from tests.bestellingen.helpers import acting
from tests.catalogus.factories import (
    AanbiedingFactory,
    LeverancierFactory,
    PrijsFactory,
    RaamovereenkomstFactory,
)
from tests.organisaties.factories import OrganisatieFactory

BROKER = Acting.system("test")


def bundel_aanbieding(**kwargs):
    """A published offer with a one-time fee of 500.00 per order, 10.00 per user a month
    (iedereen; 9.00 from 100 users) and, for joint purchases, 9.50 a month (8.00 from 200,
    7.00 from 500)."""
    aanbieding = AanbiedingFactory(geldig_vanaf=datetime.date(2020, 1, 1), **kwargs)
    common = {"aanbieding": aanbieding, "geldig_vanaf": datetime.date(2020, 1, 1), "geldig_tot": None}
    PrijsFactory(
        prijstype="eenmalig",
        grondslag="per_bestelling",
        periode="",
        bedrag_excl_btw=Decimal("500.00"),
        **common,
    )
    PrijsFactory(
        prijstype="terugkerend",
        periode="maand",
        bedrag_excl_btw=Decimal("10.00"),
        staffels=[{"vanafAantal": 100, "bedragExclBtw": "9.00"}],
        **common,
    )
    PrijsFactory(
        prijstype="terugkerend",
        periode="maand",
        doelgroep="vraagbundeling",
        bedrag_excl_btw=Decimal("9.50"),
        staffels=[
            {"vanafAantal": 200, "bedragExclBtw": "8.00"},
            {"vanafAantal": 500, "bedragExclBtw": "7.00"},
        ],
        **common,
    )
    return aanbieding


class Deelnemer:
    """An organisation with its afnemer and budget holder (mandate 100,000.00)."""

    def __init__(self, organisatie=None, mandaat=Decimal("100000.00"), **organisatie_fields):
        self.organisatie = organisatie or OrganisatieFactory(**organisatie_fields)
        self.afnemer = acting("afnemer", organisatie=self.organisatie, user_id="inkoper@gemeente.nl")
        self.budgethouder = acting("budgethouder", organisatie=self.organisatie, user_id="budget@gemeente.nl")
        set_mandaat(
            acting=Acting.system("factory"),
            organisatie=self.organisatie,
            gebruikers_id="budget@gemeente.nl",
            maximum_bedrag=mandaat,
        )

    def doe_mee(self, vraagbundeling, aantal, *, goedkeuren=True, **fields):
        deelname = services.create_deelname(
            acting=self.afnemer,
            vraagbundeling=vraagbundeling,
            organisatie=self.organisatie,
            aantal=aantal,
            **fields,
        )
        if goedkeuren:
            services.change_deelname_status(acting=self.budgethouder, deelname=deelname, naar="goedgekeurd")
            deelname.refresh_from_db()
        return deelname


def open_ronde(aanbieding=None, initiatiefnemer=None, *, dagen=14, **fields):
    initiatiefnemer = initiatiefnemer or Deelnemer()
    return services.open_vraagbundeling(
        acting=initiatiefnemer.afnemer,
        aanbieding=aanbieding or bundel_aanbieding(),
        initiatiefnemer=initiatiefnemer.organisatie,
        naam="Zaaksysteem samen",
        sluitingsdatum=timezone.localdate() + datetime.timedelta(days=dagen),
        **fields,
    )


def sluit(vraagbundeling, acting=BROKER):
    return services.change_vraagbundeling_status(
        acting=acting, vraagbundeling=vraagbundeling, naar="gesloten"
    )


def gun(vraagbundeling, acting=BROKER):
    return services.change_vraagbundeling_status(acting=acting, vraagbundeling=vraagbundeling, naar="gegund")


def refused(call, status):
    """The domain error ``call`` raises, after checking its HTTP status."""
    with pytest.raises(DomainError) as raised:
        call()
    assert raised.value.status == status, raised.value.message
    return raised.value


def fields(error) -> set[str]:
    return {problem.field for problem in error.problems}


def rows() -> dict:
    """Every row a change of a round could write, to show a refusal changed nothing."""
    return {
        "vraagbundelingen": list(Vraagbundeling.objects.order_by("pk").values()),
        "deelnames": list(Deelname.objects.order_by("pk").values()),
        "statuswijzigingen": list(VraagbundelingStatuswijziging.objects.order_by("pk").values())
        + list(DeelnameStatuswijziging.objects.order_by("pk").values()),
        "bestellingen": list(Bestelling.objects.order_by("pk").values()),
        "licenties": list(Licentie.objects.order_by("pk").values()),
        "audit": AuditTrail.objects.count(),
    }


def framework_bundel_aanbieding(maximale_waarde=None, *deelnemers):
    """``bundel_aanbieding`` under an active framework with these deelnemers (organisations)."""
    leverancier = LeverancierFactory()
    raamovereenkomst = RaamovereenkomstFactory(
        status="actief",
        maximale_waarde=maximale_waarde,
        leveranciers=[leverancier],
        ingangsdatum=datetime.date(2020, 1, 1),
    )
    raamovereenkomst.deelnemers.add(*deelnemers)
    return bundel_aanbieding(raamovereenkomst=raamovereenkomst, leverancier=leverancier)
