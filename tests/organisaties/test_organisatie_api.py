import json

import pytest

from softwarebroker.organisaties.models import Organisatie
from tests.conftest import invalid_param, problem
from tests.organisaties.factories import OrganisatieFactory

pytestmark = pytest.mark.django_db

URL = "/bestellingen/api/v1/organisaties"


def post(client, data):
    return client.post(URL, json.dumps(data), content_type="application/json")


def test_register_a_partnership_with_participants(client):
    deelnemers = OrganisatieFactory.create_batch(2)

    response = post(
        client,
        {
            "oin": "00000003273229000001",
            "naam": "Samenwerking Kust",
            "type": "samenwerkingsverband",
            "deelnemers": [f"http://testserver{URL}/{deelnemer.uuid}" for deelnemer in deelnemers],
        },
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert response["Location"] == body["url"]
    assert sorted(body["deelnemers"]) == sorted(
        f"http://testserver{URL}/{deelnemer.uuid}" for deelnemer in deelnemers
    )
    assert Organisatie.objects.get(oin="00000003273229000001").deelnemers.count() == 2


def test_oin_is_unique(client):
    OrganisatieFactory(oin="00000001001589623000")

    response = post(client, {"oin": "00000001001589623000", "naam": "Dubbel", "type": "gemeente"})

    assert invalid_param(problem(response), "oin")["code"] == "unique"


def test_only_municipalities_have_a_gemeentecode(client):
    response = post(
        client,
        {"oin": "00000001001589623001", "naam": "Provincie", "type": "provincie", "gemeentecode": "0363"},
    )

    assert invalid_param(problem(response), "gemeentecode")["code"] == "not_allowed"


def test_an_organisation_cannot_participate_in_itself(client):
    samenwerkingsverband = OrganisatieFactory(type="samenwerkingsverband", gemeentecode="")

    response = client.patch(
        f"{URL}/{samenwerkingsverband.uuid}",
        json.dumps({"deelnemers": [f"http://testserver{URL}/{samenwerkingsverband.uuid}"]}),
        content_type="application/json",
    )

    assert invalid_param(problem(response), "deelnemers")["code"] == "self"


def test_filter_by_type_and_sort_by_inwonertal(client):
    OrganisatieFactory(naam="Klein", inwonertal=1000)
    OrganisatieFactory(naam="Groot", inwonertal=900000)
    OrganisatieFactory(naam="Verband", type="samenwerkingsverband", gemeentecode="", inwonertal=None)

    body = client.get(URL + "?type=gemeente&sorteer=-inwonertal").json()

    assert [item["naam"] for item in body["results"]] == ["Groot", "Klein"]
