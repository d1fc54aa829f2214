"""publiccode.yml through the API: export and import endpoints."""

import json

import pytest
import yaml

from softwarebroker.catalogus.models import Softwarepakket
from tests.catalogus.api_requests import BASE
from tests.catalogus.factories import SoftwarepakketFactory
from tests.catalogus.publiccode_documents import DOCUMENTS, delete, fixture, owners
from tests.conftest import problem

pytestmark = pytest.mark.django_db


def test_publiccode_export_and_import_endpoints(client):
    pakket = SoftwarepakketFactory(
        repository_url="https://code.example.org/zaken", website="https://zaken.example.org"
    )

    exported = client.get(f"{BASE}/softwarepakketten/{pakket.uuid}/publiccode")
    as_json = client.get(
        f"{BASE}/softwarepakketten/{pakket.uuid}/publiccode", headers={"Accept": "application/json"}
    )
    document = yaml.safe_load(exported.content)
    document["name"] = "Hernoemd"
    reimported = client.post(
        f"{BASE}/softwarepakketten/_importeer", yaml.safe_dump(document), content_type="application/yaml"
    )
    document["url"] = "https://code.example.org/nieuw"
    created = client.post(
        f"{BASE}/softwarepakketten/_importeer", yaml.safe_dump(document), content_type="application/yaml"
    )
    invalid = client.post(
        f"{BASE}/softwarepakketten/_importeer",
        yaml.safe_dump({**document, "softwareType": "desktop", "name": None, "legal": {"license": "Onzin"}}),
        content_type="application/yaml",
    )

    assert exported["Content-Type"].startswith("application/yaml")
    assert document["url"] and exported.status_code == 200
    assert as_json.status_code == 406
    assert reimported.status_code == 200 and reimported.json()["naam"] == "Hernoemd"
    assert created.status_code == 201 and created["Location"] == created.json()["url"]
    names_ = {param["name"] for param in problem(invalid)["invalidParams"]}
    assert {"softwareType", "name", "legal.license"} <= names_


IMPORT = f"{BASE}/softwarepakketten/_importeer"
INVALID_DOCUMENT = """
publiccodeYmlVersion: "0.4"
url: "ftp://example.org/zaakvlot"
softwareVersion: "versie 2"
releaseDate: "2024-02-30"
platforms: [web, amiga]
softwareType: standalone/webapp
description:
  nl:
    shortDescription: "Zaken"
    documentation: "niet een url"
legal:
  license: EUPL-1.3
"""


def as_yaml(client, text: str):
    return client.post(IMPORT, text, content_type="application/yaml")


def as_json(client, document):
    # A date YAML reads as a date is the same text in JSON.
    return client.post(IMPORT, json.dumps(document, default=str), content_type="application/json")


def without_volatile(representation: dict) -> dict:
    return {key: value for key, value in representation.items() if key not in ("gewijzigdOp",)}


@pytest.mark.parametrize("name", DOCUMENTS)
def test_the_same_document_as_json_means_the_same(client, name):
    text = fixture(name)
    owners()

    from_yaml = as_yaml(client, text)
    assert from_yaml.status_code == 201, from_yaml.content
    delete(Softwarepakket.objects.get())
    from_json = as_json(client, yaml.safe_load(text))
    again = as_json(client, yaml.safe_load(text))

    assert from_json.status_code == 201, from_json.content
    assert again.status_code == 200
    assert without_volatile({**from_json.json(), "url": None}) == without_volatile(
        {**from_yaml.json(), "url": None}
    )


def test_an_invalid_document_gives_the_same_problems_in_json_and_yaml(client):
    from_yaml = as_yaml(client, INVALID_DOCUMENT)
    from_json = as_json(client, yaml.safe_load(INVALID_DOCUMENT))

    assert from_yaml.status_code == from_json.status_code == 400
    assert problem(from_json)["invalidParams"] == problem(from_yaml)["invalidParams"]
    assert {param["name"] for param in problem(from_json)["invalidParams"]} >= {"name", "url", "softwareType"}
    assert not Softwarepakket.objects.exists()


@pytest.mark.parametrize(
    ("body", "code"),
    [(b'{"name": "Zaakvlot", ', "parse_error"), (b'["een lijst"]', "type"), (b'"tekst"', "type")],
)
def test_json_that_is_no_publiccode_object_is_a_400_problem(client, body, code):
    response = client.post(IMPORT, body, content_type="application/json")

    assert response.status_code == 400
    body = problem(response)
    assert body["invalidParams"][0]["name"] == "body"
    assert body["invalidParams"][0]["code"] == code


def test_the_contract_declares_both_media_types(documents):
    operation = documents["catalogus"]["paths"]["/softwarepakketten/_importeer"]["post"]

    assert set(operation["requestBody"]["content"]) == {"application/yaml", "application/json"}
