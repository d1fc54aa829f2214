import pytest

from tests.catalogus.factories import CategorieFactory
from tests.conftest import invalid_param, problem
from tests.organisaties.factories import OrganisatieFactory

pytestmark = pytest.mark.django_db


def test_fields_selects_properties_and_keeps_url(client):
    categorie = CategorieFactory(naam="Zaaksystemen")

    body = client.get(f"/catalogus/api/v1/categorieen/{categorie.uuid}?fields=naam").json()

    assert body == {
        "url": f"http://testserver/catalogus/api/v1/categorieen/{categorie.uuid}",
        "naam": "Zaaksystemen",
    }


def test_fields_on_lists(client):
    CategorieFactory.create_batch(2)

    results = client.get("/catalogus/api/v1/categorieen?fields=naam,omschrijving").json()["results"]

    assert all(set(item) == {"url", "naam", "omschrijving"} for item in results)


def test_expand_embeds_the_relation_one_level_deep(client):
    grandparent = CategorieFactory(naam="Bedrijfsvoering")
    parent = CategorieFactory(naam="Financiën", bovenliggende_categorie=grandparent)
    child = CategorieFactory(naam="Facturatie", bovenliggende_categorie=parent)

    body = client.get(f"/catalogus/api/v1/categorieen/{child.uuid}?expand=bovenliggendeCategorie").json()

    embedded = body["_expand"]["bovenliggendeCategorie"]
    assert embedded["naam"] == "Financiën"
    assert embedded["bovenliggendeCategorie"].endswith(str(grandparent.uuid))
    assert "_expand" not in embedded


def test_expand_of_an_empty_relation_is_null(client):
    categorie = CategorieFactory()

    body = client.get(f"/catalogus/api/v1/categorieen/{categorie.uuid}?expand=bovenliggendeCategorie").json()

    assert body["_expand"] == {"bovenliggendeCategorie": None}


def test_no_expand_no_expand_member(client):
    categorie = CategorieFactory()

    assert "_expand" not in client.get(f"/catalogus/api/v1/categorieen/{categorie.uuid}").json()


def test_expand_many_relation(client):
    deelnemers = OrganisatieFactory.create_batch(2)
    samenwerkingsverband = OrganisatieFactory(type="samenwerkingsverband", gemeentecode="")
    samenwerkingsverband.deelnemers.set(deelnemers)

    body = client.get(
        f"/bestellingen/api/v1/organisaties/{samenwerkingsverband.uuid}?expand=deelnemers&fields=naam"
    ).json()

    assert sorted(item["naam"] for item in body["_expand"]["deelnemers"]) == sorted(
        deelnemer.naam for deelnemer in deelnemers
    )
    assert set(body) == {"url", "naam", "_expand"}


def test_empty_fields_value_is_rejected(client):
    response = client.get("/catalogus/api/v1/categorieen?fields=")

    assert invalid_param(problem(response), "fields")["code"] == "fields"


def test_fields_not_accepted_on_writes(client):
    response = client.post(
        "/catalogus/api/v1/categorieen?fields=naam", {"naam": "x"}, content_type="application/json"
    )

    assert invalid_param(problem(response), "fields")["code"] == "unknownParam"
