"""Software use over HTTP: organisations with an afnemer and a budget holder each, the broker
and a supplier, each with its own token."""

from __future__ import annotations

from tests.bestellingen.api_world import API, CATALOGUS, Party
from tests.organisaties.factories import OrganisatieFactory


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
