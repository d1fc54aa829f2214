"""A round from opening to award, through the services."""

from decimal import Decimal

import pytest

from softwarebroker.bestellingen.models import Bestelling, Licentie
from softwarebroker.vraagbundelingen.models import Deelname

from .support import Deelnemer, gun, open_ronde, sluit

pytestmark = pytest.mark.django_db


def test_pooled_quantity_reaches_the_joint_tier_and_the_award_orders_at_that_price():
    a, b, c = Deelnemer(), Deelnemer(), Deelnemer()
    ronde = open_ronde(initiatiefnemer=a)
    a.doe_mee(ronde, 120)
    b.doe_mee(ronde, 90)
    c.doe_mee(ronde, 40, max_eenheidsprijs=Decimal("7.50"))

    sluit(ronde)
    ronde.refresh_from_db()
    # 250 users reach the joint tier from 200 (8.00); c wanted at most 7.50 and drops out,
    # 210 still reach it.
    assert ronde.status == "gesloten"
    assert (ronde.gebundeld_aantal, ronde.eenheidsprijs, ronde.bereikte_staffel) == (
        210,
        Decimal("8.00"),
        200,
    )
    assert Deelname.objects.get(organisatie=c.organisatie).status == "afgehaakt"

    gun(ronde)
    ronde.refresh_from_db()
    assert ronde.status == "gegund"
    orders = {o.besteller_id: o for o in Bestelling.objects.all()}
    assert len(orders) == 2
    order_a = orders[a.organisatie.pk]
    assert order_a.status == "ingediend"
    # 120 x 8.00 a month = 11,520.00 a year; the one-time fee once per order.
    assert (order_a.totaal_per_jaar_excl_btw, order_a.totaal_eenmalig_excl_btw) == (
        Decimal("11520.00"),
        Decimal("500.00"),
    )
    assert Licentie.objects.filter(status="aangevraagd").count() == 2
    assert Deelname.objects.get(organisatie=a.organisatie).bestelling == order_a
