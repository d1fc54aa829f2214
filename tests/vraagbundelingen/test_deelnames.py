"""Joining a round, changing, approving and withdrawing a deelname. A refusal writes nothing."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.utils import timezone

from softwarebroker.catalogus import services as catalogus
from softwarebroker.vraagbundelingen import selectors, services
from softwarebroker.vraagbundelingen.models import Deelname
from tests.bestellingen.helpers import acting

from .support import (
    BROKER,
    Deelnemer,
    bundel_aanbieding,
    fields,
    framework_bundel_aanbieding,
    open_ronde,
    refused,
    rows,
    sluit,
)

pytestmark = pytest.mark.django_db

SCHEMA = {
    "type": "object",
    "properties": {"omgeving": {"enum": ["test", "productie"]}, "gebruikers": {"type": "integer"}},
    "required": ["omgeving"],
}


def _join(deelnemer, ronde, aantal=10, **fields):
    return services.create_deelname(
        acting=deelnemer.afnemer,
        vraagbundeling=ronde,
        organisatie=deelnemer.organisatie,
        aantal=aantal,
        **fields,
    )


def _approve(deelnemer, deelname):
    return services.change_deelname_status(
        acting=deelnemer.budgethouder, deelname=deelname, naar="goedgekeurd"
    )


def test_joining_twice_is_a_conflict():
    a = Deelnemer()
    ronde = open_ronde()
    _join(a, ronde)
    before = rows()

    error = refused(lambda: _join(a, ronde, 20), 409)

    assert error.code == "al_aangemeld"
    assert rows() == before


def test_every_invalid_field_of_a_deelname_is_listed_with_its_path():
    a = Deelnemer()
    ronde = open_ronde(bundel_aanbieding(minimale_afname=25, bestelparameters_schema=SCHEMA))
    before = rows()

    error = refused(lambda: _join(a, ronde, 5, bestelparameters={"gebruikers": "veel"}), 400)

    assert {(problem.field, problem.code) for problem in error.problems} == {
        ("aantal", "minimale_afname"),
        ("bestelparameters.omgeving", "required"),
        ("bestelparameters.gebruikers", "type"),
    }
    assert rows() == before
    deelname = _join(a, ronde, 25, bestelparameters={"omgeving": "test"})
    assert (deelname.aantal, deelname.status) == (25, "aangemeld")


def test_a_change_is_checked_as_a_join_is():
    a = Deelnemer()
    ronde = open_ronde(bundel_aanbieding(minimale_afname=25, bestelparameters_schema=SCHEMA))
    deelname = _join(a, ronde, 30, bestelparameters={"omgeving": "test"})
    before = rows()

    error = refused(
        lambda: services.update_deelname(
            acting=a.afnemer, deelname=deelname, aantal=3, bestelparameters={"omgeving": "acceptatie"}
        ),
        400,
    )

    assert fields(error) == {"aantal", "bestelparameters.omgeving"}
    assert rows() == before


def test_no_joining_on_or_after_the_closing_date_nor_when_the_round_is_not_open():
    a, b = Deelnemer(), Deelnemer()
    ronde = open_ronde(dagen=3)
    deelname = _join(a, ronde)
    before = rows()

    with time_machine.travel(timezone.now() + datetime.timedelta(days=3), tick=False):
        assert refused(lambda: _join(b, ronde), 409).code == "gesloten"
        assert refused(lambda: _approve(a, deelname), 409).code == "gesloten"
        refused(lambda: services.update_deelname(acting=a.afnemer, deelname=deelname, aantal=11), 409)
    assert rows() == before

    sluit(ronde)
    before = rows()
    assert refused(lambda: _join(b, ronde), 409).code == "niet_open"
    assert rows() == before


def test_no_joining_once_the_offer_is_withdrawn():
    a = Deelnemer()
    ronde = open_ronde()
    catalogus.update_aanbieding(
        acting=BROKER, aanbieding=ronde.aanbieding, partial=True, status="ingetrokken"
    )
    before = rows()

    error = refused(lambda: _join(a, ronde), 409)

    assert error.code == "aanbieding"
    assert rows() == before


def test_an_organisation_outside_the_framework_cannot_join():
    initiatiefnemer, buitenstaander = Deelnemer(), Deelnemer()
    ronde = open_ronde(framework_bundel_aanbieding(None, initiatiefnemer.organisatie), initiatiefnemer)
    before = rows()

    error = refused(lambda: _join(buitenstaander, ronde), 400)

    assert [(problem.field, problem.code) for problem in error.problems] == [
        ("organisatie", "geen_deelnemer")
    ]
    assert rows() == before


def test_only_the_own_afnemer_or_the_broker_joins_for_an_organisation():
    a, b = Deelnemer(), Deelnemer()
    ronde = open_ronde()
    before = rows()
    refused(
        lambda: services.create_deelname(
            acting=a.afnemer, vraagbundeling=ronde, organisatie=b.organisatie, aantal=10
        ),
        403,
    )
    assert rows() == before
    deelname = services.create_deelname(
        acting=BROKER, vraagbundeling=ronde, organisatie=b.organisatie, aantal=10
    )
    assert deelname.organisatie_id == b.organisatie.pk


def test_who_joined_does_not_approve_and_only_the_own_budget_holder_does():
    a, b = Deelnemer(), Deelnemer()
    ronde = open_ronde()
    deelname = _join(a, ronde)
    zelfde_persoon = acting("budgethouder", organisatie=a.organisatie, user_id="inkoper@gemeente.nl")
    before = rows()

    assert (
        refused(
            lambda: services.change_deelname_status(
                acting=zelfde_persoon, deelname=deelname, naar="goedgekeurd"
            ),
            403,
        ).code
        == "vier_ogen"
    )
    for other in (b.budgethouder, a.afnemer, BROKER):
        refused(
            lambda other=other: services.change_deelname_status(
                acting=other, deelname=deelname, naar="goedgekeurd"
            ),
            403,
        )
    assert rows() == before

    _approve(a, deelname)
    deelname.refresh_from_db()
    assert (deelname.status, deelname.beoordelaar) == ("goedgekeurd", "budget@gemeente.nl")
    assert selectors.totalen(ronde) == (10, 1)


@pytest.mark.parametrize(
    ("max_eenheidsprijs", "bedrag"),
    [
        # 100 users x the ceiling 9.00 a month x 12
        (Decimal("9.00"), Decimal("10800.00")),
        # no ceiling: the list price of the leading price (the joint-purchase 9.50 a month), no tier
        (None, Decimal("11400.00")),
    ],
)
def test_the_mandate_is_compared_with_the_quantity_times_the_worst_price_for_a_year(
    max_eenheidsprijs, bedrag
):
    krap = Deelnemer(mandaat=bedrag - Decimal("0.01"))
    precies = Deelnemer(mandaat=bedrag)
    ronde = open_ronde()
    te_veel = _join(krap, ronde, 100, max_eenheidsprijs=max_eenheidsprijs)
    past = _join(precies, ronde, 100, max_eenheidsprijs=max_eenheidsprijs)
    assert services.mandaatbedrag(ronde, te_veel) == bedrag
    before = rows()

    error = refused(lambda: _approve(krap, te_veel), 403)

    assert error.code == "mandaat"
    assert f"{bedrag:.2f}" in error.message
    assert rows() == before
    _approve(precies, past)
    assert Deelname.objects.get(pk=past.pk).status == "goedgekeurd"


def test_a_change_after_approval_asks_for_approval_again_but_a_cost_centre_does_not():
    a = Deelnemer()
    ronde = open_ronde()
    deelname = a.doe_mee(ronde, 50)

    services.update_deelname(acting=a.afnemer, deelname=deelname, kostenplaats="KP-1")
    deelname.refresh_from_db()
    assert (deelname.status, deelname.kostenplaats) == ("goedgekeurd", "KP-1")

    services.update_deelname(acting=a.afnemer, deelname=deelname, aantal=60)
    deelname.refresh_from_db()
    assert (deelname.status, deelname.aantal, deelname.beoordelaar, deelname.goedgekeurd_op) == (
        "aangemeld",
        60,
        "",
        None,
    )
    assert selectors.totalen(ronde) == (0, 0)
    assert list(deelname.statuswijzigingen.values_list("naar_status", flat=True)) == [
        "goedgekeurd",
        "aangemeld",
    ]


def test_a_withdrawn_deelname_no_longer_counts_and_the_organisation_may_join_again():
    a = Deelnemer()
    ronde = open_ronde()
    deelname = a.doe_mee(ronde, 50)
    assert selectors.totalen(ronde) == (50, 1)

    services.change_deelname_status(acting=a.budgethouder, deelname=deelname, naar="ingetrokken")

    assert Deelname.objects.get(pk=deelname.pk).status == "ingetrokken"
    assert selectors.totalen(ronde) == (0, 0)
    before = rows()
    # Withdrawn is final, as is approving twice.
    refused(lambda: _approve(a, deelname), 409)
    refused(lambda: services.update_deelname(acting=a.afnemer, deelname=deelname, aantal=5), 409)
    assert rows() == before
    opnieuw = _join(a, ronde, 20)
    assert opnieuw.pk != deelname.pk


def test_wrong_transitions_are_refused_and_write_nothing():
    a, ander = Deelnemer(), Deelnemer()
    ronde = open_ronde(initiatiefnemer=a)
    deelname = a.doe_mee(ronde, 50)
    before = rows()

    assert refused(lambda: _approve(a, deelname), 409).code == "status_overgang"
    assert fields(
        refused(
            lambda: services.change_deelname_status(acting=a.afnemer, deelname=deelname, naar="besteld"), 400
        )
    ) == {"naarStatus"}
    # An afnemer of another organisation does not close, cancel or award someone else's round.
    for naar in ("gesloten", "geannuleerd", "gegund"):
        refused(
            lambda naar=naar: services.change_vraagbundeling_status(
                acting=ander.afnemer, vraagbundeling=ronde, naar=naar
            ),
            403,
        )
    assert (
        refused(
            lambda: services.change_vraagbundeling_status(acting=BROKER, vraagbundeling=ronde, naar="gegund"),
            409,
        ).code
        == "status_overgang"
    )
    assert fields(
        refused(
            lambda: services.change_vraagbundeling_status(acting=BROKER, vraagbundeling=ronde, naar="open"),
            400,
        )
    ) == {"naarStatus"}
    assert rows() == before

    sluit(ronde, a.afnemer)
    before = rows()
    assert refused(lambda: sluit(ronde, a.afnemer), 409).code == "status_overgang"
    assert rows() == before
