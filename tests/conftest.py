import pytest
from django.test import Client

from softwarebroker.api.definitions import APIS
from softwarebroker.api.openapi import generate_schema
from tests.auth import bearer
from tests.autorisaties.factories import make_applicatie
from tests.private_media import private_media_in

# Every response from the two APIs is validated against its OpenAPI document (CHECK_RESPONSES);
# the hostile-input suite's tally is summed up over the run; WhiteNoise finds the static files
# once per process.
pytest_plugins = ["tests.response_validation", "tests.hardening.tally", "tests.static_files"]


@pytest.fixture(scope="session", autouse=True)
def _private_media(tmp_path_factory):
    """No test writes into the configured private media (tests/verklaringen: one per test)."""
    with private_media_in(tmp_path_factory.mktemp("private-media")):
        yield


@pytest.fixture
def broker(db):
    return make_applicatie("broker", client_id="test-broker")


@pytest.fixture
def client(broker):
    """A client authenticated as the broker (every scope, every tenant)."""
    return Client(headers=bearer(broker.client_id, user_id="beheerder@broker.nl"))


@pytest.fixture
def anonymous_client():
    return Client()


@pytest.fixture(scope="session")
def documents():
    """The generated OpenAPI documents, keyed by API slug."""
    return {api.slug: generate_schema(api) for api in APIS}


def problem(response):
    """Assert a problem+json response and return its body."""
    assert response["Content-Type"].startswith("application/problem+json"), response.content[:200]
    body = response.json()
    for member in ("type", "code", "title", "status", "detail", "instance"):
        assert member in body, f"{member} missing from {body}"
    assert body["status"] == response.status_code
    return body


def invalid_param(body, name):
    matches = [param for param in body["invalidParams"] if param["name"] == name]
    assert matches, f"no invalidParams entry for {name}: {body['invalidParams']}"
    return matches[0]
