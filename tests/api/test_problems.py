"""Error responses: problem+json everywhere, every invalid field at once, no internals."""

import json

import pytest
from django.test import Client, override_settings

from tests.catalogus.factories import CategorieFactory
from tests.conftest import invalid_param, problem

pytestmark = pytest.mark.django_db

CATEGORIEEN = "/catalogus/api/v1/categorieen"
ORGANISATIES = "/bestellingen/api/v1/organisaties"


def post_json(client, url, data):
    return client.post(url, json.dumps(data), content_type="application/json")


def test_every_invalid_field_is_listed_at_once(client):
    response = post_json(
        client,
        ORGANISATIES,
        {"oin": "123", "naam": "", "type": "stadstaat", "inwonertal": -5},
    )

    body = problem(response)
    assert response.status_code == 400
    assert body["code"] == "invalid"
    names = {param["name"] for param in body["invalidParams"]}
    assert names == {"oin", "naam", "type", "inwonertal"}
    assert invalid_param(body, "type")["code"] == "invalid_choice"
    assert response["API-Version"] == "1.0.0-alpha.1"


def test_nested_errors_use_dotted_names(client):
    response = post_json(
        client,
        ORGANISATIES,
        {
            "oin": "00000001001589623999",
            "naam": "Samenwerking",
            "type": "samenwerkingsverband",
            "deelnemers": ["https://elders.example/organisaties/1", 5],
        },
    )

    body = problem(response)
    names = {param["name"] for param in body["invalidParams"]}
    assert names == {"deelnemers.0", "deelnemers.1"}
    assert invalid_param(body, "deelnemers.0")["code"] == "bad-url"


def test_missing_required_field(client):
    body = problem(post_json(client, CATEGORIEEN, {}))

    assert invalid_param(body, "naam")["code"] == "required"


def test_unknown_url_outside_the_apis_is_problem_json(client):
    response = client.get("/bestaat-niet")

    assert response.status_code == 404
    assert problem(response)["code"] == "not_found"


def test_wrong_method_on_a_page_is_problem_json_with_allow(client):
    response = client.post("/")

    assert response.status_code == 405
    problem(response)
    assert "GET" in response["Allow"]


def test_csrf_failure_is_problem_json():
    client = Client(enforce_csrf_checks=True)

    response = client.post("/admin/login/", {"username": "x", "password": "y"})

    assert response.status_code == 403
    assert problem(response)["code"] == "csrf_failed"


@override_settings(ROOT_URLCONF="tests.api.failing_urls")
def test_server_error_is_problem_json_without_internals():
    client = Client(raise_request_exception=False)

    response = client.get("/catalogus/api/v1/stuk")

    assert response.status_code == 500
    body = problem(response)
    assert body["code"] == "server_error"
    text = response.content.decode()
    assert "Traceback" not in text
    assert "geheime-interne-fout" not in text
    assert response["API-Version"] == "1.0.0-alpha.1"


def test_nul_character_in_query_is_rejected(client):
    response = client.get(CATEGORIEEN + "?naam=a%00b")

    assert invalid_param(problem(response), "naam")["code"] == "notAllowedCharacter"


def test_invalid_filter_value_is_listed(client):
    response = client.get(ORGANISATIES + "?type=stadstaat&pageSize=0&sorteer=grootte&fields=x&onbekend=1")

    body = problem(response)
    assert response.status_code == 400
    assert {param["name"] for param in body["invalidParams"]} == {
        "type",
        "pageSize",
        "sorteer",
        "fields",
        "onbekend",
    }
    assert invalid_param(body, "pageSize")["code"] == "minimum"
    assert invalid_param(body, "sorteer")["code"] == "enum"


def test_conflicting_delete_gives_409(client):
    parent = CategorieFactory()
    CategorieFactory(bovenliggende_categorie=parent)

    response = client.delete(f"{CATEGORIEEN}/{parent.uuid}")

    assert response.status_code == 409
    assert problem(response)["code"] == "in_use"


def test_responses_set_no_session_cookie(client):
    response = client.get(CATEGORIEEN)

    assert not response.cookies
