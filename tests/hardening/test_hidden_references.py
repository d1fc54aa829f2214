"""A reference to something the client may not see answers exactly like a reference to
nothing: the same status, code and message (with the URL the client sent)."""

import json
import uuid

import pytest
from django.test import Client

from tests.auth import bearer
from tests.autorisaties.factories import make_applicatie
from tests.bestellingen.factories import LicentieFactory
from tests.bestellingen.helpers import aanbieding_with_prijzen
from tests.catalogus.factories import AanbiedingFactory, LeverancierFactory, SoftwarepakketFactory
from tests.conftest import problem
from tests.organisaties.factories import OrganisatieFactory

pytestmark = pytest.mark.django_db
CATALOGUS = "http://testserver/catalogus/api/v1"
BESTELLINGEN = "http://testserver/bestellingen/api/v1"


def _client(*roles, **party):
    applicatie = make_applicatie(*roles, **party)
    return Client(headers=bearer(applicatie.client_id, user_id=f"{applicatie.client_id}@test"))


def _post(client, url, body):
    return client.post(url, json.dumps(body), content_type="application/json")


def _answer(response, sent_url: str) -> tuple:
    """Status, and every problem with the URL the client sent taken out."""
    body = problem(response)
    params = [
        (param["name"], param["code"], param["reason"].replace(sent_url, "<url>"))
        for param in body.get("invalidParams", [])
    ]
    return response.status_code, body["code"], params


def _nothing(collection: str) -> str:
    return f"{collection}/{uuid.uuid4()}"


def _same_as_nothing(send, hidden_url: str, nothing_url: str):
    assert _answer(send(hidden_url), hidden_url) == _answer(send(nothing_url), nothing_url)


def test_an_offer_on_another_suppliers_concept_package_is_as_unknown_as_none():
    mine, theirs = LeverancierFactory(), LeverancierFactory()
    concept = SoftwarepakketFactory(status="concept", fabrikant=theirs)
    client = _client("leverancier", leverancier=mine)

    def send(pakket_url):
        return _post(
            client,
            f"{CATALOGUS}/aanbiedingen",
            {
                "softwarepakket": pakket_url,
                "leverancier": f"{CATALOGUS}/leveranciers/{mine.uuid}",
                "naam": "Meeliften",
                "leveringsvorm": "saas",
                "licentiemodel": "per_gebruiker",
                "eenheid": "gebruiker",
                "geldigVanaf": "2026-01-01",
            },
        )

    _same_as_nothing(
        send, f"{CATALOGUS}/softwarepakketten/{concept.uuid}", f"{CATALOGUS}/{_nothing('softwarepakketten')}"
    )


def test_a_price_for_another_suppliers_concept_offer_is_as_unknown_as_none():
    concept = AanbiedingFactory(status="concept")
    client = _client("leverancier", leverancier=LeverancierFactory())

    def send(aanbieding_url):
        return _post(
            client,
            f"{CATALOGUS}/prijzen",
            {
                "aanbieding": aanbieding_url,
                "prijstype": "eenmalig",
                "grondslag": "per_bestelling",
                "bedragExclBtw": "1.00",
                "geldigVanaf": "2026-01-01",
            },
        )

    _same_as_nothing(
        send, f"{CATALOGUS}/aanbiedingen/{concept.uuid}", f"{CATALOGUS}/{_nothing('aanbiedingen')}"
    )


def test_ordering_another_suppliers_concept_offer_is_as_unknown_as_none():
    organisatie = OrganisatieFactory()
    concept = AanbiedingFactory(status="concept")
    client = _client("afnemer", organisatie=organisatie)

    def send(aanbieding_url):
        return _post(
            client,
            f"{BESTELLINGEN}/bestellingen",
            {
                "besteller": f"{BESTELLINGEN}/organisaties/{organisatie.uuid}",
                "regels": [{"aanbieding": aanbieding_url, "aantal": 1}],
            },
        )

    _same_as_nothing(
        send, f"{CATALOGUS}/aanbiedingen/{concept.uuid}", f"{CATALOGUS}/{_nothing('aanbiedingen')}"
    )


def test_another_organisations_licence_is_as_unknown_as_none():
    organisatie = OrganisatieFactory()
    aanbieding = aanbieding_with_prijzen()
    theirs = LicentieFactory()  # of another organisation
    client = _client("afnemer", organisatie=organisatie)

    def send(licentie_url):
        return _post(
            client,
            f"{BESTELLINGEN}/bestellingen",
            {
                "besteller": f"{BESTELLINGEN}/organisaties/{organisatie.uuid}",
                "regels": [
                    {
                        "aanbieding": f"{CATALOGUS}/aanbiedingen/{aanbieding.uuid}",
                        "aantal": 1,
                        "actie": "uitbreiden",
                        "licentie": licentie_url,
                    }
                ],
            },
        )

    _same_as_nothing(
        send, f"{BESTELLINGEN}/licenties/{theirs.uuid}", f"{BESTELLINGEN}/{_nothing('licenties')}"
    )
