"""``/referentiecomponenten``: the GEMMA register, read only, with its filters; packages name
only entries of it (400 at ``referentiecomponenten.N`` otherwise)."""

import pytest
from django.test import Client

from tests.auth import bearer
from tests.autorisaties.factories import make_applicatie
from tests.catalogus.api_requests import BASE, send, url
from tests.catalogus.factories import SoftwarepakketFactory, referentiecomponent
from tests.conftest import invalid_param, problem

pytestmark = pytest.mark.django_db

ZAAK_ID = "id-a97b6545-d5a7-485d-9b13-3ce22db5b9cf"


@pytest.fixture
def register():
    return (
        referentiecomponent("Zaakregistratiecomponent", gemma_id=ZAAK_ID, beschrijving="Registreert zaken."),
        referentiecomponent(
            "Generiek zaakafhandelcomponent", gemma_id="id-f2dfbd0b-9d36-405c-bdbe-827f3296de29"
        ),
        referentiecomponent("Bezwaar- en beroepcomponent", status="in_ontwikkeling"),
        referentiecomponent("Oude zaakcomponent", status="teruggetrokken"),
    )


def lezer() -> Client:
    return Client(headers=bearer(make_applicatie("lezer").client_id))


def namen(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["naam"] for item in response.json()["results"]]


def test_list_detail_and_filters(register):
    zaak = register[0]
    client = lezer()

    assert namen(client.get(f"{BASE}/referentiecomponenten")) == [
        "Bezwaar- en beroepcomponent",
        "Generiek zaakafhandelcomponent",
        "Oude zaakcomponent",
        "Zaakregistratiecomponent",
    ]
    assert namen(client.get(f"{BASE}/referentiecomponenten?naam=ZAAK")) == [
        "Generiek zaakafhandelcomponent",
        "Oude zaakcomponent",
        "Zaakregistratiecomponent",
    ]
    assert namen(client.get(f"{BASE}/referentiecomponenten?status=in_ontwikkeling")) == [
        "Bezwaar- en beroepcomponent"
    ]
    assert namen(client.get(f"{BASE}/referentiecomponenten?gemmaId={ZAAK_ID.upper()}")) == [
        "Zaakregistratiecomponent"
    ]
    assert client.get(f"{BASE}/referentiecomponenten/{zaak.uuid}").json() == {
        "url": url("referentiecomponenten", zaak),
        "gemmaId": ZAAK_ID,
        "naam": "Zaakregistratiecomponent",
        "beschrijving": "Registreert zaken.",
        "status": "in_gebruik",
        "uri": f"https://www.gemmaonline.nl/wiki/GEMMA/{ZAAK_ID}",
    }
    status = client.get(f"{BASE}/referentiecomponenten?status=vervallen")
    assert invalid_param(problem(status), "status")


def test_the_register_is_not_written_through_the_api(register):
    broker = Client(headers=bearer(make_applicatie("broker").client_id))

    response = send(broker, "POST", "referentiecomponenten", {"naam": "Nieuw"})

    assert response.status_code == 405


def test_a_package_names_only_components_of_the_register(register):
    zaak, zaakafhandel, _bezwaar, oud = register
    broker = Client(headers=bearer(make_applicatie("broker").client_id))
    onbekend = "https://www.gemmaonline.nl/wiki/GEMMA/id-00000000-0000-0000-0000-000000000000"
    body = {"naam": "Zaakvlot", "licentie": "EUPL-1.2", "openSource": True}

    created = send(broker, "POST", "softwarepakketten", {**body, "referentiecomponenten": [zaak.uri]})
    wrong = send(
        broker,
        "POST",
        "softwarepakketten",
        {**body, "naam": "Fout", "referentiecomponenten": [zaak.uri, onbekend, oud.uri, zaak.uri]},
    )

    assert created.status_code == 201, created.content
    assert created.json()["referentiecomponenten"] == [zaak.uri]
    problems = problem(wrong)
    assert wrong.status_code == 400
    assert invalid_param(problems, "referentiecomponenten.1")["code"] == "onbekend"
    assert invalid_param(problems, "referentiecomponenten.2")["code"] == "teruggetrokken"
    assert invalid_param(problems, "referentiecomponenten.3")["code"] == "dubbel"

    pakket_url = created.json()["url"].removeprefix(f"http://testserver{BASE}/")
    patched = send(broker, "PATCH", pakket_url, {"referentiecomponenten": [zaak.uri, onbekend]})
    allowed = send(broker, "PATCH", pakket_url, {"referentiecomponenten": [zaakafhandel.uri, zaak.uri]})

    assert invalid_param(problem(patched), "referentiecomponenten.1")["code"] == "onbekend"
    assert allowed.status_code == 200
    assert allowed.json()["referentiecomponenten"] == [zaakafhandel.uri, zaak.uri]


def test_a_factory_package_with_a_component_outside_the_register_is_refused():
    from softwarebroker.core.errors import Invalid

    with pytest.raises(Invalid):
        SoftwarepakketFactory(referentiecomponenten=["https://gemma.example/zrc"])
