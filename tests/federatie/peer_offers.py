"""Another instance's offers as its Catalogus API publishes them, and the parties that order
them here (the peer's API itself is mocked with requests-mock, or a real server on 127.0.0.1)."""

import json
import uuid

from django.test import Client

from tests.auth import bearer
from tests.autorisaties.factories import make_applicatie

API = "http://testserver/bestellingen/api/v1"
PEER = "https://peer.example.nl/catalogus/api/v1/"


def peer_aanbieding(identifier=None, **overrides) -> dict:
    """An aanbieding as another instance publishes it: 100.00 once and 10.00 a year per unit."""
    identifier = identifier or uuid.uuid4()
    aanbieding = {
        "url": f"{PEER}aanbiedingen/{identifier}",
        "softwarepakket": f"{PEER}softwarepakketten/{uuid.uuid4()}",
        "leverancier": f"{PEER}leveranciers/7a1f0f5e-3f5a-4d0c-9d43-2a6b1c0e7c11",
        "naam": "Zaaksysteem SaaS (peer)",
        "omschrijving": "",
        "leveringsvorm": "saas",
        "hostinglocatie": "nl",
        "licentiemodel": "per_gebruiker",
        "eenheid": "gebruiker",
        "minimaleAfname": 1,
        "looptijdMaanden": 12,
        "verlenging": "automatisch",
        "raamovereenkomst": None,
        "bestelparametersSchema": {},
        "vereisteDocumenten": [],
        "geldigVanaf": "2020-01-01",
        "geldigTot": None,
        "status": "gepubliceerd",
        "actuelePrijzen": [
            peer_prijs(identifier, "eenmalig", None, "100.00"),
            peer_prijs(identifier, "terugkerend", "jaar", "10.00"),
        ],
    }
    aanbieding.update(overrides)
    return aanbieding


def peer_prijs(aanbieding_id, prijstype, periode, bedrag, staffels=()):
    return {
        "url": f"{PEER}prijzen/{uuid.uuid4()}",
        "aanbieding": f"{PEER}aanbiedingen/{aanbieding_id}",
        "prijstype": prijstype,
        "periode": periode,
        "bedragExclBtw": bedrag,
        "btwPercentage": "21.00",
        "staffels": list(staffels),
        "doelgroep": "iedereen",
        "geldigVanaf": "2020-01-01",
        "geldigTot": None,
    }


class Party:
    def __init__(self, client_id, *roles, user_id, **kwargs):
        make_applicatie(*roles, client_id=client_id, **kwargs)
        self.client = Client(headers=bearer(client_id, user_id=user_id))

    def post(self, url, data):
        return self.client.post(url, json.dumps(data), content_type="application/json")

    def get(self, url):
        return self.client.get(url)


def order(gemeente, aanbieding_url, aantal=5):
    return gemeente["afnemer"].post(
        f"{API}/bestellingen",
        {
            "besteller": f"{API}/organisaties/{gemeente['organisatie'].uuid}",
            "regels": [{"aanbieding": aanbieding_url, "aantal": aantal}],
        },
    )
