"""Loads the demo declarations of ``catalogus_data.verklaringen``: made and submitted by the
supplier, approved by the broker, through the services.

For every published demo offer, every type it requires is declared: per package (by the
manufacturer) for the types of ``PER_PAKKET``, otherwise by the offer's supplier, covering all
its offers. A declaration is known by its supplier, subject, type and evidence URL: loading
twice creates nothing the second time (and one an administrator has since rejected or replaced is
not made again).
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from softwarebroker.autorisaties.context import Acting
from softwarebroker.autorisaties.scopes import Rol, scopes_for
from softwarebroker.catalogus.constants import PublicatieStatus, VerklaringStatus
from softwarebroker.catalogus.models import Aanbieding, Leverancier, Verklaring
from softwarebroker.catalogus.verklaringen import services
from softwarebroker.demo.catalogus_data import START
from softwarebroker.demo.catalogus_data import verklaringen as data

BROKER = Acting.system("demo")


def als_leverancier(leverancier: Leverancier) -> Acting:
    """The supplier's compliance officer (as its API client would act)."""
    roles = frozenset({Rol.LEVERANCIER})
    return Acting(
        applicatie=None,
        roles=roles,
        scopes=scopes_for(roles),
        leverancier=leverancier,
        user_id=f"compliance@{_domain(leverancier)}",
        user_representation=f"Compliance {leverancier.naam}",
        channel="demo",
    )


def _domain(leverancier: Leverancier) -> str:
    return leverancier.website.removeprefix("https://www.").removeprefix("https://") or "leverancier.example"


class _Loader:
    def __init__(self):
        self.created = 0
        self.today = timezone.localdate()
        self.vanaf = min(datetime.date.fromisoformat(START), self.today)

    def _declare(self, onderwerp, type: str, url: str, *, omschrijving="", geldig_tot=None, besluit=True):
        eigenaar = services.eigenaar_van(onderwerp)
        lookup = {services.ONDERWERPEN[services.type_of(onderwerp)]: onderwerp}
        if Verklaring.objects.filter(eigenaar=eigenaar, type=type, bewijs_url=url, **lookup).exists():
            return
        leverancier = als_leverancier(eigenaar)
        verklaring = services.create_verklaring(
            acting=leverancier,
            onderwerp=onderwerp,
            type=type,
            geldig_vanaf=self.vanaf,
            geldig_tot=geldig_tot,
            omschrijving=omschrijving or data.OMSCHRIJVINGEN.get(type, ""),
            bewijs_url=url,
        )
        verklaring = services.submit_verklaring(acting=leverancier, verklaring=verklaring)
        if besluit:
            services.review_verklaring(
                acting=BROKER, verklaring=verklaring, besluit=VerklaringStatus.GOEDGEKEURD
            )
        self.created += 1

    def load(self) -> None:
        aanbiedingen = Aanbieding.objects.filter(status=PublicatieStatus.GEPUBLICEERD).select_related(
            "leverancier", "softwarepakket__fabrikant"
        )
        for aanbieding in aanbiedingen.order_by("pk"):
            for type in aanbieding.vereiste_documenten:
                pakket, fabrikant = aanbieding.softwarepakket, aanbieding.softwarepakket.fabrikant
                if type in data.PER_PAKKET and fabrikant is not None:
                    self._declare(pakket, type, data.bewijs_url(_domain(fabrikant), type, pakket.naam))
                else:
                    leverancier = aanbieding.leverancier
                    self._declare(leverancier, type, data.bewijs_url(_domain(leverancier), type))
        self._extra()

    def _extra(self) -> None:
        kvk, type, omschrijving = data.TER_BEOORDELING
        leverancier = Leverancier.objects.get(kvk_nummer=kvk)
        self._declare(
            leverancier,
            type,
            data.bewijs_url(_domain(leverancier), type),
            omschrijving=omschrijving,
            besluit=False,
        )
        kvk, type, omschrijving, dagen = data.VERLOOPT_BINNENKORT
        leverancier = Leverancier.objects.get(kvk_nummer=kvk)
        self._declare(
            leverancier,
            type,
            data.bewijs_url(_domain(leverancier), type),
            omschrijving=omschrijving,
            geldig_tot=self.today + datetime.timedelta(days=dagen),
        )


def load_verklaringen_demo() -> int:
    """Inside the catalogue's transaction: returns the number of declarations made."""
    loader = _Loader()
    loader.load()
    return loader.created
