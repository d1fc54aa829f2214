"""Text is bounded like numbers are (``api.bounds``): by its column, and free text by
``TEXT_MAX_LENGTH``; an item of a list is whole, also in a PATCH; a publiccode.yml document
holds no text a column cannot keep; and no problem grows with what the client sent."""

import json

import pytest
import yaml

from softwarebroker.api.bounds import TEXT_MAX_LENGTH
from softwarebroker.bestellingen.models import Bestelling
from softwarebroker.catalogus.models import Leverancier, Prijs, Softwarepakket
from softwarebroker.catalogus.publiccode.parsing import MAX_TEXT_LENGTH
from tests.bestellingen.api_world import API, bestelling_payload, world  # noqa: F401
from tests.catalogus.api_requests import BASE, send
from tests.catalogus.factories import (
    AanbiedingFactory,
    CategorieFactory,
    LeverancierFactory,
    PrijsFactory,
    SoftwarepakketFactory,
)
from tests.catalogus.publiccode_documents import fixture
from tests.conftest import invalid_param, problem
from tests.timing import quickest_of

pytestmark = pytest.mark.django_db


FACTORIES = {
    "categorieen": CategorieFactory,
    "softwarepakketten": SoftwarepakketFactory,
    "aanbiedingen": AanbiedingFactory,
}


@pytest.mark.parametrize("path", FACTORIES)
def test_free_text_longer_than_the_limit_is_400_and_at_the_limit_kept(client, path):
    obj = FACTORIES[path]()
    too_long = send(client, "PATCH", f"{path}/{obj.uuid}", {"omschrijving": "x" * (TEXT_MAX_LENGTH + 1)})
    at_limit = send(client, "PATCH", f"{path}/{obj.uuid}", {"omschrijving": "x" * TEXT_MAX_LENGTH})

    assert too_long.status_code == 400
    assert invalid_param(problem(too_long), "omschrijving")["code"] == "max_length"
    assert at_limit.status_code == 200, at_limit.content
    assert len(at_limit.json()["omschrijving"]) == TEXT_MAX_LENGTH


@pytest.mark.parametrize(("path", "field"), [("berichten", "inhoud"), ("statuswijzigingen", "toelichting")])
def test_free_text_of_an_order_is_bounded(world, path, field):  # noqa: F811
    response = world["afnemer"].post(f"{API}/bestellingen", bestelling_payload(world))
    assert response.status_code == 201, response.content
    location = response["Location"]

    answer = world["afnemer"].post(
        f"{location}/{path}", {field: "x" * (TEXT_MAX_LENGTH + 1), "zichtbaarheid": "openbaar"}
    )
    assert answer.status_code == 400, answer.content
    assert invalid_param(problem(answer), field)["code"] == "max_length"


def test_a_valid_email_longer_than_its_column_is_400_not_a_server_error(client):
    leverancier = LeverancierFactory()
    email = f"{'a' * 64}@{'b' * 63}.{'c' * 63}.{'d' * 63}.nl"  # valid, 258 characters
    body = {"contactgegevens": {"email": email}}
    response = send(client, "PATCH", f"leveranciers/{leverancier.uuid}", body)

    assert response.status_code == 400, response.content
    assert invalid_param(problem(response), "contactgegevens.email")["code"] == "max_length"
    assert Leverancier.objects.get(pk=leverancier.pk).contact_email == ""


def test_a_staffel_without_its_count_is_400_in_a_patch_too(client):
    prijs = PrijsFactory()
    response = send(client, "PATCH", f"prijzen/{prijs.uuid}", {"staffels": [{"bedragExclBtw": "1.00"}]})

    assert response.status_code == 400, response.content
    assert invalid_param(problem(response), "staffels.0.vanafAantal")["code"] == "required"
    assert Prijs.objects.get(pk=prijs.pk).staffels == []


def test_an_order_line_without_its_offer_is_400_in_a_patch_too(world):  # noqa: F811
    response = world["afnemer"].post(f"{API}/bestellingen", bestelling_payload(world))
    assert response.status_code == 201, response.content

    patched = world["afnemer"].send("PATCH", response["Location"], {"regels": [{"aantal": 3}]})
    assert patched.status_code == 400, patched.content
    assert invalid_param(problem(patched), "regels.0.aanbieding")["code"] == "required"
    assert Bestelling.objects.get().regels.get().aantal != 3


# --- publiccode.yml ------------------------------------------------------------------------------


def _import(client, text: str):
    return client.generic(
        "POST", f"{BASE}/softwarepakketten/_importeer", text.encode(), content_type="application/yaml"
    )


def _document(**changes) -> str:
    """The example document with ``changes`` (dotted paths) made."""
    document = yaml.safe_load(fixture("zaaksysteem.yml"))
    for path, value in changes.items():
        *parents, key = path.split(".")
        node = document
        for parent in parents:
            node = node[int(parent) if isinstance(node, list) else parent]
        node[int(key) if isinstance(node, list) else key] = value
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False)


@pytest.mark.parametrize("text", ["Zaak\x00systeem", "Zaak\ud800systeem"])
@pytest.mark.parametrize("path", ["name", "legal.mainCopyrightOwner", "description.nl.features.0"])
def test_a_publiccode_text_no_column_can_keep_is_400_naming_it(client, text, path):
    yaml_text = _document(**{path: "__TEXT__"}).replace("__TEXT__", json.dumps(text))
    response = _import(client, yaml_text)

    assert response.status_code == 400, response.content
    names = {param["name"] for param in problem(response)["invalidParams"]}
    assert names & {path, "body"}, names
    assert not Softwarepakket.objects.exists()


def test_publiccode_text_longer_than_the_standard_allows_is_refused_quickly(client):
    document = _document(roadmap="x" * 900_000)
    response, seconds = quickest_of(lambda: _import(client, document), bound=2)

    assert seconds < 2, seconds
    assert response.status_code == 400, response.content
    assert invalid_param(problem(response), "roadmap")["code"] == "max_length"
    assert len(response.content) < 10_000
    assert not Softwarepakket.objects.exists()


def test_a_publiccode_description_at_the_limit_is_kept(client):
    response = _import(client, _document(**{"description.nl.longDescription": "x" * MAX_TEXT_LENGTH}))

    assert response.status_code == 201, response.content
    assert len(Softwarepakket.objects.get().omschrijving) == MAX_TEXT_LENGTH


# --- what a problem shows of the request -------------------------------------------------------


def test_a_problem_never_echoes_a_megabyte(client):
    aanbieding = AanbiedingFactory()
    response = send(
        client,
        "PATCH",
        f"aanbiedingen/{aanbieding.uuid}",
        {"leveringsvorm": "x" * 500_000, "raamovereenkomst": "http://x/" + "y" * 500_000},
    )
    assert response.status_code == 400
    assert len(response.content) < 10_000
    assert invalid_param(problem(response), "leveringsvorm")["code"] == "invalid_choice"
    assert invalid_param(problem(response), "raamovereenkomst")["code"] == "max_length"
