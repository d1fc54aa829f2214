"""Observations for the statistics' tests, written in bulk as the summary holds them (what the
service derives from orders and licences is tested through the services)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from softwarebroker.rapportages.models import Prijswaarneming
from tests.catalogus.factories import AanbiedingFactory
from tests.organisaties.factories import OrganisatieFactory


def waarnemingen(aanbieding, organisaties, kwartaal: datetime.date, prijzen, *, aantal: int = 5) -> list:
    """One observation of ``aanbieding`` per organisation in ``kwartaal``, at ``prijzen``."""
    return Prijswaarneming.objects.bulk_create(
        [
            Prijswaarneming(
                organisatie=organisatie,
                softwarepakket_id=aanbieding.softwarepakket_id,
                aanbieding=aanbieding,
                bron="broker",
                licentiemodel=aanbieding.licentiemodel,
                eenheid=aanbieding.eenheid,
                aantal=aantal,
                kwartaal=kwartaal,
                prijs=Decimal(prijs),
            )
            for organisatie, prijs in zip(organisaties, prijzen, strict=True)
        ]
    )


def laatste_kwartaal() -> datetime.date:
    """The first day of the last closed quarter: part of the default period."""
    today = timezone.localdate()
    lopend = datetime.date(today.year, (today.month - 1) // 3 * 3 + 1, 1)
    return (lopend - datetime.timedelta(days=1)).replace(day=1, month=(lopend.month - 4) % 12 + 1)


def markt_in_twee_aanbiedingen_en_banden() -> None:
    """Two offers of one package, each bought in two volume bands, in the last closed quarter."""
    aanbieding = AanbiedingFactory()
    ander = AanbiedingFactory(softwarepakket=aanbieding.softwarepakket, leverancier=aanbieding.leverancier)
    organisaties = OrganisatieFactory.create_batch(2)
    for offer in (aanbieding, ander):
        for aantal in (5, 20):
            waarnemingen(offer, organisaties, laatste_kwartaal(), ["10.00", "12.00"], aantal=aantal)
