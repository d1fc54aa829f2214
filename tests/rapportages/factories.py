"""Observations for the statistics' tests, written in bulk as the summary holds them (what the
service derives from orders and licences is tested through the services)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from softwarebroker.rapportages.models import Prijswaarneming


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
