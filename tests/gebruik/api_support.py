"""Software use over HTTP: organisations with an afnemer and a budget holder each, the broker
and a supplier, each with its own token."""

from __future__ import annotations

import pytest

from tests.bestellingen.api_world import API, CATALOGUS, Party
from tests.catalogus.factories import SoftwarepakketFactory, SoftwarepakketversieFactory
from tests.organisaties.factories import OrganisatieFactory

from .support import register


def organisatie_met_clients(naam: str, client: str) -> dict:
    organisatie = OrganisatieFactory(naam=naam)
    return {
        "organisatie": organisatie,
        "url": f"{API}/organisaties/{organisatie.uuid}",
        "afnemer": Party(f"{client}-afnemer", "afnemer", organisatie=organisatie, user_id=f"i@{client}.nl"),
        "budgethouder": Party(
            f"{client}-budget", "budgethouder", organisatie=organisatie, user_id=f"b@{client}.nl"
        ),
    }


def pakket_url(pakket) -> str:
    return f"{CATALOGUS}/softwarepakketten/{pakket.uuid}"


def versie_url(versie) -> str:
    return f"{CATALOGUS}/softwarepakketversies/{versie.uuid}"


def registreer(party, organisatie: dict, pakket, versie=None, **extra):
    body = {"organisatie": organisatie["url"], "softwarepakket": pakket_url(pakket), **extra}
    if versie is not None:
        body["softwarepakketversie"] = versie_url(versie)
    return party.post(f"{API}/gebruiken", body)


def geregistreerd(party, organisatie: dict, pakket, versie=None, **extra) -> dict:
    response = registreer(party, organisatie, pakket, versie, **extra)
    assert response.status_code == 201, response.content
    return response.json()


@pytest.fixture
def wereld():
    """Two organisations, the broker, a package with versions 1.0 and 2.0 and the GEMMA register."""
    register()
    pakket = SoftwarepakketFactory(naam="Zaaksysteem")
    v1 = SoftwarepakketversieFactory(softwarepakket=pakket, versie="1.0.0")
    v2 = SoftwarepakketversieFactory(softwarepakket=pakket, versie="2.0.0")
    return {
        "pakket": pakket,
        "v1": v1,
        "v2": v2,
        "a": organisatie_met_clients("Gemeente Aadorp", "aadorp"),
        "b": organisatie_met_clients("Gemeente Bedorp", "bedorp"),
        "broker": Party("broker", "broker", user_id="beheer@broker.nl"),
    }
