"""Order totals over random price sets, against a reference computation written here.

The reference works in whole cents (integers) and picks the applicable prices its own way; it
calls nothing of ``bestellingen.pricing``. A price set holds at most one price per prijstype,
grondslag and doelgroep, as the catalogue's no-overlap constraint guarantees for any day.
"""

import datetime
import uuid
from decimal import Decimal
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from softwarebroker.bestellingen import pricing

EXAMPLES = settings(max_examples=60, deadline=None)

# Up to 50,000.00; often ending in .50, which at 21% btw leaves half a cent to round.
cents_amounts = st.one_of(
    st.integers(min_value=0, max_value=5_000_000), st.integers(0, 49_999).map(lambda n: n * 100 + 50)
)
btw_hundredths = st.one_of(st.sampled_from([0, 900, 2100]), st.integers(min_value=0, max_value=10_000))
quantities = st.integers(min_value=1, max_value=200_000)

KINDS = [
    # (prijstype, grondslag): a usage price is always per unit
    ("eenmalig", "per_eenheid"),
    ("eenmalig", "per_bestelling"),
    ("terugkerend", "per_eenheid"),
    ("terugkerend", "per_bestelling"),
    ("verbruik", "per_eenheid"),
]
DOELGROEPEN = ["iedereen", "raamovereenkomst", "vraagbundeling"]


def as_money(cents: int) -> Decimal:
    return Decimal(cents).scaleb(-2).quantize(Decimal("0.01"))


@st.composite
def tiers(draw, base: int):
    starts = sorted(draw(st.sets(st.integers(min_value=2, max_value=150_000), max_size=3)))
    amounts = draw(st.lists(st.integers(0, base), min_size=len(starts), max_size=len(starts)))
    amounts.sort(reverse=True)
    return list(zip(starts, amounts, strict=True))


@st.composite
def price_sets(draw):
    keys = draw(
        st.lists(st.tuples(st.sampled_from(KINDS), st.sampled_from(DOELGROEPEN)), unique=True, max_size=7)
    )
    prices = []
    for (prijstype, grondslag), doelgroep in keys:
        base = draw(cents_amounts)
        staffels = draw(tiers(base)) if grondslag == "per_eenheid" else []
        identifier = uuid.uuid4()
        prices.append(
            SimpleNamespace(
                uuid=identifier,
                url=f"http://testserver/catalogus/api/v1/prijzen/{identifier}",
                pk=len(prices) + 1,
                prijstype=prijstype,
                grondslag=grondslag,
                periode=draw(st.sampled_from(["maand", "jaar"])) if prijstype == "terugkerend" else "",
                doelgroep=doelgroep,
                bedrag_excl_btw=as_money(base),
                btw_percentage=as_money(draw(btw_hundredths)),
                staffels=[{"vanafAantal": start, "bedragExclBtw": f"{as_money(c)}"} for start, c in staffels],
                geldig_vanaf=datetime.date(2026, 1, 1),
                # the reference reads these, the code under test the fields above
                ref_cents=base,
                ref_tiers=staffels,
            )
        )
    return prices


lines = st.lists(
    st.tuples(price_sets(), quantities, st.booleans()),  # (the offer's prices, aantal, under a framework)
    min_size=1,
    max_size=4,
)


# --- the reference ------------------------------------------------------------------------------


def divide_half_up(numerator: int, denominator: int) -> int:
    """numerator / denominator rounded to the nearest integer, halves away from zero (both >= 0)."""
    quotient, remainder = divmod(numerator, denominator)
    return quotient + (1 if 2 * remainder >= denominator else 0)


def reference_line(prices, aantal: int, raamovereenkomst: bool) -> tuple[int, int, int]:
    """(one-time, per year, btw) of one line, in cents."""
    eenmalig = per_jaar = btw = 0
    for prijstype, grondslag in KINDS:
        matching = [p for p in prices if p.prijstype == prijstype and p.grondslag == grondslag]
        framework = [p for p in matching if p.doelgroep == "raamovereenkomst"]
        general = [p for p in matching if p.doelgroep == "iedereen"]
        candidates = (framework or general) if raamovereenkomst else general
        if not candidates:
            continue
        (price,) = candidates
        if grondslag == "per_bestelling":
            amount = price.ref_cents  # once for the line
        else:
            unit = price.ref_cents
            for start, tier_cents in price.ref_tiers:  # ascending: the last one reached wins
                if aantal >= start:
                    unit = tier_cents
            amount = unit * aantal  # whole cents already: nothing to round
        if prijstype == "eenmalig":
            counted = amount
            eenmalig += counted
        elif prijstype == "terugkerend":
            counted = amount * (12 if price.periode == "maand" else 1)
            per_jaar += counted
        else:
            counted = 0  # usage is billed on use
        rate_hundredths = int(price.btw_percentage * 100)
        btw += divide_half_up(counted * rate_hundredths, 100 * 100)
    return eenmalig, per_jaar, btw


def reference_totals(order) -> tuple[Decimal, Decimal, Decimal]:
    sums = [0, 0, 0]
    for prices, aantal, raamovereenkomst in order:
        for index, value in enumerate(reference_line(prices, aantal, raamovereenkomst)):
            sums[index] += value
    return tuple(as_money(value) for value in sums)


# --- the code under test -----------------------------------------------------------------------


def totals(order) -> tuple[Decimal, Decimal, Decimal]:
    regels = []
    for prices, aantal, raamovereenkomst in order:
        line = pricing.compute_regelprijs(prices, aantal, raamovereenkomst=raamovereenkomst)
        regels.append(
            SimpleNamespace(
                bedrag_eenmalig_excl_btw=line.eenmalig, bedrag_per_jaar_excl_btw=line.per_jaar, btw=line.btw
            )
        )
    result = pricing.compute_totals(regels)
    return result.eenmalig, result.per_jaar, result.btw


@EXAMPLES
@given(order=lines)
def test_totals_equal_the_reference(order):
    computed = totals(order)

    assert computed == reference_totals(order)
    assert all(value.as_tuple().exponent == -2 for value in computed)


@EXAMPLES
@given(order=lines, data=st.data())
def test_totals_do_not_depend_on_the_order_of_lines_or_prices(order, data):
    shuffled = [
        (data.draw(st.permutations(prices)), aantal, raamovereenkomst)
        for prices, aantal, raamovereenkomst in data.draw(st.permutations(order))
    ]

    assert totals(shuffled) == totals(order)


@EXAMPLES
@given(prices=price_sets(), aantal=quantities, other=quantities, raamovereenkomst=st.booleans())
def test_a_price_per_order_never_depends_on_the_quantity(prices, aantal, other, raamovereenkomst):
    per_order = [prijs for prijs in prices if prijs.grondslag == "per_bestelling"]

    one = pricing.compute_regelprijs(per_order, aantal, raamovereenkomst=raamovereenkomst)
    two = pricing.compute_regelprijs(per_order, other, raamovereenkomst=raamovereenkomst)

    assert (one.eenmalig, one.per_jaar, one.btw) == (two.eenmalig, two.per_jaar, two.btw)
    for part in one.onderdelen:
        assert part["grondslag"] == "per_bestelling"
        assert (part["aantal"], part["staffelVanafAantal"]) == (1, None)
        assert part["bedragExclBtw"] == part["eenheidsprijsExclBtw"]


@EXAMPLES
@given(prices=price_sets(), aantal=quantities, raamovereenkomst=st.booleans())
def test_every_part_of_the_snapshot_names_its_grondslag_and_shows_exact_amounts(
    prices, aantal, raamovereenkomst
):
    line = pricing.compute_regelprijs(prices, aantal, raamovereenkomst=raamovereenkomst)

    by_url = {prijs.url: prijs for prijs in prices}
    for part in line.onderdelen:
        prijs = by_url[part["prijs"]]
        assert part["grondslag"] == prijs.grondslag
        counted = 1 if prijs.grondslag == "per_bestelling" else aantal
        assert part["aantal"] == counted
        assert Decimal(part["bedragExclBtw"]) == Decimal(part["eenheidsprijsExclBtw"]) * counted
