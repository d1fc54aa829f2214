"""Free-form JSON is bounded at input: nothing is stored that the lists could not show again.

Order lines' ``bestelparameters`` and offers' ``bestelparametersSchema`` are refused with 400
when nested deeper than ``MAX_DEPTH`` or larger than their size limit (the field and the rule
the service checks); request bodies nested deeper than ``BODY_MAX_DEPTH`` are refused by the
parser before the JSON parser recurses on them.
"""

import io
import json
from unittest import mock

import jsonschema
import pytest
from django.test import Client

from softwarebroker.api.exceptions import APIProblem
from softwarebroker.api.parsers import JSONParser
from softwarebroker.autorisaties.context import Acting
from softwarebroker.bestellingen.models import Bestelling, Bestelregel
from softwarebroker.catalogus import services as catalogus_services
from softwarebroker.catalogus.models import Aanbieding
from softwarebroker.core.errors import Invalid
from softwarebroker.core.json_limits import BODY_MAX_DEPTH, MAX_DEPTH, MAX_SIZE, json_problems, too_deep
from softwarebroker.organisaties.models import Mandaat
from tests.auth import bearer
from tests.autorisaties.factories import make_applicatie
from tests.bestellingen.helpers import Partijen, aanbieding_with_prijzen
from tests.catalogus.api_requests import url
from tests.catalogus.factories import LeverancierFactory, SoftwarepakketFactory
from tests.conftest import invalid_param, problem
from tests.organisaties.factories import OrganisatieFactory
from tests.timing import quickest_of

pytestmark = pytest.mark.django_db

BESTELLINGEN = "http://testserver/bestellingen/api/v1"
CATALOGUS = "http://testserver/catalogus/api/v1"
DEEP = "__DEEP__"  # where body_with puts the deep value


def nested(depth: int) -> str:
    """JSON text of objects ``depth`` levels deep (built as text: no encoder recursion)."""
    return '{"a":' * (depth - 1) + "{}" + "}" * (depth - 1) if depth else "1"


def nested_value(depth: int):
    value = {}
    for _ in range(depth - 1):
        value = {"a": value}
    return value


def body_with(payload: dict, depth: int) -> str:
    return json.dumps(payload).replace(json.dumps(DEEP), nested(depth))


def send(client, method, path, text):
    return client.generic(method, path, text, content_type="application/json")


@pytest.fixture
def afnemer():
    organisatie = OrganisatieFactory()
    aanbieding = aanbieding_with_prijzen()
    Mandaat.objects.create(organisatie=organisatie, gebruikers_id="budget@gemeente.nl", maximum_bedrag=50000)
    make_applicatie("afnemer", client_id="afnemer", organisatie=organisatie)
    client = Client(headers=bearer("afnemer", user_id="inkoper@gemeente.nl"))
    client.organisatie, client.aanbieding = organisatie, aanbieding
    return client


def order(client, bestelparameters=DEEP) -> dict:
    return {
        "besteller": f"{BESTELLINGEN}/organisaties/{client.organisatie.uuid}",
        "regels": [
            {
                "aanbieding": f"{CATALOGUS}/aanbiedingen/{client.aanbieding.uuid}",
                "aantal": 1,
                "bestelparameters": bestelparameters,
            }
        ],
    }


def offer() -> dict:
    return {
        "softwarepakket": url("softwarepakketten", SoftwarepakketFactory()),
        "leverancier": url("leveranciers", LeverancierFactory()),
        "naam": "Diep",
        "leveringsvorm": "saas",
        "licentiemodel": "per_gebruiker",
        "eenheid": "gebruiker",
        "geldigVanaf": "2026-01-01",
        "bestelparametersSchema": DEEP,
    }


# --- the limits themselves ------------------------------------------------------------------


def test_too_deep_names_the_first_container_past_the_limit_without_recursing():
    assert too_deep(nested_value(MAX_DEPTH)) is None
    assert too_deep({"b": [1, nested_value(MAX_DEPTH)]}) == ("b", 1, *("a",) * (MAX_DEPTH - 2))
    assert too_deep(nested_value(100_000)) == ("a",) * MAX_DEPTH
    assert too_deep("tekst") is None and too_deep([]) is None


def test_json_problems_report_depth_before_size():
    assert json_problems(nested_value(MAX_DEPTH), "x") == []
    ((field, code, message),) = json_problems(nested_value(MAX_DEPTH + 1), "x")
    assert (field, code) == ("x", "max_depth") and "a.a" in message
    ((field, code, _message),) = json_problems({"t": "x" * MAX_SIZE}, "x")
    assert (field, code) == ("x", "max_size")


# --- request bodies ---------------------------------------------------------------------------


@pytest.mark.parametrize("depth", [1_500, 100_000])
def test_a_deeply_nested_body_is_a_parse_error_within_two_seconds(client, depth):
    body = "[" * depth + "]" * depth
    response, seconds = quickest_of(lambda: send(client, "POST", f"{CATALOGUS}/aanbiedingen", body), bound=2)

    assert seconds < 2, seconds
    assert response.status_code == 400
    body = problem(response)
    assert body["code"] == "parse_error"
    assert f"{BODY_MAX_DEPTH} niveaus" in invalid_param(body, "body")["reason"]


def test_the_parser_reads_no_more_than_the_body_limit(settings):
    # The middleware refuses by Content-Length (413); the parser never reads past the limit either.
    settings.API_MAX_BODY_SIZE = 100
    with pytest.raises(APIProblem) as refused:
        JSONParser().parse(io.BytesIO(json.dumps({"naam": "x" * 200}).encode()), parser_context={})
    assert (refused.value.status_code, refused.value.problem_code) == (413, "request_too_large")
    assert JSONParser().parse(io.BytesIO(b'{"naam": "x"}'), parser_context={}) == {"naam": "x"}


def test_malformed_json_is_still_a_parse_error(client):
    response = send(client, "POST", "/catalogus/api/v1/aanbiedingen", '{"naam": NaN}')
    assert response.status_code == 400 and problem(response)["code"] == "parse_error"


@pytest.mark.parametrize("escape", ["\\u0000", "\\ud800", "\\udfff"])
def test_text_no_column_can_keep_is_refused_naming_each_place(afnemer, escape):
    # A NUL (PostgreSQL keeps none, in text or jsonb) or a lone surrogate (UTF-8 has none).
    payload = order(afnemer, {"opmerking": f"a{DEEP}b", f"sleutel{DEEP}": 1, "lijst": ["x", DEEP]})
    payload["kostenplaats"] = DEEP
    text = json.dumps(payload).replace(DEEP, escape)
    response = send(afnemer, "POST", f"{BESTELLINGEN}/bestellingen", text)

    assert response.status_code == 400, response.content
    body = problem(response)
    assert [(param["name"], param["code"]) for param in body["invalidParams"]] == [
        ("regels.0.bestelparameters.opmerking", "notAllowedCharacter"),
        (f"regels.0.bestelparameters.sleutel{escape}", "notAllowedCharacter"),
        ("regels.0.bestelparameters.lijst.1", "notAllowedCharacter"),
        ("kostenplaats", "notAllowedCharacter"),
    ]
    assert Bestelling.objects.count() == 0


def test_unstorable_text_is_listed_twenty_times_at_most(client):
    text = json.dumps({f"veld{index}": "\u0000" for index in range(1000)})
    response = send(client, "POST", f"{CATALOGUS}/categorieen", text)

    assert response.status_code == 400
    assert len(problem(response)["invalidParams"]) == 20


def test_bytes_that_are_not_utf8_are_a_parse_error_saying_where(client):
    response = client.generic(
        "POST",
        f"{CATALOGUS}/categorieen",
        b'{"naam": "ok", "omschrijving": "\xff\xfe"}',
        content_type="application/json",
    )

    assert response.status_code == 400
    body = problem(response)
    assert body["code"] == "parse_error"
    assert "bij omschrijving" in invalid_param(body, "body")["reason"]


# --- order lines: bestelparameters ------------------------------------------------------------


def test_bestelparameters_past_the_limit_are_refused_with_their_path(afnemer):
    response = send(afnemer, "POST", f"{BESTELLINGEN}/bestellingen", body_with(order(afnemer), MAX_DEPTH + 5))

    assert response.status_code == 400
    param = invalid_param(problem(response), "regels.0.bestelparameters")
    assert param["code"] == "max_depth"
    assert Bestelling.objects.count() == 0


@pytest.mark.parametrize("depth", [300, 5_000])
def test_deep_bestelparameters_store_nothing_and_the_lists_still_answer(afnemer, depth):
    existing = send(afnemer, "POST", f"{BESTELLINGEN}/bestellingen", json.dumps(order(afnemer, {})))
    assert existing.status_code == 201, existing.content
    detail = existing.json()["url"]

    created = send(afnemer, "POST", f"{BESTELLINGEN}/bestellingen", body_with(order(afnemer), depth))
    changed = send(afnemer, "PATCH", detail, body_with({"regels": order(afnemer)["regels"]}, depth))

    for response in (created, changed):
        assert response.status_code == 400
        reason = invalid_param(problem(response), "body")["reason"]
        assert "regels.0.bestelparameters.a.a" in reason
    assert Bestelling.objects.count() == 1
    assert list(Bestelregel.objects.values_list("bestelparameters", flat=True)) == [{}]
    assert afnemer.get(f"{BESTELLINGEN}/bestellingen").status_code == 200
    assert afnemer.get(detail).status_code == 200
    assert afnemer.get(f"{detail}/audittrail").status_code == 200


def test_bestelparameters_at_the_limit_are_kept_and_shown(afnemer):
    response = send(afnemer, "POST", f"{BESTELLINGEN}/bestellingen", body_with(order(afnemer), MAX_DEPTH))

    assert response.status_code == 201, response.content
    assert too_deep(response.json()["regels"][0]["bestelparameters"], MAX_DEPTH - 1) is not None
    assert afnemer.get(f"{BESTELLINGEN}/bestellingen").status_code == 200
    assert afnemer.get(f"{response.json()['url']}/audittrail").status_code == 200


def test_bestelparameters_too_large_are_refused(afnemer):
    payload = order(afnemer, {"tekst": "x" * MAX_SIZE})
    response = send(afnemer, "POST", f"{BESTELLINGEN}/bestellingen", json.dumps(payload))

    assert response.status_code == 400
    assert invalid_param(problem(response), "regels.0.bestelparameters")["code"] == "max_size"


def test_the_order_service_refuses_deep_bestelparameters_too():
    partijen = Partijen()
    with pytest.raises(Invalid) as refused:
        partijen.bestelling(bestelparameters=nested_value(5_000))

    ((problem_,),) = [[p for p in refused.value.problems if p.field == "regels.0.bestelparameters"]]
    assert problem_.code == "max_depth"
    assert Bestelling.objects.count() == 0


# --- offers: bestelparametersSchema -----------------------------------------------------------


@pytest.mark.parametrize("depth", [300, 5_000])
def test_a_deep_offer_schema_stores_nothing_and_the_lists_still_answer(client, depth):
    existing = send(
        client,
        "POST",
        f"{CATALOGUS}/aanbiedingen",
        json.dumps({**offer(), "naam": "Vlak", "bestelparametersSchema": {}}),
    )
    assert existing.status_code == 201, existing.content
    detail = existing.json()["url"]

    created = send(client, "POST", f"{CATALOGUS}/aanbiedingen", body_with(offer(), depth))
    changed = send(client, "PATCH", detail, body_with({"bestelparametersSchema": DEEP}, depth))

    for response in (created, changed):
        assert response.status_code == 400
        assert "bestelparametersSchema.a.a" in invalid_param(problem(response), "body")["reason"]
    assert list(Aanbieding.objects.values_list("naam", "bestelparameters_schema")) == [("Vlak", {})]
    assert client.get(f"{CATALOGUS}/aanbiedingen").status_code == 200
    assert client.get(f"{detail}/audittrail").status_code == 200


def test_an_offer_schema_past_the_limit_is_refused_before_it_is_checked(client):
    with mock.patch.object(jsonschema.Draft202012Validator, "check_schema") as check_schema:
        response = send(client, "POST", f"{CATALOGUS}/aanbiedingen", body_with(offer(), MAX_DEPTH + 10))

    assert response.status_code == 400
    assert invalid_param(problem(response), "bestelparametersSchema")["code"] == "max_depth"
    check_schema.assert_not_called()
    assert Aanbieding.objects.count() == 0


def test_the_offer_rule_bounds_a_schema_100_levels_deep_before_checking_it(broker):
    schema = {"type": "string"}
    for _ in range(100):
        schema = {"type": "object", "properties": {"a": schema}}
    with (
        mock.patch.object(jsonschema.Draft202012Validator, "check_schema") as check_schema,
        pytest.raises(Invalid) as refused,
    ):
        catalogus_services.create_aanbieding(
            acting=Acting.system("test"),
            softwarepakket=SoftwarepakketFactory(),
            leverancier=LeverancierFactory(),
            naam="Diep",
            leveringsvorm="saas",
            licentiemodel="per_gebruiker",
            eenheid="gebruiker",
            geldig_vanaf="2026-01-01",
            bestelparameters_schema=schema,
        )

    check_schema.assert_not_called()
    assert [(p.field, p.code) for p in refused.value.problems] == [("bestelparametersSchema", "max_depth")]
    assert Aanbieding.objects.count() == 0


def test_an_offer_schema_at_the_limit_is_checked_and_kept(client):
    schema = {}
    for _ in range(MAX_DEPTH - 1):
        schema = {"not": schema}
    response = send(
        client, "POST", f"{CATALOGUS}/aanbiedingen", json.dumps({**offer(), "bestelparametersSchema": schema})
    )

    assert response.status_code == 201, response.content
    assert client.get(f"{CATALOGUS}/aanbiedingen").status_code == 200
    assert client.get(f"{response.json()['url']}/audittrail").status_code == 200


def test_an_offer_schema_too_large_is_refused(client):
    schema = {"type": "object", "properties": {f"veld{i}": {"type": "string"} for i in range(1_000)}}
    response = send(
        client, "POST", f"{CATALOGUS}/aanbiedingen", json.dumps({**offer(), "bestelparametersSchema": schema})
    )

    assert response.status_code == 400
    assert invalid_param(problem(response), "bestelparametersSchema")["code"] == "max_size"
