"""The Bestellingen API over HTTP with a client per party: what the API tests share, the
parties themselves as the ``world`` fixture (conftest.py offers it to tests/bestellingen; other
test modules import it)."""

import json

import pytest
from django.test import Client

from softwarebroker.organisaties.models import Mandaat
from tests.auth import bearer
from tests.autorisaties.factories import make_applicatie
from tests.organisaties.factories import OrganisatieFactory

from .helpers import aanbieding_with_prijzen

API = "http://testserver/bestellingen/api/v1"
CATALOGUS = "http://testserver/catalogus/api/v1"


class Party:
    def __init__(self, client_id, *roles, user_id, **kwargs):
        make_applicatie(*roles, client_id=client_id, **kwargs)
        self.client = Client(headers=bearer(client_id, user_id=user_id))

    def get(self, url, **headers):
        return self.client.get(url, headers=headers)

    def send(self, method, url, data, **headers):
        return self.client.generic(
            method, url, json.dumps(data), content_type="application/json", headers=headers
        )

    def post(self, url, data, **headers):
        return self.send("POST", url, data, **headers)


def bestelling_payload(world, aantal=10, **regel):
    return {
        "besteller": f"{API}/organisaties/{world['organisatie'].uuid}",
        "kostenplaats": "ICT-2026",
        "regels": [
            {"aanbieding": f"{CATALOGUS}/aanbiedingen/{world['aanbieding'].uuid}", "aantal": aantal, **regel}
        ],
    }


def create(world, **kwargs):
    response = world["afnemer"].post(f"{API}/bestellingen", bestelling_payload(world, **kwargs))
    assert response.status_code == 201, response.content
    return response


def transition(party, url, naar, **extra):
    return party.post(f"{url}/statuswijzigingen", {"naarStatus": naar, **extra})


@pytest.fixture
def world():
    """The ordering organisation with its afnemer and budget holder, and a supplier with an offer."""
    organisatie = OrganisatieFactory(naam="Gemeente Voorbeeldstad")
    aanbieding = aanbieding_with_prijzen()
    Mandaat.objects.create(
        organisatie=organisatie, gebruikers_id="budget@voorbeeldstad.nl", maximum_bedrag=50000
    )
    return {
        "organisatie": organisatie,
        "aanbieding": aanbieding,
        "afnemer": Party("afnemer", "afnemer", organisatie=organisatie, user_id="inkoper@voorbeeldstad.nl"),
        "budgethouder": Party(
            "budgethouder", "budgethouder", organisatie=organisatie, user_id="budget@voorbeeldstad.nl"
        ),
        "leverancier": Party(
            "leverancier", "leverancier", leverancier=aanbieding.leverancier, user_id="support@leverancier.nl"
        ),
    }
