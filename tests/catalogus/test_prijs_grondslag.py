"""The grondslag of a price through the Catalogus API: required on create and replace, tiers only
per unit, usage always per unit, a fee per order beside a price per unit, the list filter."""

import pytest

from softwarebroker.catalogus.models import Prijs
from tests.catalogus.api_requests import BASE, send, url
from tests.catalogus.factories import AanbiedingFactory, PrijsFactory
from tests.conftest import invalid_param, problem

pytestmark = pytest.mark.django_db


def body(aanbieding, **fields):
    return {
        "aanbieding": url("aanbiedingen", aanbieding),
        "prijstype": "eenmalig",
        "bedragExclBtw": "12500.00",
        "geldigVanaf": "2026-01-01",
        **fields,
    }


def test_grondslag_is_required_on_create_and_replace_but_not_on_a_partial_change(client):
    aanbieding = AanbiedingFactory()
    missing = send(client, "POST", "prijzen", body(aanbieding))
    created = send(client, "POST", "prijzen", body(aanbieding, grondslag="per_bestelling"))
    prijs_path = f"prijzen/{created.json()['url'].rsplit('/', 1)[-1]}"
    replaced_without = send(client, "PUT", prijs_path, body(aanbieding, bedragExclBtw="9500.00"))
    patched = send(client, "PATCH", prijs_path, {"bedragExclBtw": "9500.00"})

    assert invalid_param(problem(missing), "grondslag")["code"] == "required"
    assert created.status_code == 201, created.content[:500]
    assert created.json()["grondslag"] == "per_bestelling"
    assert invalid_param(problem(replaced_without), "grondslag")["code"] == "required"
    assert patched.status_code == 200, patched.content[:500]
    assert (patched.json()["grondslag"], patched.json()["bedragExclBtw"]) == ("per_bestelling", "9500.00")


def test_tiers_only_per_unit_and_usage_only_per_unit_every_problem_at_once(client):
    aanbieding = AanbiedingFactory()

    response = send(
        client,
        "POST",
        "prijzen",
        body(
            aanbieding,
            prijstype="verbruik",
            grondslag="per_bestelling",
            periode="maand",
            staffels=[{"vanafAantal": 10, "bedragExclBtw": "9.00"}],
        ),
    )

    problems = problem(response)
    assert response.status_code == 400
    assert invalid_param(problems, "staffels")["code"] == "grondslag"
    assert invalid_param(problems, "grondslag")["code"] == "verbruik"
    assert not Prijs.objects.filter(aanbieding=aanbieding).exists()


def test_a_partial_change_is_checked_against_the_resulting_price(client):
    prijs = PrijsFactory(prijstype="eenmalig", periode="", grondslag="per_bestelling")

    response = send(
        client, "PATCH", f"prijzen/{prijs.uuid}", {"staffels": [{"vanafAantal": 10, "bedragExclBtw": "9.00"}]}
    )

    assert invalid_param(problem(response), "staffels")["code"] == "grondslag"
    prijs.refresh_from_db()
    assert prijs.staffels == []


def test_a_fee_per_order_beside_a_one_time_price_per_unit_but_not_two_fees(client):
    aanbieding = AanbiedingFactory()
    per_unit = send(
        client, "POST", "prijzen", body(aanbieding, grondslag="per_eenheid", bedragExclBtw="350.00")
    )
    fee = send(client, "POST", "prijzen", body(aanbieding, grondslag="per_bestelling"))
    second_fee = send(
        client, "POST", "prijzen", body(aanbieding, grondslag="per_bestelling", geldigVanaf="2026-03-01")
    )

    assert (per_unit.status_code, fee.status_code) == (201, 201)
    assert invalid_param(problem(second_fee), "geldigVanaf")["code"] == "overlap"
    assert sorted(Prijs.objects.filter(aanbieding=aanbieding).values_list("grondslag", flat=True)) == [
        "per_bestelling",
        "per_eenheid",
    ]


def test_the_price_list_filters_on_grondslag(client):
    aanbieding = AanbiedingFactory()
    fee = PrijsFactory(aanbieding=aanbieding, prijstype="eenmalig", periode="", grondslag="per_bestelling")
    PrijsFactory(aanbieding=aanbieding)

    response = client.get(f"{BASE}/prijzen", {"grondslag": "per_bestelling"})
    invalid = client.get(f"{BASE}/prijzen", {"grondslag": "per_stuk"})

    assert response.status_code == 200
    assert [item["url"] for item in response.json()["results"]] == [url("prijzen", fee)]
    assert invalid_param(problem(invalid), "grondslag")
