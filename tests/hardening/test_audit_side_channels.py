"""The audit trail never carries more than its reader may see of the resource: an internal
message's content (in the entry's description or its toelichting) stays on its author's side."""

import json

import pytest
from django.test import Client

from softwarebroker.bestellingen.models import Bericht
from tests.auth import bearer
from tests.autorisaties.factories import make_applicatie
from tests.bestellingen.factories import BestellingFactory

pytestmark = pytest.mark.django_db

SECRET_TEXT = "Onze onderhandelingsruimte is 20 procent"


def _client(*roles, **party):
    applicatie = make_applicatie(*roles, **party)
    return Client(headers=bearer(applicatie.client_id, user_id=f"{applicatie.client_id}@test"))


def _trail(client, bestelling) -> list[dict]:
    response = client.get(f"/bestellingen/api/v1/bestellingen/{bestelling.uuid}/audittrail")
    assert response.status_code == 200, response.content[:300]
    return response.json()["results"]


@pytest.mark.parametrize("author", ["afnemer", "leverancier"])
def test_an_internal_message_is_audited_for_its_authors_side_only(author):
    bestelling = BestellingFactory()
    afnemer = _client("afnemer", organisatie=bestelling.besteller)
    leverancier = _client("leverancier", leverancier=bestelling.leverancier)
    broker = _client("broker")
    writer, reader = (afnemer, leverancier) if author == "afnemer" else (leverancier, afnemer)

    response = writer.post(
        f"/bestellingen/api/v1/bestellingen/{bestelling.uuid}/berichten",
        json.dumps({"inhoud": SECRET_TEXT, "zichtbaarheid": "intern"}),
        content_type="application/json",
        headers={"X-Audit-Toelichting": SECRET_TEXT},
    )
    assert response.status_code == 201, response.content[:300]
    bericht_url = response.json()["url"]

    own = [entry for entry in _trail(writer, bestelling) if entry["resourceUrl"] == bericht_url]
    other = [entry for entry in _trail(reader, bestelling) if entry["resourceUrl"] == bericht_url]
    everything = [entry for entry in _trail(broker, bestelling) if entry["resourceUrl"] == bericht_url]
    assert len(own) == 1 and len(everything) == 1
    assert other == []  # the other party learns nothing of the internal message
    assert SECRET_TEXT not in json.dumps(_trail(reader, bestelling))


def test_an_open_messages_entry_names_it_without_its_content():
    bestelling = BestellingFactory()
    afnemer = _client("afnemer", organisatie=bestelling.besteller)
    leverancier = _client("leverancier", leverancier=bestelling.leverancier)

    response = afnemer.post(
        f"/bestellingen/api/v1/bestellingen/{bestelling.uuid}/berichten",
        json.dumps({"inhoud": "Graag levering in maart.", "zichtbaarheid": "openbaar"}),
        content_type="application/json",
    )
    assert response.status_code == 201

    entries = [e for e in _trail(leverancier, bestelling) if e["resourceUrl"] == response.json()["url"]]
    assert len(entries) == 1
    assert "maart" not in entries[0]["resourceWeergave"]
    assert "maart" not in str(Bericht.objects.get())
