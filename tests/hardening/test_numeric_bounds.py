"""Numbers out of what the database can hold are a 400 naming the field, never a 500."""

import json

import pytest

from softwarebroker.bestellingen.models import Bestelling, Bestelregel
from softwarebroker.catalogus.models import Aanbieding, Prijs, Raamovereenkomst
from softwarebroker.organisaties.models import Organisatie
from tests.bestellingen.api_world import API, bestelling_payload, world  # noqa: F401
from tests.catalogus.api_requests import BASE, url
from tests.catalogus.factories import AanbiedingFactory, RaamovereenkomstFactory
from tests.conftest import invalid_param, problem
from tests.organisaties.factories import OrganisatieFactory

pytestmark = pytest.mark.django_db

# As JSON text: 1e400 is no number Python can hold exactly (it parses to infinity).
TOO_LARGE = [str(2**63), str(10**30), "1e400"]
INTEGER = 2147483647  # PostgreSQL's integer
NOT_FINITE = ["NaN", "Infinity", "-Infinity", "1e400"]


def raw(client, method, path, body: str):
    return client.generic(method, path, body, content_type="application/json")


def with_number(data: dict, field: str, number: str) -> str:
    """``data`` as JSON with ``field`` (dotted path) set to the literal ``number``."""
    marker = "__NUMBER__"
    target, *rest = field.split(".")
    if rest:
        index, name = rest
        data[target][int(index)][name] = marker
    else:
        data[target] = marker
    return json.dumps(data).replace(f'"{marker}"', number)


def assert_refused(response, field):
    assert response.status_code == 400, response.content
    body = problem(response)
    if body["code"] == "parse_error":
        assert invalid_param(body, "body")
    else:
        assert invalid_param(body, field)


PRIJS_FIELDS = {
    "bedragExclBtw": ["10000000000", "-1"],  # numeric(12, 2)
    "btwPercentage": ["100.01", "-1"],
    "staffels.0.vanafAantal": [str(INTEGER + 1), "1"],
    "staffels.0.bedragExclBtw": ["10000000000", "-1"],
}


@pytest.mark.parametrize(
    ("field", "number"),
    [(field, number) for field, numbers in PRIJS_FIELDS.items() for number in numbers + TOO_LARGE],
)
def test_prijs_numbers(client, field, number):
    aanbieding = AanbiedingFactory()
    data = {
        "aanbieding": url("aanbiedingen", aanbieding),
        "prijstype": "terugkerend",
        "grondslag": "per_eenheid",
        "periode": "jaar",
        "bedragExclBtw": "10.00",
        "geldigVanaf": "2026-01-01",
        "staffels": [{"vanafAantal": 10, "bedragExclBtw": "9.00"}],
    }
    response = raw(client, "POST", f"{BASE}/prijzen", with_number(data, field, number))
    assert_refused(response, field)
    assert not Prijs.objects.filter(aanbieding=aanbieding).exists()


@pytest.mark.parametrize("number", [str(INTEGER + 1), *TOO_LARGE, "-1"])
@pytest.mark.parametrize("field", ["minimaleAfname", "looptijdMaanden"])
def test_aanbieding_numbers(client, field, number):
    aanbieding = AanbiedingFactory()
    before = Aanbieding.objects.values("minimale_afname", "looptijd_maanden").get(pk=aanbieding.pk)
    response = raw(client, "PATCH", f"{BASE}/aanbiedingen/{aanbieding.uuid}", with_number({}, field, number))
    assert_refused(response, field)
    assert Aanbieding.objects.values("minimale_afname", "looptijd_maanden").get(pk=aanbieding.pk) == before


@pytest.mark.parametrize("number", ["1000000000000", *TOO_LARGE, "-1"])
def test_raamovereenkomst_maximale_waarde(client, number):
    # numeric(14, 2): up to 999999999999.99.
    raamovereenkomst = RaamovereenkomstFactory()
    before = Raamovereenkomst.objects.get(pk=raamovereenkomst.pk).maximale_waarde
    response = raw(
        client,
        "PATCH",
        f"{BASE}/raamovereenkomsten/{raamovereenkomst.uuid}",
        with_number({}, "maximaleWaarde", number),
    )
    assert_refused(response, "maximaleWaarde")
    assert Raamovereenkomst.objects.get(pk=raamovereenkomst.pk).maximale_waarde == before


@pytest.mark.parametrize("number", [str(INTEGER + 1), *TOO_LARGE, "-1"])
def test_organisatie_inwonertal(client, number):
    organisatie = OrganisatieFactory(inwonertal=1000)
    response = raw(
        client, "PATCH", f"{API}/organisaties/{organisatie.uuid}", with_number({}, "inwonertal", number)
    )
    assert_refused(response, "inwonertal")
    assert Organisatie.objects.get(pk=organisatie.pk).inwonertal == 1000


@pytest.mark.parametrize("number", [str(INTEGER + 1), *TOO_LARGE, "-1"])
def test_bestelregel_aantal(world, number):  # noqa: F811
    response = world["afnemer"].client.generic(
        "POST",
        f"{API}/bestellingen",
        with_number(bestelling_payload(world), "regels.0.aantal", number),
        content_type="application/json",
    )
    assert_refused(response, "regels.0.aantal")
    assert not Bestelling.objects.exists() and not Bestelregel.objects.exists()


@pytest.mark.parametrize("number", ["2147483647", "2147483646"])
def test_bestelregel_aantal_at_the_bound_is_refused_by_its_price_not_the_database(world, number):  # noqa: F811
    # The largest aantal the column holds is accepted as input; the order's total (14 digits)
    # cannot hold its price, and that too is a 400 with the line's field.
    response = world["afnemer"].client.generic(
        "POST",
        f"{API}/bestellingen",
        with_number(bestelling_payload(world), "regels.0.aantal", number),
        content_type="application/json",
    )
    assert response.status_code in (201, 400), response.content
    if response.status_code == 400:
        problem(response)


@pytest.mark.parametrize("number", NOT_FINITE)
def test_bestelparameters_not_finite(world, number):  # noqa: F811
    payload = bestelling_payload(world)
    payload["regels"][0]["bestelparameters"] = {"x": "__NUMBER__"}
    response = world["afnemer"].client.generic(
        "POST",
        f"{API}/bestellingen",
        json.dumps(payload).replace('"__NUMBER__"', number),
        content_type="application/json",
    )
    assert response.status_code == 400, response.content
    assert invalid_param(problem(response), "body")
    assert not Bestelling.objects.exists()


def test_nul_in_json_body_is_refused(world):  # noqa: F811
    payload = bestelling_payload(world)
    payload["regels"][0]["bestelparameters"] = {"x": "a\u0000b"}
    response = world["afnemer"].post(f"{API}/bestellingen", payload)
    assert response.status_code == 400, response.content
    problem(response)
    assert not Bestelling.objects.exists()


def test_prijs_within_bounds_still_accepted(client):
    aanbieding = AanbiedingFactory()
    response = raw(
        client,
        "POST",
        f"{BASE}/prijzen",
        json.dumps(
            {
                "aanbieding": url("aanbiedingen", aanbieding),
                "prijstype": "eenmalig",
                "grondslag": "per_eenheid",
                "bedragExclBtw": "9999999999.99",
                "btwPercentage": "100.00",
                "geldigVanaf": "2026-01-01",
                "staffels": [{"vanafAantal": 2147483647, "bedragExclBtw": "0.00"}],
            }
        ),
    )
    assert response.status_code == 201, response.content
