"""The call-off value of an order: one-time costs plus the recurring costs over the offer's full
term, renewals included, counted against its framework's maximum value."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from softwarebroker.bestellingen import pricing, services
from softwarebroker.bestellingen.services.regels import volledige_looptijd_maanden
from softwarebroker.catalogus.models import Aanbieding
from softwarebroker.core.errors import DomainError
from softwarebroker.federatie.models import PeerAanbieding
from tests.catalogus.factories import LeverancierFactory, PrijsFactory, RaamovereenkomstFactory

from .helpers import SAAS_36_2X12, Partijen, aanbieding_with_prijzen, framework_offer


def _termijnen(looptijd, verlenging="automatisch", verlengingstermijn=None, max_verlengingen=None):
    return Aanbieding(
        looptijd_maanden=looptijd,
        verlenging=verlenging,
        verlengingstermijn_maanden=verlengingstermijn,
        max_verlengingen=max_verlengingen,
    )


# --- the computation ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("aanbieding", "maanden"),
    [
        # 36 months and at most two renewals of 12: 60 months.
        (_termijnen(36, verlengingstermijn=12, max_verlengingen=2), 60),
        # A renewal as long as the term when it has no term of its own.
        (_termijnen(36, max_verlengingen=1), 72),
        # No fixed term: 48 months.
        (_termijnen(None), 48),
        (_termijnen(None, verlenging="geen"), 48),
        # Renewals without limit: 48 months, or the term when it is longer.
        (_termijnen(12, verlengingstermijn=12), 48),
        (_termijnen(60), 60),
        # Without renewal the term only, whatever the renewal fields say.
        (_termijnen(36, verlenging="geen"), 36),
        (_termijnen(24, verlenging="geen", verlengingstermijn=12, max_verlengingen=3), 24),
        (_termijnen(24, verlenging="handmatig", verlengingstermijn=12, max_verlengingen=0), 24),
    ],
)
def test_months_of_the_full_term(aanbieding, maanden):
    assert volledige_looptijd_maanden(aanbieding) == maanden


def test_months_of_a_peers_offer_come_from_its_representation():
    terms = {"looptijdMaanden": 24, "verlenging": "automatisch"}
    assert volledige_looptijd_maanden(PeerAanbieding(gegevens={**terms, "maxVerlengingen": 2})) == 72
    assert (
        volledige_looptijd_maanden(
            PeerAanbieding(gegevens={**terms, "maxVerlengingen": 2, "verlengingstermijnMaanden": 12})
        )
        == 48
    )
    # An older peer without the terms: renewals without limit.
    assert volledige_looptijd_maanden(PeerAanbieding(gegevens=terms)) == 48


def test_the_call_off_value_counts_the_recurring_costs_over_the_months():
    # One-time 1000.00, 100.00 a year, 36 months and two renewals of 12: 100.00 x 60 / 12.
    assert pricing.compute_afroepwaarde(Decimal("1000.00"), Decimal("100.00"), 60) == Decimal("1500.00")
    assert pricing.compute_afroepwaarde(Decimal("0.00"), Decimal("100.00"), 48) == Decimal("400.00")
    assert pricing.compute_afroepwaarde(Decimal("250.00"), Decimal("0.00"), 36) == Decimal("250.00")


def test_the_call_off_value_is_rounded_to_cents_half_up():
    # 0.06 for one month is 0.005: up to 0.01; 0.07 for 7 months is 0.04083...: 0.04.
    assert pricing.compute_afroepwaarde(Decimal("0.00"), Decimal("0.06"), 1) == Decimal("0.01")
    assert pricing.compute_afroepwaarde(Decimal("0.00"), Decimal("0.07"), 7) == Decimal("0.04")
    assert pricing.compute_afroepwaarde(Decimal("10.00"), Decimal("99.99"), 13) == Decimal("118.32")


# --- at submission ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_submission_fixes_the_call_off_value_over_the_full_term():
    raamovereenkomst, aanbieding = framework_offer(Decimal("100000.00"), **SAAS_36_2X12)
    partijen = Partijen(aanbieding)
    raamovereenkomst.deelnemers.add(partijen.organisatie)

    bestelling = partijen.bestelling(aantal=10)
    services.change_status(acting=partijen.afnemer, bestelling=bestelling, naar="ter_goedkeuring")

    bestelling.refresh_from_db()
    # 10 x 100.00 one-time, 10 x 10.00 a year over 60 months.
    assert (bestelling.totaal_eenmalig_excl_btw, bestelling.totaal_per_jaar_excl_btw) == (
        Decimal("1000.00"),
        Decimal("100.00"),
    )
    assert bestelling.afroepwaarde_excl_btw == Decimal("1500.00")


@pytest.mark.django_db
def test_each_line_counts_over_its_own_offers_term():
    leverancier = LeverancierFactory()
    drie_jaar = aanbieding_with_prijzen(leverancier=leverancier, looptijd_maanden=36, verlenging="geen")
    open_einde = aanbieding_with_prijzen(leverancier=leverancier)  # no term: 48 months
    partijen = Partijen(drie_jaar)

    bestelling = services.create_bestelling(
        acting=partijen.afnemer,
        besteller=partijen.organisatie,
        regels=[{"aanbieding": drie_jaar, "aantal": 1}, {"aanbieding": open_einde, "aantal": 2}],
    )

    # (100.00 + 10.00 x 36 / 12) + (200.00 + 20.00 x 48 / 12)
    assert bestelling.afroepwaarde_excl_btw == Decimal("130.00") + Decimal("280.00")


@pytest.mark.django_db
def test_a_submission_beyond_the_maximum_names_the_remaining_and_its_own_value():
    raamovereenkomst, aanbieding = framework_offer(Decimal("2000.00"), **SAAS_36_2X12)
    partijen = Partijen(aanbieding)
    raamovereenkomst.deelnemers.add(partijen.organisatie)
    partijen.ingediend(aantal=10)  # 1500.00 called off: 500.00 left

    second = partijen.bestelling(aantal=4)  # 400.00 + 40.00 x 5 = 600.00
    with pytest.raises(DomainError) as raised:
        services.change_status(acting=partijen.afnemer, bestelling=second, naar="ter_goedkeuring")

    assert (raised.value.status, raised.value.code) == (409, "maximale_waarde")
    assert "600.00" in raised.value.message and "500.00" in raised.value.message
    second.refresh_from_db()
    assert second.status == "concept"

    third = partijen.bestelling(aantal=3)  # 300.00 + 30.00 x 5 = 450.00: fits
    services.change_status(acting=partijen.afnemer, bestelling=third, naar="ter_goedkeuring")
    third.refresh_from_db()
    assert (third.status, third.afroepwaarde_excl_btw) == ("ter_goedkeuring", Decimal("450.00"))


@pytest.mark.django_db
def test_withdrawn_orders_free_their_call_off_value():
    raamovereenkomst, aanbieding = framework_offer(Decimal("1500.00"), **SAAS_36_2X12)
    partijen = Partijen(aanbieding)
    raamovereenkomst.deelnemers.add(partijen.organisatie)
    first = partijen.ingediend(aantal=10)  # exactly the maximum
    second = partijen.bestelling(aantal=10)
    with pytest.raises(DomainError):
        services.change_status(acting=partijen.afnemer, bestelling=second, naar="ter_goedkeuring")

    services.change_status(acting=partijen.afnemer, bestelling=first, naar="ingetrokken")
    services.change_status(acting=partijen.afnemer, bestelling=second, naar="ter_goedkeuring")

    second.refresh_from_db()
    assert second.status == "ter_goedkeuring"


@pytest.mark.django_db
def test_prices_changed_before_submission_count_at_their_new_value():
    raamovereenkomst, aanbieding = framework_offer(Decimal("100000.00"), **SAAS_36_2X12)
    partijen = Partijen(aanbieding)
    raamovereenkomst.deelnemers.add(partijen.organisatie)
    bestelling = partijen.bestelling(aantal=1)
    assert bestelling.afroepwaarde_excl_btw == Decimal("150.00")  # the estimate of the concept

    PrijsFactory(
        aanbieding=aanbieding,
        prijstype="terugkerend",
        periode="maand",
        bedrag_excl_btw=Decimal("2.00"),
        doelgroep="raamovereenkomst",
        geldig_vanaf=datetime.date(2020, 1, 1),
        geldig_tot=None,
    )
    services.change_status(acting=partijen.afnemer, bestelling=bestelling, naar="ter_goedkeuring")

    bestelling.refresh_from_db()
    # The framework's own price: 2.00 a month, 24.00 a year, over 60 months.
    assert bestelling.afroepwaarde_excl_btw == Decimal("100.00") + Decimal("120.00")


# --- through the APIs ---------------------------------------------------------------------------

CATALOGUS = "/catalogus/api/v1"


def _framework_with_orders(maximale_waarde):
    """A framework with orders in every kind of state: 1500.00 ingediend and 300.00 awaiting
    approval count; a concept and a withdrawn order do not."""
    raamovereenkomst, aanbieding = framework_offer(maximale_waarde, **SAAS_36_2X12)
    partijen = Partijen(aanbieding)
    raamovereenkomst.deelnemers.add(partijen.organisatie)
    ingediend = partijen.ingediend(aantal=10)
    ter_goedkeuring = partijen.bestelling(aantal=2)
    services.change_status(acting=partijen.afnemer, bestelling=ter_goedkeuring, naar="ter_goedkeuring")
    partijen.bestelling(aantal=5)
    ingetrokken = partijen.bestelling(aantal=7)
    services.change_status(acting=partijen.afnemer, bestelling=ingetrokken, naar="ingetrokken")
    return raamovereenkomst, aanbieding, ingediend


@pytest.mark.django_db
def test_a_framework_shows_its_called_off_and_remaining_value(client):
    raamovereenkomst, aanbieding, _ = _framework_with_orders(Decimal("10000.00"))

    body = client.get(f"{CATALOGUS}/raamovereenkomsten/{raamovereenkomst.uuid}").json()

    assert (body["maximaleWaarde"], body["afgeroepenWaarde"], body["resterendeWaarde"]) == (
        "10000.00",
        "1800.00",
        "8200.00",
    )
    expanded = client.get(f"{CATALOGUS}/aanbiedingen/{aanbieding.uuid}?expand=raamovereenkomst").json()
    assert expanded["_expand"]["raamovereenkomst"]["afgeroepenWaarde"] == "1800.00"


@pytest.mark.django_db
def test_without_a_maximum_nothing_remains_to_show(client):
    raamovereenkomst, _, _ = _framework_with_orders(None)
    leeg = RaamovereenkomstFactory()

    body = client.get(f"{CATALOGUS}/raamovereenkomsten/{raamovereenkomst.uuid}").json()
    assert (body["maximaleWaarde"], body["afgeroepenWaarde"], body["resterendeWaarde"]) == (
        None,
        "1800.00",
        None,
    )
    body = client.get(f"{CATALOGUS}/raamovereenkomsten/{leeg.uuid}").json()
    assert (body["afgeroepenWaarde"], body["resterendeWaarde"]) == ("0.00", None)


@pytest.mark.django_db
def test_the_values_of_a_list_of_frameworks_cost_no_query_per_framework(client):
    _framework_with_orders(Decimal("10000.00"))

    def queries():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(f"{CATALOGUS}/raamovereenkomsten")
        assert response.status_code == 200
        return len(captured), response.json()

    one, _ = queries()
    for waarde in ("2500000.00", None, "0.00"):
        RaamovereenkomstFactory(maximale_waarde=None if waarde is None else Decimal(waarde))
    four, body = queries()

    assert four == one
    by_name = {item["naam"]: item for item in body["results"]}
    assert len(by_name) == 4
    assert sorted(item["afgeroepenWaarde"] for item in by_name.values()) == [
        "0.00",
        "0.00",
        "0.00",
        "1800.00",
    ]


@pytest.mark.django_db
def test_an_order_shows_its_call_off_value(client):
    _, _, ingediend = _framework_with_orders(Decimal("10000.00"))

    body = client.get(f"/bestellingen/api/v1/bestellingen/{ingediend.uuid}").json()

    assert body["afroepwaardeExclBtw"] == "1500.00"
    assert (body["totaalEenmaligExclBtw"], body["totaalPerJaarExclBtw"]) == ("1000.00", "100.00")
