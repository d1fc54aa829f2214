"""What Django refuses before any view runs (a bad Host, too many fields, a body too large, a
broken Content-Length) answers in the documented problem shapes: a 400 is a ``ValidatieFout``
(with ``invalidParams``), a 413 a ``Fout``."""

import pytest
from django.http import HttpResponseBadRequest
from django.test import Client, override_settings
from django.urls import include, path

from tests.api.contract import assert_matches_component
from tests.conftest import invalid_param, problem

pytestmark = pytest.mark.django_db

CATEGORIEEN = "/catalogus/api/v1/categorieen"
# A client that does not prefer HTML gets problem+json outside the APIs as well.
JSON_CLIENT = {"Accept": "application/json"}


def bare_bad_request(request):
    return HttpResponseBadRequest(b"kapot")


urlpatterns = [
    path("catalogus/api/v1/kaal", bare_bad_request),
    path("", include("softwarebroker.urls")),
]


def refused(response, status: int, documents) -> dict:
    assert response.status_code == status, response.content[:300]
    body = problem(response)
    assert_matches_component(documents["catalogus"], "ValidatieFout" if status == 400 else "Fout", body)
    return body


@override_settings(ALLOWED_HOSTS=["testserver"])
def test_a_host_not_served_names_the_host_header(client, documents):
    response = client.get(CATEGORIEEN, headers={"Host": "aanvaller.example"})

    body = refused(response, 400, documents)
    assert invalid_param(body, "Host")["code"] == "disallowed_host"


def test_too_many_query_parameters_name_the_query(client, documents, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 5
    query = "&".join(f"p{index}=1" for index in range(6))

    body = refused(client.get(f"{CATEGORIEEN}?{query}"), 400, documents)

    assert invalid_param(body, "query")["code"] == "too_many_fields"


def test_too_many_form_fields_name_the_body(documents, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 5
    fields = {f"veld{index}": "x" for index in range(6)}

    response = Client(headers=JSON_CLIENT).post("/admin/login/", fields)

    body = refused(response, 400, documents)
    assert invalid_param(body, "body")["code"] == "too_many_fields"


def test_a_body_over_djangos_own_limit_is_413(documents, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10

    response = Client(headers=JSON_CLIENT).post("/admin/login/", {"username": "x" * 50})

    body = refused(response, 413, documents)
    assert body["code"] == "request_too_large"


def test_an_invalid_content_length_names_the_header(client, documents):
    response = client.generic(
        "POST", CATEGORIEEN, b"{}", content_type="application/json", CONTENT_LENGTH="veel"
    )

    body = refused(response, 400, documents)
    assert invalid_param(body, "Content-Length")["code"] == "invalid"


@override_settings(ROOT_URLCONF=__name__)
def test_a_bare_400_of_any_view_becomes_a_validatiefout(client, documents):
    body = refused(client.get("/catalogus/api/v1/kaal"), 400, documents)

    assert body["invalidParams"] == []
