"""Repeated query keys are never silently dropped.

Every list parameter of both contracts (``type: array``, ``style: form, explode: false``) means
the same repeated (``?status=concept&status=ingediend``, as clients generated from the
contracts send it) as comma-separated (``?status=concept,ingediend``); any other parameter given
twice is a 400 naming it with code ``repeatedParam``. The parameters come from the generated
documents, so a parameter added later is covered without naming it here.
"""

import datetime
import uuid
from urllib.parse import urlencode

import pytest

from softwarebroker.api.openapi import generate_schema
from tests.bestellingen.factories import BestellingFactory, LicentieFactory
from tests.conformance.operations import OPERATIONS
from tests.conformance.test_operations import existing_url, make_rows
from tests.conftest import problem
from tests.hardening.hostile import resolve

pytestmark = pytest.mark.django_db


def query_parameters(operation) -> list[dict]:
    document = generate_schema(operation.api)
    parameters = [resolve(document, parameter) for parameter in operation.operation.get("parameters", [])]
    return [parameter for parameter in parameters if parameter["in"] == "query"]


def choices(operation, parameter) -> list[str]:
    """The values an array parameter's items may take (its enum, a named component)."""
    items = resolve(generate_schema(operation.api), parameter["schema"]["items"])
    return list(items["enum"])


ARRAYS = [
    (operation, parameter)
    for operation in OPERATIONS
    for parameter in query_parameters(operation)
    if parameter["schema"].get("type") == "array"
]
SCALARS = [
    operation
    for operation in OPERATIONS
    if any(parameter["schema"].get("type") != "array" for parameter in query_parameters(operation))
]


def array_id(case) -> str:
    operation, parameter = case
    return f"{operation.id} ?{parameter['name']}"


def get(client, url: str, pairs: list[tuple[str, str]]):
    return client.get(f"{url}?{urlencode(pairs)}")


def results(response) -> list:
    """What the response says, without the links that repeat the query string."""
    assert response.status_code == 200, response.content[:500]
    body = response.json()
    return body.get("results", body.get("resultaten", body))


def _codes(response, name) -> set[str]:
    return {param["code"] for param in problem(response)["invalidParams"] if param["name"] == name}


def test_the_documents_have_list_parameters_of_every_kind():
    names = {parameter["name"] for _, parameter in ARRAYS}
    assert {"fields", "expand", "sorteer", "status"} <= names, names
    assert len(ARRAYS) >= 60
    for _, parameter in ARRAYS:
        assert (parameter.get("style"), parameter.get("explode")) == ("form", False), parameter


# --- filters on several values: data on which the filter selects a strict subset ----------


def _orders_in_three_states(operation):
    for status in ("concept", "ingediend", "geaccepteerd"):
        BestellingFactory(status=status)
    return operation.url(), ["concept", "ingediend"]


def _rounds_in_three_states(operation):
    from softwarebroker.vraagbundelingen.models import Vraagbundeling
    from tests.autorisaties.matrix_resources import _ronde

    for status in ("open", "gesloten", "geannuleerd"):
        Vraagbundeling.objects.filter(pk=_ronde().pk).update(status=status)
    return operation.url(), ["open", "gesloten"]


def _uses_in_three_states(operation):
    from softwarebroker.gebruik.models import Gebruik
    from tests.autorisaties.matrix_gebruik import _gebruik

    for status in ("gepland", "in_productie", "uitgefaseerd"):
        Gebruik.objects.filter(pk=_gebruik().pk).update(status=status)
    return operation.url(), ["gepland", "in_productie"]


def _prices_of_two_offers_in_two_bands(operation):
    from tests.rapportages.factories import markt_in_twee_aanbiedingen_en_banden

    markt_in_twee_aanbiedingen_en_banden()
    return operation.url(), ["aanbieding", "volumeband"]


def _licence_with_both_kinds_of_amount(operation):
    from softwarebroker.bestellingen.models import Licentie

    licentie = LicentieFactory(einddatum=datetime.date(2027, 1, 1))
    assert Licentie.objects.filter(
        pk=licentie.pk, bedrag_eenmalig_excl_btw__gt=0, bedrag_per_jaar_excl_btw__gt=0
    ).exists()
    return operation.url(), ["soort", "jaar"]


#: For each list filter (not ``fields``/``expand``/``sorteer``), by operation id and name: rows
#: of which two values select some but not all, and those two values.
FILTER_DATA = {
    ("bestellingen_list", "status"): _orders_in_three_states,
    ("vraagbundelingen_list", "status"): _rounds_in_three_states,
    ("gebruiken_list", "status"): _uses_in_three_states,
    ("rapportages_prijsstatistieken", "groeperen"): _prices_of_two_offers_in_two_bands,
    ("rapportages_uitgaven", "groeperen"): _licence_with_both_kinds_of_amount,
}
#: List parameters that group rather than filter: more groups than without them.
GROUPINGS = {"groeperen"}


def _licences_ending_apart(operation, count: int) -> str:
    for year in range(count):
        LicentieFactory(einddatum=datetime.date(2027 + year, 1, 1))
    return operation.url()


#: Rows for ``sorteer`` where the collection's own rows (``make_rows``) all sort alike.
SORT_DATA = {"licenties_list": _licences_ending_apart}


@pytest.mark.parametrize("case", ARRAYS, ids=[array_id(case) for case in ARRAYS])
def test_a_repeated_list_parameter_means_the_comma_separated_list(client, case):
    operation, parameter = case
    name = parameter["name"]
    values = choices(operation, parameter)
    if name == "fields":
        url = make_rows(operation, 3) if operation.is_list else existing_url(operation)
        selected = [value for value in values if value != "url"][:2]
    elif name == "expand":
        url = make_rows(operation, 3) if operation.is_list else existing_url(operation)
        selected = values[:2]
    elif name == "sorteer":
        url = SORT_DATA.get(operation.operation["operationId"], make_rows)(operation, 3)
        selected = _sort_keys_that_matter(client, url, values)
    else:
        key = (operation.operation["operationId"], name)
        assert key in FILTER_DATA, f"add data for ?{name} of {operation.id} to FILTER_DATA"
        url, selected = FILTER_DATA[key](operation)

    comma = get(client, url, [(name, ",".join(selected))])
    repeated = get(client, url, [(name, value) for value in selected])
    assert results(repeated) == results(comma)

    if len(selected) > 1:
        # The data shows the difference: the list selects other results than its last value.
        assert results(get(client, url, [(name, selected[-1])])) != results(comma)
    if name in GROUPINGS:
        assert len(results(client.get(url))) < len(results(comma))
    elif name not in ("fields", "expand", "sorteer"):
        everything = results(client.get(url))
        assert 0 < len(results(comma)) < len(everything)

    # A wrong value is never dropped because a right one follows it.
    wrong = get(client, url, [(name, "bestaatNiet"), (name, selected[-1])])
    assert wrong.status_code == 400, wrong.content[:500]
    assert _codes(wrong, name)
    assert _codes(wrong, name) == _codes(get(client, url, [(name, f"bestaatNiet,{selected[-1]}")]), name)


def _sort_keys_that_matter(client, url, values) -> list[str]:
    """``[-key, key]`` for a key whose two directions order the rows differently: sorting on
    both is sorting on the first, which the last alone would not be."""
    for key in (value for value in values if not value.startswith("-")):
        ascending = results(get(client, url, [("sorteer", key)]))
        if ascending != results(get(client, url, [("sorteer", f"-{key}")])):
            return [f"-{key}", key]
    raise AssertionError(f"no sort key orders the rows of {url} differently in its two directions")


def test_lists_repeated_and_comma_separated_combine(client):
    for status in ("concept", "ingediend", "geaccepteerd", "ter_goedkeuring"):
        BestellingFactory(status=status)
    url = "/bestellingen/api/v1/bestellingen"

    def statuses(pairs):
        return sorted(order["status"] for order in results(get(client, url, pairs)))

    assert statuses([("status", "concept,ingediend"), ("status", "geaccepteerd")]) == [
        "concept",
        "geaccepteerd",
        "ingediend",
    ]


# --- any other parameter: given twice is a 400 naming it ------------------------------------


def _value(document, parameter) -> str:
    """A value the parameter accepts (given once)."""
    schema = resolve(document, parameter["schema"])
    if "enum" in schema:
        return schema["enum"][0]
    if schema.get("format") == "date":
        return "2026-01-01"
    # Text: also a good reference to a resource, for filters on a relation.
    return {"boolean": "true", "integer": str(schema.get("minimum", 1))}.get(
        schema.get("type"), f"http://testserver/x/{uuid.UUID(int=1)}"
    )


@pytest.mark.parametrize("operation", SCALARS, ids=[operation.id for operation in SCALARS])
def test_every_other_parameter_given_twice_is_a_400_naming_it(client, operation):
    document = generate_schema(operation.api)
    url = existing_url(operation)
    parameters = [
        parameter for parameter in query_parameters(operation) if parameter["schema"].get("type") != "array"
    ]
    required = [
        (parameter["name"], _value(document, parameter))
        for parameter in parameters
        if parameter.get("required")
    ]
    wrong = []
    for parameter in parameters:
        name, value = parameter["name"], _value(document, parameter)
        once = get(client, url, [*[pair for pair in required if pair[0] != name], (name, value)])
        twice = get(
            client, url, [*[pair for pair in required if pair[0] != name], (name, value), (name, value)]
        )
        if once.status_code >= 500 or (once.status_code == 400 and "repeatedParam" in _codes(once, name)):
            wrong.append(f"?{name}={value} once: {once.status_code} {once.content[:200]!r}")
        if twice.status_code != 400 or "repeatedParam" not in _codes(twice, name):
            wrong.append(f"?{name} twice: {twice.status_code} {twice.content[:200]!r}")
    assert parameters
    assert not wrong, wrong


def test_every_parameter_of_the_offer_list_is_covered():
    """The list with the most filters: every one of its scalars is in the test above."""
    aanbiedingen = next(
        operation for operation in SCALARS if operation.operation["operationId"] == "aanbiedingen_list"
    )
    names = {parameter["name"] for parameter in query_parameters(aanbiedingen)}
    assert {"zoek", "naam", "status", "hostinglocatie", "openSource", "geldigOp", "page", "pageSize"} <= names
