"""A text with a format, pattern or choices that is left empty: ``null`` in every
representation; ``null`` and, from clients of earlier versions, ``""`` accepted on input."""

import json

import pytest

from softwarebroker.audit.models import AuditTrail
from softwarebroker.catalogus.models import Aanbieding, Leverancier, Prijs, Softwarepakket
from softwarebroker.organisaties.models import Organisatie
from tests.audit.factories import AuditTrailFactory
from tests.catalogus.api_requests import BASE, send, url
from tests.catalogus.factories import AanbiedingFactory, LeverancierFactory, SoftwarepakketFactory

pytestmark = pytest.mark.django_db

NONE = pytest.mark.parametrize("none", [None, ""], ids=["null", "empty-string-of-earlier-versions"])


@NONE
def test_a_leverancier_without_website_or_email_shows_null(client, none):
    response = send(
        client,
        "POST",
        "leveranciers",
        {"naam": "Leeg B.V.", "kvkNummer": "70001234", "website": none, "contactgegevens": {"email": none}},
    )

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["website"] is None
    assert body["contactgegevens"]["email"] is None
    leverancier = Leverancier.objects.get(kvk_nummer="70001234")
    assert (leverancier.website, leverancier.contact_email) == ("", "")  # one stored value for "none"
    assert client.get(body["url"]).json() == body


def test_null_clears_a_url_and_a_value_is_shown_as_it_is(client):
    pakket = SoftwarepakketFactory(website="https://zaaksysteem.example", repository_url="")

    cleared = send(client, "PATCH", f"softwarepakketten/{pakket.uuid}", {"website": None})

    assert cleared.status_code == 200, cleared.json()
    assert (cleared.json()["website"], cleared.json()["repositoryUrl"]) == (None, None)
    pakket.refresh_from_db()
    assert pakket.website == ""
    filled = send(
        client, "PATCH", f"softwarepakketten/{pakket.uuid}", {"documentatieUrl": "https://docs.example"}
    )
    assert filled.json()["documentatieUrl"] == "https://docs.example"
    assert Softwarepakket.objects.get(pk=pakket.pk).documentatie_url == "https://docs.example"


@NONE
def test_a_price_without_periode_and_an_offer_without_hostinglocatie(client, none):
    aanbieding = AanbiedingFactory()
    offer = send(client, "PATCH", f"aanbiedingen/{aanbieding.uuid}", {"hostinglocatie": none})
    price = send(
        client,
        "POST",
        "prijzen",
        {
            "aanbieding": url("aanbiedingen", aanbieding),
            "prijstype": "eenmalig",
            "grondslag": "per_bestelling",
            "periode": none,
            "bedragExclBtw": "100.00",
            "geldigVanaf": "2026-01-01",
        },
    )

    assert offer.status_code == 200, offer.json()
    assert offer.json()["hostinglocatie"] is None
    assert Aanbieding.objects.get(pk=aanbieding.pk).hostinglocatie == ""
    assert price.status_code == 201, price.json()
    assert price.json()["periode"] is None
    assert Prijs.objects.get(aanbieding=aanbieding).periode == ""
    listed = client.get(f"{BASE}/aanbiedingen/{aanbieding.uuid}").json()
    assert listed["hostinglocatie"] is None
    assert [prijs["periode"] for prijs in listed["actuelePrijzen"]] == [None]


def test_a_choice_is_still_checked_when_given(client):
    aanbieding = AanbiedingFactory()

    response = send(client, "PATCH", f"aanbiedingen/{aanbieding.uuid}", {"hostinglocatie": "mars"})

    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "hostinglocatie"


@NONE
def test_an_organisation_without_gemeentecode(client, none):
    response = client.post(
        "/bestellingen/api/v1/organisaties",
        json.dumps(
            {
                "oin": "00000001001589623999",
                "naam": "Regio",
                "type": "samenwerkingsverband",
                "gemeentecode": none,
            }
        ),
        content_type="application/json",
    )

    assert response.status_code == 201, response.json()
    assert response.json()["gemeentecode"] is None
    assert Organisatie.objects.get(oin="00000001001589623999").gemeentecode == ""


def test_the_audit_trail_keeps_null_and_still_shows_older_snapshots_as_they_were(client):
    leverancier = LeverancierFactory(website="https://leverancier.example")
    older = AuditTrailFactory(
        hoofd_object=url("leveranciers", leverancier),
        hoofd_object_uuid=leverancier.uuid,
        leverancier=leverancier,
        nieuw={"url": url("leveranciers", leverancier), "website": ""},
    )

    send(client, "PATCH", f"leveranciers/{leverancier.uuid}", {"website": None})

    entry = (
        AuditTrail.objects.exclude(pk=older.pk)
        .exclude(bron="factory")
        .get(hoofd_object_uuid=leverancier.uuid)
    )
    assert entry.oud["website"] == "https://leverancier.example"
    assert entry.nieuw["website"] is None
    trail = client.get(f"{BASE}/leveranciers/{leverancier.uuid}/audittrail").json()["results"]
    snapshots = {item["url"].rsplit("/", 1)[1]: item["wijzigingen"]["nieuw"] for item in trail}
    assert snapshots[str(older.uuid)]["website"] == ""  # a snapshot is shown as it was taken
    assert snapshots[str(entry.uuid)]["website"] is None
