"""The demo's joint purchase round: open, on the offer with a joint-purchase price, joined by
Voorbeeldstad and Proefdorp and approved by their budget holders; loading twice changes nothing."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from softwarebroker.audit.models import AuditTrail
from softwarebroker.autorisaties.context import Acting
from softwarebroker.autorisaties.models import Applicatie
from softwarebroker.catalogus.constants import Doelgroep
from softwarebroker.catalogus.models import Aanbieding
from softwarebroker.demo.bestellingen import acting_as
from softwarebroker.demo.vraagbundelingen import AANBIEDING, NAAM
from softwarebroker.organisaties.models import Organisatie
from softwarebroker.vraagbundelingen import selectors, services
from softwarebroker.vraagbundelingen.models import Deelname, Vraagbundeling

pytestmark = pytest.mark.django_db

DAY = datetime.datetime(2026, 6, 1, 9, tzinfo=datetime.UTC)


def load():
    call_command("load_demo_data", verbosity=0)


def test_an_open_round_joined_by_two_municipalities_and_approved_by_their_budget_holders():
    with time_machine.travel(DAY, tick=False):
        load()

        (ronde,) = Vraagbundeling.objects.all()
        assert (ronde.naam, ronde.status) == (NAAM, "open")
        assert ronde.aanbieding.naam == AANBIEDING
        assert ronde.aanbieding.prijzen.filter(doelgroep=Doelgroep.VRAAGBUNDELING).exists()
        assert ronde.initiatiefnemer.naam == "Gemeente Voorbeeldstad"
        assert ronde.sluitingsdatum == datetime.date(2026, 6, 29) > timezone.localdate()
        deelnames = {
            deelname.organisatie.naam: deelname
            for deelname in Deelname.objects.filter(vraagbundeling=ronde).select_related("organisatie")
        }
        assert set(deelnames) == {"Gemeente Voorbeeldstad", "Gemeente Proefdorp"}
        for deelname in deelnames.values():
            assert deelname.status == "goedgekeurd"
            assert deelname.beoordelaar.startswith("budgethouder@") and deelname.goedgekeurd_op
            assert deelname.aanvrager.startswith("inkoper@")
            assert deelname.bestelling is None
        aantallen = {naam: deelname.aantal for naam, deelname in deelnames.items()}
        assert aantallen == {"Gemeente Voorbeeldstad": 400, "Gemeente Proefdorp": 75}
        assert selectors.totalen(ronde) == (475, 2)
        # Opened, joined and approved through the services: audited with the demo as source.
        assert AuditTrail.objects.filter(hoofd_object_uuid=ronde.uuid, bron="demo").count() == 5


def test_loading_twice_changes_nothing():
    with time_machine.travel(DAY, tick=False):
        load()
        rows = (
            Vraagbundeling.objects.count(),
            Deelname.objects.count(),
            AuditTrail.objects.count(),
            list(Deelname.objects.values_list("versie", "status")),
        )
        load()

        assert rows == (
            Vraagbundeling.objects.count(),
            Deelname.objects.count(),
            AuditTrail.objects.count(),
            list(Deelname.objects.values_list("versie", "status")),
        )
        assert rows[:2] == (1, 2)


def test_a_round_past_its_closing_date_is_closed_and_a_new_one_opened():
    with time_machine.travel(DAY, tick=False):
        load()
    with time_machine.travel(DAY + datetime.timedelta(days=40), tick=False):
        load()

        gesloten, open_ = Vraagbundeling.objects.order_by("aangemaakt_op")
        assert (gesloten.status, gesloten.gebundeld_aantal) == ("gesloten", 475)
        assert open_.status == "open" and open_.sluitingsdatum == datetime.date(2026, 8, 8)
        assert selectors.totalen(open_) == (475, 2)


def test_the_readme_round_at_the_pooled_price():
    """The README's walk-through, through the services on the demo data: 300 and 60 users at
    the joint-purchase price, the amounts the README shows."""
    with time_machine.travel(DAY, tick=False):
        load()
        voorbeeldstad, proefdorp = (
            Organisatie.objects.get(naam=f"Gemeente {naam}") for naam in ("Voorbeeldstad", "Proefdorp")
        )
        ronde = services.open_vraagbundeling(
            acting=acting_as("voorbeeldstad-afnemer"),
            aanbieding=Aanbieding.objects.get(naam=AANBIEDING),
            initiatiefnemer=voorbeeldstad,
            naam="Kantoorwolk samen",
            sluitingsdatum=timezone.localdate() + datetime.timedelta(days=14),
            minimum_aantal=100,
        )
        for gemeente, organisatie, aantal, maximum, domein in [
            ("voorbeeldstad", voorbeeldstad, 300, Decimal("110.00"), "kantoor.voorbeeldstad.nl"),
            ("proefdorp", proefdorp, 60, None, "kantoor.proefdorp.nl"),
        ]:
            deelname = services.create_deelname(
                acting=acting_as(f"{gemeente}-afnemer"),
                vraagbundeling=ronde,
                organisatie=organisatie,
                aantal=aantal,
                max_eenheidsprijs=maximum,
                bestelparameters={"domeinnaam": domein, "beheerderEmail": f"beheer@{gemeente}.nl"},
                kostenplaats="ICT-2026",
            )
            services.change_deelname_status(
                acting=acting_as(f"{gemeente}-budgethouder"), deelname=deelname, naar="goedgekeurd"
            )
        assert selectors.totalen(ronde) == (360, 2)
        services.change_vraagbundeling_status(
            acting=acting_as("voorbeeldstad-afnemer"), vraagbundeling=ronde, naar="gesloten"
        )
        ronde.refresh_from_db()
        assert (ronde.status, ronde.gebundeld_aantal, ronde.eenheidsprijs, ronde.bereikte_staffel) == (
            "gesloten",
            360,
            Decimal("104.00"),
            None,
        )
        assert ronde.geschatte_waarde == Decimal("149760.00")
        services.change_vraagbundeling_status(
            acting=Acting.for_applicatie(Applicatie.objects.get(client_id="broker-demo")),
            vraagbundeling=ronde,
            naar="gegund",
        )

        totals = {
            deelname.organisatie.naam: (
                deelname.status,
                deelname.bestelling.status,
                deelname.bestelling.totaal_eenmalig_excl_btw,
                deelname.bestelling.totaal_per_jaar_excl_btw,
                deelname.bestelling.totaal_btw,
            )
            for deelname in ronde.deelnames.select_related("organisatie", "bestelling")
        }
        assert totals == {
            "Gemeente Voorbeeldstad": (
                "besteld",
                "ingediend",
                Decimal("0.00"),
                Decimal("31200.00"),
                Decimal("6552.00"),
            ),
            "Gemeente Proefdorp": (
                "besteld",
                "ingediend",
                Decimal("0.00"),
                Decimal("6240.00"),
                Decimal("1310.40"),
            ),
        }
