"""Every representation, as a client receives it, against the contract read strictly.

For one object of every resource (the factory registry), the detail and the list: every
property the response schema requires is there, every property a full representation has is
required, ``null`` only where the schema allows it (OAS 3.0.3), and never ``""`` for "none" of
a text with a format, pattern or choices. With ``expand``, the same for every expanded relation.
"""

import pytest

from tests.autorisaties.matrix_resources import RESOURCES, create_chain
from tests.contract import representation_problems

from .operations import OPERATIONS
from .test_operations import by_id, make_rows

pytestmark = [pytest.mark.django_db, pytest.mark.conformance]


def response_schema(operation) -> dict | None:
    content = operation.operation["responses"].get("200", {}).get("content", {})
    return content.get("application/json", {}).get("schema")


def expand_all(operation) -> str:
    for parameter in operation.operation.get("parameters", []):
        if parameter.get("name") == "expand":
            return "?expand=" + ",".join(operation.component(parameter["schema"]["items"])["enum"])
    return ""


READS = [
    operation
    for operation in OPERATIONS
    if operation.method == "get"
    and response_schema(operation) is not None
    and (operation.is_list or operation.is_detail)
    and operation.collection in RESOURCES
]


def test_every_resource_is_read():
    collections = {operation.collection for operation in READS}

    assert {"/aanbiedingen", "/prijzen", "/leveranciers", "/bestellingen", "/organisaties"} <= collections
    assert len(READS) > 20


def check_representation(client, documents, operation, query=""):
    document = documents[operation.api.slug]
    if operation.is_detail:
        url = operation.url(*(obj.uuid for obj in create_chain(operation.collection)))
    else:
        url = make_rows(operation, 1)

    response = client.get(url + query)

    assert response.status_code == 200, response.content[:500]
    body = response.json()
    if operation.is_list:
        assert body["results"], "the list has the object made for it"
    assert representation_problems(body, response_schema(operation), document) == []


@by_id(READS)
def test_a_full_representation_is_what_the_contract_says(client, documents, operation):
    check_representation(client, documents, operation)


@by_id([operation for operation in READS if expand_all(operation)])
def test_every_expanded_relation_is_what_the_contract_says(client, documents, operation):
    check_representation(client, documents, operation, expand_all(operation))
