"""Demo joint purchase round: Voorbeeldstad opens one on the reseller's Kantoorwolk offer (the
demo offer with a price for joint purchases), Voorbeeldstad and Proefdorp join, and their
budget holders approve.

Made through the same services the API uses, by the demo API clients (as their people), as
the demo orders are. Loading twice changes nothing: the demo round is known by its name and
initiator while it is open. Its closing date lies four weeks after the day it was opened
(before the offer ends); a demo round whose closing date has come (the worker was not running)
is closed here first, as the periodic job would have, and a new one is opened, so the demo
always has an open round.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from softwarebroker.catalogus.models import Aanbieding
from softwarebroker.organisaties.models import Organisatie
from softwarebroker.vraagbundelingen import services
from softwarebroker.vraagbundelingen.constants import ACTIEF, DeelnameStatus, VraagbundelingStatus
from softwarebroker.vraagbundelingen.models import Deelname, Vraagbundeling

from .bestellingen import acting_as
from .catalogus import DEMO

AANBIEDING = "Kantoorwolk Online EU-datagrens (reseller)"
NAAM = "Kantoorwolk Online EU-datagrens 2027 (demo)"
TOELICHTING = "Gezamenlijke inkoop van kantoorlicenties met opslag binnen de EU."
LOOPTIJD = datetime.timedelta(weeks=4)

# (gemeente, OIN, aantal, maxEenheidsprijs, bestelparameters, kostenplaats)
DEELNAMES = [
    (
        "voorbeeldstad",
        "00000001001589623000",
        400,
        Decimal("110.00"),
        {"domeinnaam": "kantoor.voorbeeldstad.nl", "beheerderEmail": "beheer@voorbeeldstad.nl"},
        "ICT-WERKPLEK",
    ),
    (
        "proefdorp",
        "00000001002564440000",
        75,
        None,
        {"domeinnaam": "kantoor.proefdorp.nl", "beheerderEmail": "ict@proefdorp.nl"},
        "ICT-DEMO",
    ),
]


def _sluitingsdatum(aanbieding) -> datetime.date | None:
    """Four weeks from today, or the offer's last day when it ends before (None: too late)."""
    today = timezone.localdate()
    sluitingsdatum = today + LOOPTIJD
    if aanbieding.geldig_tot is not None:
        sluitingsdatum = min(sluitingsdatum, aanbieding.geldig_tot - datetime.timedelta(days=1))
    return sluitingsdatum if sluitingsdatum > today else None


def _open_round(aanbieding, initiatiefnemer) -> tuple[Vraagbundeling | None, int]:
    """The open demo round, opened now when there is none (after closing an overdue one);
    None once the offer no longer runs long enough for a round."""
    vraagbundeling = Vraagbundeling.objects.filter(
        naam=NAAM, initiatiefnemer=initiatiefnemer, status=VraagbundelingStatus.OPEN
    ).first()
    if vraagbundeling is not None and vraagbundeling.sluitingsdatum > timezone.localdate():
        return vraagbundeling, 0
    if vraagbundeling is not None:
        services.change_vraagbundeling_status(
            acting=DEMO,
            vraagbundeling=vraagbundeling,
            naar=VraagbundelingStatus.GESLOTEN,
            toelichting="Sluitingsdatum bereikt.",
        )
    sluitingsdatum = _sluitingsdatum(aanbieding)
    if sluitingsdatum is None:
        return None, 0
    vraagbundeling = services.open_vraagbundeling(
        acting=acting_as("voorbeeldstad-afnemer"),
        aanbieding=aanbieding,
        initiatiefnemer=initiatiefnemer,
        naam=NAAM,
        toelichting=TOELICHTING,
        sluitingsdatum=sluitingsdatum,
        minimum_aantal=100,
    )
    return vraagbundeling, 1


def load_vraagbundelingen_demo() -> int:
    aanbieding = Aanbieding.objects.get(naam=AANBIEDING)
    organisaties = Organisatie.objects.in_bulk([oin for _, oin, *_ in DEELNAMES], field_name="oin")
    vraagbundeling, created = _open_round(aanbieding, organisaties[DEELNAMES[0][1]])
    if vraagbundeling is None:
        return 0
    for gemeente, oin, aantal, max_eenheidsprijs, bestelparameters, kostenplaats in DEELNAMES:
        organisatie = organisaties[oin]
        deelname = Deelname.objects.filter(
            vraagbundeling=vraagbundeling, organisatie=organisatie, status__in=sorted(ACTIEF)
        ).first()
        if deelname is None:
            deelname = services.create_deelname(
                acting=acting_as(f"{gemeente}-afnemer"),
                vraagbundeling=vraagbundeling,
                organisatie=organisatie,
                aantal=aantal,
                max_eenheidsprijs=max_eenheidsprijs,
                bestelparameters=bestelparameters,
                kostenplaats=kostenplaats,
            )
            created += 1
        if deelname.status == DeelnameStatus.AANGEMELD:
            services.change_deelname_status(
                acting=acting_as(f"{gemeente}-budgethouder"),
                deelname=deelname,
                naar=DeelnameStatus.GOEDGEKEURD,
                toelichting="Past in de begroting.",
            )
    return created
