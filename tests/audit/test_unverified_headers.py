"""Only signed claims say who acted: the NLX headers are recorded apart, as unverified."""

import json

import pytest
from django.test import Client

from tests.auth import bearer
from tests.autorisaties.factories import make_applicatie

pytestmark = pytest.mark.django_db

ORGANISATIES = "/bestellingen/api/v1/organisaties"
NLX = {"X-NLX-Request-User-Id": "iemand-anders@elders.nl", "X-NLX-Request-Application-Id": "andere-app"}


def created_entry(client):
    response = client.post(
        ORGANISATIES,
        json.dumps({"oin": "00000001001589623123", "naam": "Gemeente Nieuw", "type": "gemeente"}),
        content_type="application/json",
        headers=NLX,
    )
    assert response.status_code == 201, response.content
    (entry,) = client.get(f"{response['Location']}/audittrail").json()["results"]
    return entry


def test_a_token_without_user_id_leaves_gebruikers_id_empty_whatever_the_header():
    broker = make_applicatie("broker", client_id="broker-zonder-gebruiker")

    entry = created_entry(Client(headers=bearer(broker.client_id)))

    assert entry["gebruikersId"] == ""
    assert entry["applicatieId"] == "broker-zonder-gebruiker"
    assert entry["nlxGebruikersId"] == "iemand-anders@elders.nl"
    assert entry["nlxApplicatieId"] == "andere-app"


def test_the_signed_user_id_is_recorded_normalised_and_the_header_apart():
    broker = make_applicatie("broker", client_id="broker-met-gebruiker")

    entry = created_entry(Client(headers=bearer(broker.client_id, user_id=" Beheerder@Broker.nl")))

    assert entry["gebruikersId"] == "beheerder@broker.nl"
    assert entry["applicatieId"] == "broker-met-gebruiker"
    assert entry["nlxGebruikersId"] == "iemand-anders@elders.nl"


def test_the_contract_labels_the_header_fields_as_unverified(documents):
    schema = documents["bestellingen"]["components"]["schemas"]["AuditTrail"]["properties"]

    for name in ("nlxGebruikersId", "nlxApplicatieId"):
        assert schema[name]["readOnly"] is True
        assert schema[name]["description"].startswith("Niet geverifieerd")
    assert "ondertekende claim" in schema["gebruikersId"]["description"]
