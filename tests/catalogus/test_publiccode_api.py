"""publiccode.yml through the API: export and import endpoints."""

import pytest
import yaml

from tests.catalogus.api_requests import BASE
from tests.catalogus.factories import SoftwarepakketFactory
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
