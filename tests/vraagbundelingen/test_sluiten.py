"""Closing a round: who stays, at which price, and when it is cancelled."""

from decimal import Decimal

import pytest
from django.utils import timezone

from softwarebroker.bestellingen.models import Bestelling
from softwarebroker.vraagbundelingen.models import Deelname

from .support import Deelnemer, bundel_aanbieding, gun, open_ronde, sluit

pytestmark = pytest.mark.django_db


def _status(deelnemer):
    return Deelname.objects.get(organisatie=deelnemer.organisatie).status


def test_deelnames_not_approved_at_closing_drop_out():
    a, b = Deelnemer(), Deelnemer()
    ronde = open_ronde(initiatiefnemer=a)
    a.doe_mee(ronde, 50)
    b.doe_mee(ronde, 70, goedkeuren=False)

    sluit(ronde)

    ronde.refresh_from_db()
    assert (_status(a), _status(b)) == ("goedgekeurd", "afgehaakt")
    assert (ronde.status, ronde.gebundeld_aantal) == ("gesloten", 50)
    wijziging = Deelname.objects.get(organisatie=b.organisatie).statuswijzigingen.last()
    assert (wijziging.van_status, wijziging.naar_status) == ("aangemeld", "afgehaakt")


def test_a_drop_out_that_raises_the_price_makes_another_drop_out_until_stable():
    a, b, c = Deelnemer(), Deelnemer(), Deelnemer()
    ronde = open_ronde(initiatiefnemer=a)
    a.doe_mee(ronde, 300)
    b.doe_mee(ronde, 150, max_eenheidsprijs=Decimal("7.00"))
    c.doe_mee(ronde, 100, max_eenheidsprijs=Decimal("6.50"))

    sluit(ronde)

    # 550 reach 7.00 (from 500): c (6.50) drops out; 450 reach only 8.00 (from 200): b (7.00)
    # drops out too; 300 stay at 8.00.
    ronde.refresh_from_db()
    assert (_status(a), _status(b), _status(c)) == ("goedgekeurd", "afgehaakt", "afgehaakt")
    assert (ronde.gebundeld_aantal, ronde.eenheidsprijs, ronde.bereikte_staffel) == (
        300,
        Decimal("8.00"),
        200,
    )
    toelichting = Deelname.objects.get(organisatie=b.organisatie).statuswijzigingen.last().toelichting
    assert "8.00" in toelichting


def test_below_the_minimum_the_round_is_cancelled_and_nothing_can_be_awarded():
    a, b = Deelnemer(), Deelnemer()
    ronde = open_ronde(initiatiefnemer=a, minimum_aantal=500)
    a.doe_mee(ronde, 300)
    b.doe_mee(ronde, 150)

    sluit(ronde)

    ronde.refresh_from_db()
    assert (ronde.status, ronde.gebundeld_aantal) == ("geannuleerd", 450)
    assert "450" in ronde.statuswijzigingen.last().toelichting
    with pytest.raises(Exception) as raised:
        gun(ronde)
    assert raised.value.status == 409
    assert Bestelling.objects.count() == 0


def test_exactly_the_minimum_closes():
    a, b = Deelnemer(), Deelnemer()
    ronde = open_ronde(initiatiefnemer=a, minimum_aantal=450)
    a.doe_mee(ronde, 300)
    b.doe_mee(ronde, 150)
    sluit(ronde)
    ronde.refresh_from_db()
    assert ronde.status == "gesloten"


@pytest.mark.parametrize(
    ("aantal", "eenheidsprijs", "staffel"),
    [
        # The joint-purchase price applies before the general one, even where the general tier
        # (9.00 from 100) would be lower: the supplier offered the round its own prices.
        (50, Decimal("9.50"), None),
        (150, Decimal("9.50"), None),
        (200, Decimal("8.00"), 200),
        (500, Decimal("7.00"), 500),
    ],
)
def test_the_joint_purchase_prices_apply_before_the_general_ones(aantal, eenheidsprijs, staffel):
    a = Deelnemer()
    ronde = open_ronde(initiatiefnemer=a)
    a.doe_mee(ronde, aantal)
    sluit(ronde)
    ronde.refresh_from_db()
    assert (ronde.eenheidsprijs, ronde.bereikte_staffel) == (eenheidsprijs, staffel)


def test_a_fee_per_order_is_paid_once_per_order_and_the_estimated_value_counts_the_full_term():
    a, b = Deelnemer(), Deelnemer()
    ronde = open_ronde(bundel_aanbieding(looptijd_maanden=36, verlenging="geen"), initiatiefnemer=a)
    a.doe_mee(ronde, 120)
    b.doe_mee(ronde, 90)

    sluit(ronde)
    ronde.refresh_from_db()
    # 210 x 8.00 x 36 months + 2 x 500.00
    assert ronde.geschatte_waarde == Decimal("61480.00")

    gun(ronde)
    bestellingen = {b.besteller_id: b for b in Bestelling.objects.all()}
    assert {b.totaal_eenmalig_excl_btw for b in bestellingen.values()} == {Decimal("500.00")}
    assert bestellingen[b.organisatie.pk].totaal_per_jaar_excl_btw == Decimal("8640.00")  # 90 x 8 x 12


def test_a_per_inhabitant_offer_counts_the_inhabitants():
    groot = Deelnemer(inwonertal=150_000, mandaat=Decimal("99999999.00"))
    klein = Deelnemer(inwonertal=60_000, mandaat=Decimal("99999999.00"))
    aanbieding = bundel_aanbieding(licentiemodel="per_inwoner", eenheid="inwoner")
    ronde = open_ronde(aanbieding, groot)
    # The quantity given does not count: the organisation's inhabitants do.
    deelname = groot.doe_mee(ronde, 1)
    klein.doe_mee(ronde, None)

    assert deelname.aantal == 150_000
    sluit(ronde)
    ronde.refresh_from_db()
    assert (ronde.gebundeld_aantal, ronde.eenheidsprijs) == (210_000, Decimal("7.00"))


def test_the_price_day_is_the_closing_day():
    a = Deelnemer()
    ronde = open_ronde(initiatiefnemer=a)
    a.doe_mee(ronde, 10)
    sluit(ronde)
    ronde.refresh_from_db()
    assert ronde.prijsdatum == timezone.localdate()
