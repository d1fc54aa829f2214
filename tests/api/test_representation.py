"""The one representation path (``api.representation_engine``) and the JSON renderer."""

import datetime
import decimal
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.translation import gettext_lazy
from rest_framework.renderers import JSONRenderer as RESTFrameworkJSONRenderer

from softwarebroker.api.renderers import JSONRenderer
from softwarebroker.catalogus import search
from tests.catalogus.factories import AanbiedingFactory, CategorieFactory, PrijsFactory, SoftwarepakketFactory

pytestmark = pytest.mark.django_db

BASE = "/catalogus/api/v1"


def test_orjson_renders_what_rest_framework_renders():
    data = {
        "tekst": "Zaaksysteem — ‘gemeente’",
        "getal": 12,
        "bedrag": decimal.Decimal("12.50"),
        "moment": datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.UTC),
        "datum": datetime.date(2026, 1, 2),
        "lui": gettext_lazy("Niet gevonden."),
        "lijst": [None, True, 1.5, {"genest": []}],
    }

    ours = JSONRenderer().render(data, "application/json", {})

    assert json.loads(ours) == json.loads(RESTFrameworkJSONRenderer().render(data, "application/json", {}))
    assert json.loads(ours)["moment"] == "2026-01-02T03:04:05Z"


def test_indent_asked_for_in_accept_is_honoured(client):
    CategorieFactory()

    response = client.get(f"{BASE}/categorieen", HTTP_ACCEPT="application/json; indent=2")

    assert response.status_code == 200
    assert b'\n  "count"' in response.content


def test_write_responses_and_reads_are_the_same_representation(client):
    pakket = SoftwarepakketFactory()
    payload = {
        "softwarepakket": f"http://testserver{BASE}/softwarepakketten/{pakket.uuid}",
        "leverancier": f"http://testserver{BASE}/leveranciers/{pakket.fabrikant.uuid}",
        "naam": "Zaaksysteem als dienst",
        "leveringsvorm": "saas",
        "licentiemodel": "per_gebruiker",
        "eenheid": "gebruiker",
        "geldigVanaf": "2026-01-01",
    }

    created = client.post(f"{BASE}/aanbiedingen", payload, content_type="application/json")

    assert created.status_code == 201, created.content
    assert client.get(created["Location"]).json() == created.json()


def test_reference_lists_follow_the_related_models_order(client):
    pakket = SoftwarepakketFactory()
    pakket.categorieen.add(CategorieFactory(naam="Zaken"), CategorieFactory(naam="Archief"))

    body = client.get(f"{BASE}/softwarepakketten/{pakket.uuid}?expand=categorieen").json()

    assert [item["naam"] for item in body["_expand"]["categorieen"]] == ["Archief", "Zaken"]
    assert body["categorieen"] == [item["url"] for item in body["_expand"]["categorieen"]]


def test_fields_reads_only_the_columns_asked_for(client):
    AanbiedingFactory(omschrijving="Lange omschrijving")

    with CaptureQueriesContext(connection) as queries:
        body = client.get(f"{BASE}/aanbiedingen?fields=naam").json()

    assert set(body["results"][0]) == {"url", "naam"}
    page_query = next(query["sql"] for query in queries.captured_queries if '"naam"' in query["sql"])
    assert "omschrijving" not in page_query
    assert "catalogus_prijs" not in " ".join(query["sql"] for query in queries.captured_queries)


def test_search_pages_continue_the_ranking(client):
    for naam in ("Zaaksysteem Noord", "Zaaksysteem Zuid", "Zaakregistratie", "Archief"):
        SoftwarepakketFactory(naam=naam, korte_omschrijving="Voor zaaksystemen en zaken")
    search.refresh_softwarepakketten()

    whole = client.get(f"{BASE}/softwarepakketten?zoek=zaaksysteem").json()
    paged = [
        client.get(f"{BASE}/softwarepakketten?zoek=zaaksysteem&pageSize=1&page={page}").json()["results"][0]
        for page in range(1, whole["count"] + 1)
    ]

    assert whole["count"] == 4
    assert paged == whole["results"]


def test_actuele_prijzen_are_the_prijzen_resource(client):
    prijs = PrijsFactory(geldig_vanaf=datetime.date(2020, 1, 1), geldig_tot=None)

    aanbieding = client.get(f"{BASE}/aanbiedingen/{prijs.aanbieding.uuid}").json()

    assert aanbieding["actuelePrijzen"] == [client.get(f"{BASE}/prijzen/{prijs.uuid}").json()]
