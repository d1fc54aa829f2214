"""Every string query parameter of both contracts has a ``maxLength``, and the component holds
to it: one character more is a 400 naming the parameter (``max_length``), that many is not."""

import pytest

from softwarebroker.api.openapi import generate_schema
from softwarebroker.api.query_parameters import QUERY_PARAMETER_MAX_LENGTH
from tests.conformance.operations import OPERATIONS
from tests.conformance.test_operations import existing_url
from tests.conftest import problem

from .hostile import resolve


def string_parameters(operation) -> list[dict]:
    document = generate_schema(operation.api)
    parameters = [resolve(document, parameter) for parameter in operation.operation.get("parameters", [])]
    return [
        parameter
        for parameter in parameters
        if parameter["in"] == "query" and parameter["schema"].get("type") == "string"
    ]


WITH_TEXT = [operation for operation in OPERATIONS if string_parameters(operation)]


def test_every_string_query_parameter_has_a_max_length():
    unbounded = [
        f"{operation.id} ?{parameter['name']}"
        for operation in OPERATIONS
        for parameter in string_parameters(operation)
        if not 0 < parameter["schema"].get("maxLength", 0) <= QUERY_PARAMETER_MAX_LENGTH
    ]
    assert len(WITH_TEXT) >= 10
    assert not unbounded, unbounded


def _codes(response, name) -> set[str]:
    if response.status_code != 400:
        return set()
    return {param["code"] for param in problem(response)["invalidParams"] if param["name"] == name}


@pytest.mark.django_db
@pytest.mark.parametrize("operation", WITH_TEXT, ids=[operation.id for operation in WITH_TEXT])
def test_one_character_over_max_length_is_400_naming_the_parameter(client, operation):
    url = existing_url(operation)
    parameters = string_parameters(operation)
    required = {parameter["name"]: "x" for parameter in parameters if parameter.get("required")}
    wrong = []
    for parameter in parameters:
        name, limit = parameter["name"], parameter["schema"]["maxLength"]
        too_long = client.get(url, {**required, name: "x" * (limit + 1)})
        at_limit = client.get(url, {**required, name: "x" * limit})
        if too_long.status_code != 400 or "max_length" not in _codes(too_long, name):
            wrong.append(f"?{name} of {limit + 1}: {too_long.status_code} {too_long.content[:200]!r}")
        if at_limit.status_code >= 500 or "max_length" in _codes(at_limit, name):
            wrong.append(f"?{name} of {limit}: {at_limit.status_code} {at_limit.content[:200]!r}")
    assert not wrong, wrong
