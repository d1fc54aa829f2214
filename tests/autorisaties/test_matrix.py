"""Every operation of both APIs x every role x own/foreign object, as in
docs/authorisation-matrix.md. The page is the expectation; the test cannot drift from it."""

import json
import re
from pathlib import Path

import pytest
from django.test import Client

from tests.auth import bearer
from tests.autorisaties.factories import make_applicatie
from tests.autorisaties.matrix_resources import RESOURCES, create_chain, owned_chain
from tests.catalogus.factories import LeverancierFactory
from tests.conformance.operations import OPERATIONS
from tests.organisaties.factories import OrganisatieFactory

pytestmark = pytest.mark.django_db

MATRIX = Path(__file__).resolve().parents[2] / "docs" / "authorisation-matrix.md"
ROLES = ("broker", "afnemer", "budgethouder", "leverancier", "lezer", "anoniem")


def read_matrix() -> dict[str, dict[str, tuple[int, int]]]:
    rows = {}
    for line in MATRIX.read_text().splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != len(ROLES) + 1 or not re.match(r"^(GET|POST|PUT|PATCH|DELETE) /", cells[0]):
            continue
        expectations = {}
        for role, cell in zip(ROLES, cells[1:], strict=True):
            own, _, foreign = cell.partition("/")
            expectations[role] = (int(own), int(foreign or own))
        rows[cells[0]] = expectations
    return rows


EXPECTED = read_matrix()
CASES = [
    (operation, role, whose) for operation in OPERATIONS for role in ROLES for whose in ("eigen", "ander")
]


def test_every_operation_is_in_the_matrix():
    documented = {operation.id for operation in OPERATIONS}
    assert documented == set(EXPECTED), {
        "missing from the matrix": sorted(documented - set(EXPECTED)),
        "no longer an operation": sorted(set(EXPECTED) - documented),
    }


@pytest.fixture
def world():
    own = OrganisatieFactory(naam="Gemeente Eigen")
    foreign = OrganisatieFactory(naam="Gemeente Ander")
    own_leverancier = LeverancierFactory(naam="Leverancier Eigen")
    foreign_leverancier = LeverancierFactory(naam="Leverancier Ander")
    applicaties = {
        "broker": make_applicatie("broker"),
        "afnemer": make_applicatie("afnemer", organisatie=own),
        "budgethouder": make_applicatie("budgethouder", organisatie=own),
        "leverancier": make_applicatie("leverancier", leverancier=own_leverancier),
        "lezer": make_applicatie("lezer", organisatie=own),
    }
    return {
        "eigen": {"organisatie": own, "leverancier": own_leverancier},
        "ander": {"organisatie": foreign, "leverancier": foreign_leverancier},
        "applicaties": applicaties,
    }


def _client(world, role) -> Client:
    if role == "anoniem":
        return Client()
    return Client(headers=bearer(world["applicaties"][role].client_id, user_id=f"{role}@test"))


def _url(operation, world, role, whose) -> str:
    if not operation.has_path_parameters:
        return operation.url()
    collection = operation.collection if operation.is_detail else RESOURCES[operation.collection].parent
    # The broker belongs to no tenant: it works on fresh objects (an organisation with API
    # clients cannot be deleted, which is right but not what this row is about).
    chain = create_chain(collection) if role == "broker" else owned_chain(collection, world[whose])
    return operation.url(*(obj.uuid for obj in chain))


def _body(operation, party) -> tuple[bytes, str]:
    resource = RESOURCES.get(operation.collection)
    if resource is None or resource.payload is None:
        return b"{}", "application/json"
    make = (
        resource.patch_payload if operation.method == "patch" and resource.patch_payload else resource.payload
    )
    payload = make(party)
    if isinstance(payload, bytes):  # a document (PDF)
        return payload, resource.content_type
    encoded = payload.encode() if isinstance(payload, str) else json.dumps(payload).encode()
    return encoded, resource.content_type


@pytest.mark.parametrize(
    ("operation", "role", "whose"),
    CASES,
    ids=[f"{operation.id} {role} {whose}" for operation, role, whose in CASES],
)
def test_matrix(world, operation, role, whose):
    own_status, foreign_status = EXPECTED[operation.id][role]
    expected = own_status if whose == "eigen" else foreign_status
    client = _client(world, role)
    url = _url(operation, world, role, whose)

    if operation.method in ("get", "delete"):
        response = client.generic(operation.method.upper(), url)
    else:
        body, content_type = _body(operation, world[whose])
        response = client.generic(operation.method.upper(), url, body, content_type=content_type)

    assert response.status_code == expected, response.content[:300]
    if response.status_code >= 400:
        body = response.json()
        assert body["status"] == expected
        if expected == 403:
            # a missing scope, or (order transitions) an operation that is another party's
            assert body["code"] in ("autorisatie", "rol"), body
        # Error messages name nothing of another tenant.
        assert world["ander"]["organisatie"].naam not in response.content.decode()
