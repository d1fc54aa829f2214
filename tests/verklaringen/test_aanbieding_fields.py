"""An offer's declarations in the Catalogus API: ``verklaringen`` (the valid approved ones
covering it today, one per type), ``ontbrekendeVerklaringen`` and the ``volledigVerklaard``
filter, with a query count that does not grow with the page."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from softwarebroker.catalogus.models import Aanbieding
from softwarebroker.catalogus.verklaringen import vereist
from tests.catalogus.factories import AanbiedingFactory, LeverancierFactory, SoftwarepakketFactory

from .support import goedgekeurde_verklaring

pytestmark = pytest.mark.django_db

BASE = "http://testserver/catalogus/api/v1"


def _url(verklaring):
    return f"{BASE}/verklaringen/{verklaring.uuid}"


def _get(client, aanbieding):
    response = client.get(f"/catalogus/api/v1/aanbiedingen/{aanbieding.uuid}")
    assert response.status_code == 200, response.content
    return response.json()


def test_the_most_specific_valid_approved_declaration_of_each_type_and_the_missing_types(client):
    leverancier = LeverancierFactory()
    pakket = SoftwarepakketFactory()
    aanbieding = AanbiedingFactory(
        leverancier=leverancier,
        softwarepakket=pakket,
        vereiste_documenten=["verwerkersovereenkomst", "dpia", "sla", "exitplan"],
    )
    goedgekeurde_verklaring(leverancier, "verwerkersovereenkomst")
    eigen = goedgekeurde_verklaring(
        aanbieding, "verwerkersovereenkomst", geldig_tot=datetime.date(2099, 1, 1)
    )
    dpia = goedgekeurde_verklaring(pakket, "dpia")
    iso = goedgekeurde_verklaring(leverancier, "iso27001")  # covers it though not required
    goedgekeurde_verklaring(
        leverancier, "exitplan", geldig_tot=timezone.localdate() - datetime.timedelta(days=1)
    )

    body = _get(client, aanbieding)

    assert body["verklaringen"] == [
        {"type": "dpia", "verklaring": _url(dpia), "geldigVanaf": "2025-01-01", "geldigTot": None},
        {"type": "iso27001", "verklaring": _url(iso), "geldigVanaf": "2025-01-01", "geldigTot": None},
        {
            "type": "verwerkersovereenkomst",
            "verklaring": _url(eigen),
            "geldigVanaf": "2025-01-01",
            "geldigTot": "2099-01-01",
        },
    ]
    assert body["ontbrekendeVerklaringen"] == ["sla", "exitplan"]


def test_volledig_verklaard_filters_in_sql_on_offer_package_and_supplier_level(client):
    leverancier = LeverancierFactory()
    pakket = SoftwarepakketFactory()
    zonder_eisen = AanbiedingFactory(vereiste_documenten=[])
    via_leverancier = AanbiedingFactory(
        leverancier=leverancier, vereiste_documenten=["verwerkersovereenkomst"]
    )
    via_pakket = AanbiedingFactory(softwarepakket=pakket, vereiste_documenten=["dpia"])
    via_alle_drie = AanbiedingFactory(
        leverancier=leverancier,
        softwarepakket=pakket,
        vereiste_documenten=["verwerkersovereenkomst", "dpia", "sla"],
    )
    een_ontbreekt = AanbiedingFactory(
        leverancier=leverancier, vereiste_documenten=["verwerkersovereenkomst", "bio"]
    )
    goedgekeurde_verklaring(leverancier, "verwerkersovereenkomst")
    goedgekeurde_verklaring(pakket, "dpia")
    goedgekeurde_verklaring(via_alle_drie, "sla")
    goedgekeurde_verklaring(  # expired: does not count
        een_ontbreekt, "bio", geldig_tot=timezone.localdate() - datetime.timedelta(days=1)
    )

    def uuids(value):
        response = client.get("/catalogus/api/v1/aanbiedingen", {"volledigVerklaard": value, "pageSize": 100})
        assert response.status_code == 200, response.content
        results = response.json()["results"]
        assert all((r["ontbrekendeVerklaringen"] == []) == (value == "true") for r in results)
        return {r["url"].rsplit("/", 1)[1] for r in results}

    volledig = {str(a.uuid) for a in (zonder_eisen, via_leverancier, via_pakket, via_alle_drie)}
    assert uuids("true") == volledig
    assert uuids("false") == {str(een_ontbreekt.uuid)}
    today = timezone.localdate()
    assert set(
        Aanbieding.objects.filter(vereist.volledig_verklaard(today)).values_list("uuid", flat=True)
    ) == {a.uuid for a in (zonder_eisen, via_leverancier, via_pakket, via_alle_drie)}
    assert client.get("/catalogus/api/v1/aanbiedingen", {"volledigVerklaard": "ja"}).status_code == 400


def _list_queries(client, count):
    leverancier = LeverancierFactory()
    for _ in range(count):
        aanbieding = AanbiedingFactory(leverancier=leverancier, vereiste_documenten=["dpia", "sla"])
        goedgekeurde_verklaring(aanbieding, "dpia")
        goedgekeurde_verklaring(aanbieding.softwarepakket, "sla")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(
            "/catalogus/api/v1/aanbiedingen", {"volledigVerklaard": "true", "pageSize": 100}
        )
    assert response.status_code == 200
    results = response.json()["results"]
    assert len(results) == Aanbieding.objects.count()
    assert all([v["type"] for v in r["verklaringen"]] == ["dpia", "sla"] for r in results)
    return len(queries.captured_queries), sum(
        "catalogus_verklaring" in q["sql"] for q in queries.captured_queries
    )


def test_the_list_reads_the_declarations_of_a_page_in_one_query(client):
    few, few_verklaring = _list_queries(client, 2)
    many, many_verklaring = _list_queries(client, 10)

    # The filter is part of the list's query; both fields together add one query.
    assert few == many
    assert few_verklaring == many_verklaring == 2
