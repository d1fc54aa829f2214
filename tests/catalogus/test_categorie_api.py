import json

import pytest

from softwarebroker.catalogus.models import Categorie
from tests.catalogus.factories import CategorieFactory
from tests.conftest import invalid_param, problem

pytestmark = pytest.mark.django_db

URL = "/catalogus/api/v1/categorieen"


def send(client, method, url, data):
    return client.generic(method, url, json.dumps(data), content_type="application/json")


def test_create_gives_201_with_location(client):
    parent = CategorieFactory(naam="Zaakgericht werken")
    parent_url = f"http://testserver{URL}/{parent.uuid}"

    response = send(client, "POST", URL, {"naam": "Zaaksystemen", "bovenliggendeCategorie": parent_url})

    assert response.status_code == 201
    body = response.json()
    assert response["Location"] == body["url"]
    created = Categorie.objects.get(naam="Zaaksystemen")
    assert body["url"] == f"http://testserver{URL}/{created.uuid}"
    assert body["bovenliggendeCategorie"] == parent_url
    assert created.bovenliggende_categorie == parent


def test_put_patch_and_delete(client):
    categorie = CategorieFactory(naam="Oud")
    url = f"{URL}/{categorie.uuid}"

    put = send(client, "PUT", url, {"naam": "Nieuw", "omschrijving": "Beschrijving"})
    patch = send(client, "PATCH", url, {"omschrijving": "Anders"})
    delete = client.delete(url)

    assert put.status_code == 200
    assert put.json()["naam"] == "Nieuw"
    assert patch.json() == {**put.json(), "omschrijving": "Anders"}
    assert delete.status_code == 204
    assert client.get(url).status_code == 404


def test_a_category_cannot_be_its_own_ancestor(client):
    root = CategorieFactory()
    child = CategorieFactory(bovenliggende_categorie=root)

    response = send(
        client,
        "PATCH",
        f"{URL}/{root.uuid}",
        {"bovenliggendeCategorie": f"http://testserver{URL}/{child.uuid}"},
    )

    assert invalid_param(problem(response), "bovenliggendeCategorie")["code"] == "cycle"
    root.refresh_from_db()
    assert root.bovenliggende_categorie is None


def test_names_are_unique_per_level(client):
    CategorieFactory(naam="Zaaksystemen")

    response = send(client, "POST", URL, {"naam": "Zaaksystemen"})

    assert invalid_param(problem(response), "naam")["code"] == "unique"


def test_reference_to_another_host_is_a_bad_url(client):
    response = send(client, "POST", URL, {"naam": "X", "bovenliggendeCategorie": "https://elders.example/x"})

    assert invalid_param(problem(response), "bovenliggendeCategorie")["code"] == "bad-url"


def test_reference_to_unknown_object(client):
    url = f"http://testserver{URL}/00000000-0000-0000-0000-000000000000"

    response = send(client, "POST", URL, {"naam": "X", "bovenliggendeCategorie": url})

    assert invalid_param(problem(response), "bovenliggendeCategorie")["code"] == "does_not_exist"


def test_filters(client):
    root = CategorieFactory(naam="Dienstverlening")
    CategorieFactory(naam="E-formulieren", bovenliggende_categorie=root)

    top = client.get(URL + "?hoofdcategorie=true").json()["results"]
    named = client.get(URL + "?naam=formul").json()["results"]

    assert [item["naam"] for item in top] == ["Dienstverlening"]
    assert [item["naam"] for item in named] == ["E-formulieren"]
