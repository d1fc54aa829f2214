"""The Bestellingen API over HTTP: every problem of an invalid order at once, in Dutch, with its
path."""

import pytest

from softwarebroker.bestellingen.models import Bestelling
from tests.conftest import problem

from .api_world import API, CATALOGUS, bestelling_payload

pytestmark = pytest.mark.django_db


def test_invalid_lines_list_every_problem_with_its_path(world):
    world["aanbieding"].bestelparameters_schema = {
        "type": "object",
        "properties": {"omgeving": {"enum": ["test", "productie"]}},
        "required": ["omgeving"],
    }
    world["aanbieding"].save()

    response = world["afnemer"].post(
        f"{API}/bestellingen",
        {
            **bestelling_payload(world, bestelparameters={"omgeving": "acceptatie"}),
            "regels": [
                {
                    "aanbieding": f"{CATALOGUS}/aanbiedingen/{world['aanbieding'].uuid}",
                    "aantal": 1,
                    "bestelparameters": {"omgeving": "acceptatie"},
                },
                {"aanbieding": f"{CATALOGUS}/aanbiedingen/00000000-0000-0000-0000-000000000000", "aantal": 1},
            ],
        },
    )

    body = problem(response)
    assert response.status_code == 400
    names = {param["name"] for param in body["invalidParams"]}
    assert {"regels.1.aanbieding", "regels.0.bestelparameters.omgeving"} <= names, names
    assert Bestelling.objects.count() == 0


PARAMETERS_SCHEMA = {
    "type": "object",
    "required": ["omgeving", "contactpersoonEmail"],
    "properties": {
        "omgeving": {"enum": ["productie", "acceptatie", "test"]},
        "subdomein": {"type": "string", "pattern": "^[a-z0-9-]{3,40}$"},
        "contactpersoonEmail": {"type": "string", "format": "email"},
        "beheerderEmail": {"type": "string", "format": "email"},
        "aantalGebruikers": {"type": "integer", "minimum": 1},
        "opmerking": {"type": "string", "maxLength": 10},
        "locaties": {"type": "array", "items": {"type": "string"}},
    },
    "additionalProperties": False,
}
WRONG_PARAMETERS = {
    "omgeving": "ontwikkel",
    "subdomein": "X!",
    "beheerderEmail": "geen-adres",
    "aantalGebruikers": 0,
    "opmerking": "veel te lange opmerking",
    "locaties": ["Den Haag", 3],
    "kleur": "blauw",
}
EXPECTED_PARAMETER_PROBLEMS = {
    ("regels.0.bestelparameters.contactpersoonEmail", "required"),
    ("regels.0.bestelparameters.omgeving", "enum"),
    ("regels.0.bestelparameters.subdomein", "pattern"),
    ("regels.0.bestelparameters.beheerderEmail", "format"),
    ("regels.0.bestelparameters.aantalGebruikers", "minimum"),
    ("regels.0.bestelparameters.opmerking", "maxLength"),
    ("regels.0.bestelparameters.locaties.1", "type"),
    ("regels.0.bestelparameters.kleur", "additionalProperties"),
}


def assert_dutch(params):
    for param in params:
        reason = param["reason"]
        assert not any(english in reason for english in (" is not ", "required property", "Additional")), (
            reason
        )


def test_every_order_parameter_problem_comes_with_the_other_field_errors_in_dutch(world):
    world["aanbieding"].bestelparameters_schema = PARAMETERS_SCHEMA
    world["aanbieding"].save()

    response = world["afnemer"].post(
        f"{API}/bestellingen",
        {
            **bestelling_payload(world, bestelparameters=WRONG_PARAMETERS),
            "gewensteIngangsdatum": "volgende week",
        },
    )

    assert response.status_code == 400
    params = problem(response)["invalidParams"]
    assert {(param["name"], param["code"]) for param in params} == {
        ("gewensteIngangsdatum", "invalid"),
        *EXPECTED_PARAMETER_PROBLEMS,
    }
    assert_dutch(params)
    reasons = {param["name"]: param["reason"] for param in params}
    assert reasons["regels.0.bestelparameters.contactpersoonEmail"] == "Dit gegeven is verplicht."
    assert reasons["regels.0.bestelparameters.omgeving"] == 'Kies uit: "productie", "acceptatie", "test".'
    assert reasons["regels.0.bestelparameters.locaties.1"] == "Verwacht: tekst."
    assert Bestelling.objects.count() == 0


def test_a_line_that_is_no_object_leaves_the_other_lines_problems_listed(world):
    world["aanbieding"].bestelparameters_schema = PARAMETERS_SCHEMA
    world["aanbieding"].save()
    payload = bestelling_payload(world, bestelparameters=WRONG_PARAMETERS)

    response = world["afnemer"].post(f"{API}/bestellingen", {**payload, "regels": [None, *payload["regels"]]})

    assert response.status_code == 400
    names = {param["name"] for param in problem(response)["invalidParams"]}
    assert {"regels.0", "regels.1.bestelparameters.contactpersoonEmail"} <= names, names


def test_order_parameter_problems_alone_are_listed_by_the_service_the_same_way(world):
    world["aanbieding"].bestelparameters_schema = PARAMETERS_SCHEMA
    world["aanbieding"].save()

    response = world["afnemer"].post(
        f"{API}/bestellingen", bestelling_payload(world, bestelparameters=WRONG_PARAMETERS)
    )

    assert response.status_code == 400
    params = problem(response)["invalidParams"]
    assert {(param["name"], param["code"]) for param in params} == EXPECTED_PARAMETER_PROBLEMS
    assert_dutch(params)
