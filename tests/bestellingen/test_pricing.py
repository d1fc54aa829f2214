"""Property-based checks of order prices (Decimal only, cents, tiers, totals)."""

import datetime
import uuid
from decimal import Decimal
from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from softwarebroker.bestellingen import pricing

amounts = st.decimals(min_value=0, max_value=100_000, places=2, allow_nan=False, allow_infinity=False)
quantities = st.integers(min_value=1, max_value=100_000)


@st.composite
def staffels(draw):
    starts = sorted(draw(st.sets(st.integers(min_value=2, max_value=5_000), max_size=4)))
    return [{"vanafAantal": start, "bedragExclBtw": f"{draw(amounts):.2f}"} for start in starts]


@st.composite
def prijzen(draw):
    result = []
    for prijstype, periode in draw(
        st.lists(
            st.sampled_from(
                [("eenmalig", ""), ("terugkerend", "maand"), ("terugkerend", "jaar"), ("verbruik", "")]
            ),
            unique_by=lambda pair: pair[0],
            max_size=3,
        )
    ):
        identifier = uuid.uuid4()
        result.append(
            SimpleNamespace(
                uuid=identifier,
                url=f"http://testserver/catalogus/api/v1/prijzen/{identifier}",
                pk=len(result) + 1,
                prijstype=prijstype,
                grondslag="per_eenheid",
                periode=periode,
                doelgroep="iedereen",
                bedrag_excl_btw=draw(amounts),
                btw_percentage=draw(st.sampled_from([Decimal("0.00"), Decimal("9.00"), Decimal("21.00")])),
                staffels=draw(staffels()),
                geldig_vanaf=datetime.date(2026, 1, 1),
            )
        )
    return result


def is_cents(value: Decimal) -> bool:
    return isinstance(value, Decimal) and value.as_tuple().exponent == -2 and value >= 0


@given(base=amounts, tiers=staffels(), aantal=quantities)
def test_the_highest_tier_reached_applies_to_every_unit(base, tiers, aantal):
    unit, tier = pricing.compute_eenheidsprijs(base, tiers, aantal)

    reached = [staffel for staffel in tiers if staffel["vanafAantal"] <= aantal]
    if reached:
        assert tier == reached[-1]["vanafAantal"]
        assert unit == Decimal(reached[-1]["bedragExclBtw"])
    else:
        assert (unit, tier) == (base, None)


@given(lines=st.lists(st.tuples(prijzen(), quantities), min_size=1, max_size=5))
def test_totals_are_the_sums_of_what_each_line_shows(lines):
    regels = []
    for prices, aantal in lines:
        prijs = pricing.compute_regelprijs(prices, aantal)
        snapshot = prijs.momentopname(datetime.date(2026, 1, 1))
        assert all(is_cents(value) for value in (prijs.eenmalig, prijs.per_jaar, prijs.btw))
        # every amount shown is the unit price times the quantity, in cents
        for onderdeel in snapshot["prijzen"]:
            expected = pricing.cents(Decimal(onderdeel["eenheidsprijsExclBtw"]) * aantal)
            assert Decimal(onderdeel["bedragExclBtw"]) == expected
        assert (
            sum((Decimal(onderdeel["btw"]) for onderdeel in snapshot["prijzen"]), Decimal("0.00"))
            == prijs.btw
        )
        eenmalig = sum(
            (
                Decimal(onderdeel["bedragExclBtw"])
                for onderdeel in snapshot["prijzen"]
                if onderdeel["prijstype"] == "eenmalig"
            ),
            Decimal("0.00"),
        )
        assert eenmalig == prijs.eenmalig
        per_jaar = sum(
            (
                Decimal(onderdeel["bedragExclBtw"]) * pricing.TIMES_A_YEAR[onderdeel["periode"]]
                for onderdeel in snapshot["prijzen"]
                if onderdeel["prijstype"] == "terugkerend"
            ),
            Decimal("0.00"),
        )
        assert per_jaar == prijs.per_jaar
        regels.append(
            SimpleNamespace(
                bedrag_eenmalig_excl_btw=prijs.eenmalig,
                bedrag_per_jaar_excl_btw=prijs.per_jaar,
                btw=prijs.btw,
            )
        )

    totals = pricing.compute_totals(regels)

    assert totals.eenmalig == sum((regel.bedrag_eenmalig_excl_btw for regel in regels), Decimal("0.00"))
    assert totals.per_jaar == sum((regel.bedrag_per_jaar_excl_btw for regel in regels), Decimal("0.00"))
    assert totals.btw == sum((regel.btw for regel in regels), Decimal("0.00"))
    assert all(is_cents(value) for value in (totals.eenmalig, totals.per_jaar, totals.btw))


@given(prices=prijzen(), aantal=quantities)
def test_usage_prices_are_recorded_but_never_counted(prices, aantal):
    only_usage = [prijs for prijs in prices if prijs.prijstype == "verbruik"]

    prijs = pricing.compute_regelprijs(only_usage, aantal)

    assert (prijs.eenmalig, prijs.per_jaar, prijs.btw) == (Decimal("0.00"),) * 3
    assert len(prijs.onderdelen) == len(only_usage)


def test_framework_prices_come_before_general_ones():
    prijs_iedereen = SimpleNamespace(
        uuid=uuid.uuid4(),
        url="http://testserver/catalogus/api/v1/prijzen/1",
        pk=1,
        prijstype="eenmalig",
        grondslag="per_eenheid",
        periode="",
        doelgroep="iedereen",
        bedrag_excl_btw=Decimal("100.00"),
        btw_percentage=Decimal("21.00"),
        staffels=[],
        geldig_vanaf=datetime.date(2026, 1, 1),
    )
    prijs_raamovereenkomst = SimpleNamespace(
        **{
            **vars(prijs_iedereen),
            "pk": 2,
            "doelgroep": "raamovereenkomst",
            "bedrag_excl_btw": Decimal("80.00"),
        }
    )

    assert pricing.compute_regelprijs(
        [prijs_iedereen, prijs_raamovereenkomst], 1, raamovereenkomst=True
    ).eenmalig == Decimal("80.00")
    assert pricing.compute_regelprijs(
        [prijs_iedereen, prijs_raamovereenkomst], 1, raamovereenkomst=False
    ).eenmalig == Decimal("100.00")


def prijs(pk, prijstype, grondslag, bedrag, *, periode="", doelgroep="iedereen", staffels=()):
    return SimpleNamespace(
        uuid=uuid.UUID(int=pk),
        url=f"http://testserver/catalogus/api/v1/prijzen/{pk}",
        pk=pk,
        prijstype=prijstype,
        grondslag=grondslag,
        periode=periode,
        doelgroep=doelgroep,
        bedrag_excl_btw=Decimal(bedrag),
        btw_percentage=Decimal("21.00"),
        staffels=[{"vanafAantal": vanaf, "bedragExclBtw": bedrag} for vanaf, bedrag in staffels],
        geldig_vanaf=datetime.date(2026, 1, 1),
    )


def test_a_fee_per_order_counts_once_whatever_the_quantity():
    prices = [
        prijs(1, "eenmalig", "per_bestelling", "12500.00"),
        prijs(2, "terugkerend", "per_eenheid", "420.00", periode="jaar", staffels=[(50, "395.00")]),
    ]

    ten, sixty = pricing.compute_regelprijs(prices, 10), pricing.compute_regelprijs(prices, 60)

    assert (ten.eenmalig, ten.per_jaar) == (Decimal("12500.00"), Decimal("4200.00"))
    assert (sixty.eenmalig, sixty.per_jaar) == (Decimal("12500.00"), Decimal("23700.00"))
    assert sixty.btw == Decimal("7602.00")  # 21% of 12500.00 (2625.00) and of 23700.00 (4977.00)
    fee = sixty.onderdelen[0]
    assert fee["grondslag"] == "per_bestelling"
    assert (fee["aantal"], fee["eenheidsprijsExclBtw"], fee["bedragExclBtw"]) == (1, "12500.00", "12500.00")
    assert fee["staffelVanafAantal"] is None
    assert sixty.onderdelen[1]["grondslag"] == "per_eenheid"
    assert sixty.onderdelen[1]["aantal"] == 60


def test_a_fee_per_order_beside_a_one_time_price_per_unit():
    prices = [
        prijs(1, "eenmalig", "per_eenheid", "350.00", staffels=[(100, "315.00")]),
        prijs(2, "eenmalig", "per_bestelling", "2500.00"),
    ]

    line = pricing.compute_regelprijs(prices, 100)

    assert line.eenmalig == Decimal("34000.00")  # 100 x 315.00 + 2500.00
    assert [part["grondslag"] for part in line.onderdelen] == ["per_bestelling", "per_eenheid"]


def test_the_framework_price_is_chosen_per_grondslag():
    prices = [
        prijs(1, "eenmalig", "per_bestelling", "9500.00"),
        prijs(2, "eenmalig", "per_bestelling", "7500.00", doelgroep="raamovereenkomst"),
        prijs(3, "eenmalig", "per_eenheid", "2.00"),
    ]

    line = pricing.compute_regelprijs(prices, 1000, raamovereenkomst=True)

    # the framework's fee replaces the general fee, the general price per unit still applies
    assert line.eenmalig == Decimal("9500.00")  # 7500.00 + 1000 x 2.00
    assert [part["prijs"] for part in line.onderdelen] == [prices[1].url, prices[2].url]
