"""The stable set of a closing round, against a reference computed independently here: of all
sets of deelnames in which every ceiling is at least the price their pooled quantity reaches,
the largest (with tier prices that fall as the quantity grows, the union of all such sets is
one of them). Random deelnames, ceilings and tiers; the order of the deelnames does not matter."""

import datetime
import itertools
from dataclasses import dataclass
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from softwarebroker.catalogus.models import Aanbieding, Prijs
from softwarebroker.vraagbundelingen import prijzen


@dataclass(frozen=True)
class Deelname:
    nummer: int
    aantal: int
    max_eenheidsprijs: Decimal | None


def _cents(value: int) -> Decimal:
    return Decimal(value) / 100


@st.composite
def rondes(draw):
    basis = draw(st.integers(min_value=500, max_value=2000))
    vanaf = sorted(draw(st.sets(st.integers(min_value=2, max_value=400), max_size=4)))
    prijzen_ = sorted(
        draw(
            st.lists(
                st.integers(min_value=100, max_value=basis - 1),
                min_size=len(vanaf),
                max_size=len(vanaf),
                unique=True,
            )
        ),
        reverse=True,
    )
    staffels = [
        {"vanafAantal": aantal, "bedragExclBtw": f"{_cents(prijs):.2f}"}
        for aantal, prijs in zip(vanaf, prijzen_, strict=True)
    ]
    deelnames = [
        Deelname(
            nummer,
            draw(st.integers(min_value=1, max_value=150)),
            draw(st.one_of(st.none(), st.integers(min_value=50, max_value=2100).map(_cents))),
        )
        for nummer in range(draw(st.integers(min_value=0, max_value=8)))
    ]
    return _cents(basis), staffels, deelnames


def _reference_price(basis: Decimal, staffels: list[dict], aantal: int) -> Decimal:
    reached = [Decimal(s["bedragExclBtw"]) for s in staffels if s["vanafAantal"] <= aantal]
    return reached[-1] if reached else basis


def _reference(basis, staffels, deelnames) -> frozenset[int]:
    stable = set()
    for size in range(len(deelnames) + 1):
        for subset in itertools.combinations(deelnames, size):
            price = _reference_price(basis, staffels, sum(d.aantal for d in subset))
            if all(d.max_eenheidsprijs is None or d.max_eenheidsprijs >= price for d in subset):
                stable |= {d.nummer for d in subset}
    return frozenset(stable)


def _offer_prices(basis, staffels):
    aanbieding = Aanbieding(raamovereenkomst_id=None)
    common = {"aanbieding": aanbieding, "geldig_vanaf": datetime.date(2020, 1, 1), "prijstype": "terugkerend"}
    return aanbieding, [
        # a general price that must not be used: the joint-purchase price comes first
        Prijs(
            periode="maand",
            grondslag="per_eenheid",
            doelgroep="iedereen",
            bedrag_excl_btw=Decimal("1.00"),
            staffels=[],
            **common,
        ),
        Prijs(
            periode="maand",
            grondslag="per_eenheid",
            doelgroep="vraagbundeling",
            bedrag_excl_btw=basis,
            staffels=staffels,
            **common,
        ),
    ]


def _close(basis, staffels, deelnames):
    aanbieding, prices = _offer_prices(basis, staffels)
    return prijzen.stabiele_deelnames(
        deelnames, lambda aantal: prijzen.rondeprijs(prices, aanbieding, aantal)
    )


@settings(max_examples=300, deadline=None)
@given(rondes(), st.randoms(use_true_random=False))
def test_the_stable_set_is_the_largest_set_in_which_every_ceiling_holds(ronde, random):
    basis, staffels, deelnames = ronde

    blijven, afgehaakt, prijs = _close(basis, staffels, deelnames)

    expected = _reference(basis, staffels, deelnames)
    assert {d.nummer for d in blijven} == expected
    assert {d.nummer for d in afgehaakt} == {d.nummer for d in deelnames} - expected
    assert prijs.eenheidsprijs == _reference_price(basis, staffels, sum(d.aantal for d in blijven))
    assert prijs.periode == "maand"

    shuffled = list(deelnames)
    random.shuffle(shuffled)
    blijven_2, afgehaakt_2, prijs_2 = _close(basis, staffels, shuffled)
    assert {d.nummer for d in blijven_2} == expected
    assert {d.nummer for d in afgehaakt_2} == {d.nummer for d in afgehaakt}
    assert prijs_2 == prijs
