"""Types as a client generates them from the contracts: every enum one named component, every
identifier in a path one form (``type: string, format: uuid``), over both documents."""

import uuid
from collections import defaultdict

import pytest

from softwarebroker.api.definitions import APIS
from tests.conformance.operations import OPERATIONS
from tests.conftest import problem

from .test_repeated_query_parameters import query_parameters

#: Where an enum may stand inline: the constant values of response headers (`X-Aantal-Geschat:
#: true`, `Access-Control-Allow-Origin: *`) are no type a client builds a request or model from.
INLINE_ALLOWED = ("components", "headers")

#: Enum components of one document with the same values, kept apart on purpose: (names) → reason.
#: None so far; a pair needs a reason here (e.g. the sort keys of two resources that happen to
#: be the same today but change independently).
SAME_VALUES = {}


def inline_enums(node, path=()):
    """Paths of inline enums in schemas. Not counted: examples (values, not schemas: an example
    offer's ``bestelparametersSchema`` holds a JSON Schema of its own) and ``enum: [null]``, the
    "or null" alternative of a nullable reference (``oneOf: [$ref, {nullable, enum: [null]}]``)."""
    if isinstance(node, dict):
        if "enum" in node and node["enum"] != [None]:
            yield "/".join(path)
        for key, value in node.items():
            if key not in ("example", "examples"):
                yield from inline_enums(value, (*path, str(key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from inline_enums(value, (*path, str(index)))


def enum_components(document) -> dict[str, list]:
    return {
        name: schema["enum"] for name, schema in document["components"]["schemas"].items() if "enum" in schema
    }


def ref_name(schema: dict) -> str:
    return schema["$ref"].rsplit("/", 1)[1]


@pytest.mark.parametrize("api", APIS, ids=[api.slug for api in APIS])
def test_no_parameter_or_property_has_an_inline_enum(documents, api):
    document = documents[api.slug]
    found = [
        path
        for path in inline_enums(document)
        # the enum components themselves: components/schemas/<Name>
        if not (path.startswith("components/schemas/") and path.count("/") == 2)
        and not path.startswith("/".join(INLINE_ALLOWED))
    ]
    assert enum_components(document)
    assert not found, found


@pytest.mark.parametrize("api", APIS, ids=[api.slug for api in APIS])
def test_no_two_enum_components_have_the_same_values(documents, api):
    by_values = defaultdict(list)
    for name, values in enum_components(documents[api.slug]).items():
        by_values[frozenset(values)].append(name)
    same = [tuple(sorted(names)) for names in by_values.values() if len(names) > 1]
    assert [names for names in same if names not in SAME_VALUES] == []


def test_an_enum_has_one_name_in_both_documents(documents):
    names_by_values = defaultdict(set)
    values_by_name = defaultdict(set)
    for api in APIS:
        for name, values in enum_components(documents[api.slug]).items():
            names_by_values[frozenset(values)].add(name)
            values_by_name[name].add(frozenset(values))
    assert {names for names in names_by_values.values() if len(names) > 1} == set()
    assert {name for name, values in values_by_name.items() if len(values) > 1} == set()
    # Organisations appear in both documents: once named for their field (`type`), now alike.
    assert "OrganisatieTypeEnum" in enum_components(documents["catalogus"])
    assert "TypeEnum" not in enum_components(documents["catalogus"])


@pytest.mark.parametrize("api", APIS, ids=[api.slug for api in APIS])
def test_a_filter_uses_the_enum_of_its_property(documents, api):
    """``?status=`` of the offers is the type of an offer's ``status``, one component."""
    document = documents[api.slug]
    schemas = document["components"]["schemas"]
    checked = 0
    for operation in (op for op in OPERATIONS if op.api == api and op.is_list):
        response = operation.operation["responses"]["200"]["content"]["application/json"]["schema"]
        item = schemas[ref_name(schemas[ref_name(response)]["properties"]["results"]["items"])]
        for parameter in query_parameters(operation):
            name, schema = parameter["name"], parameter["schema"]
            schema = schema.get("items", schema)
            prop = item["properties"].get(name, {})
            prop = prop.get("items", prop)
            refs = [
                ref_name(s) for s in (prop, *prop.get("oneOf", []), *prop.get("allOf", [])) if "$ref" in s
            ]
            if "$ref" in schema and refs and "enum" in schemas[refs[0]]:
                assert ref_name(schema) in refs, (operation.id, name, schema, prop)
                checked += 1
    assert checked >= (5 if api.slug == "catalogus" else 3)


@pytest.mark.parametrize("api", APIS, ids=[api.slug for api in APIS])
def test_fields_expand_and_sorteer_name_one_enum_per_resource(documents, api):
    document = documents[api.slug]
    schemas = document["components"]["schemas"]
    seen = defaultdict(set)
    for operation in (op for op in OPERATIONS if op.api == api):
        for parameter in query_parameters(operation):
            name = parameter["name"]
            if name not in ("fields", "expand", "sorteer"):
                continue
            component = ref_name(parameter["schema"]["items"])
            suffix = {"fields": "Veld", "expand": "Expand", "sorteer": "Sorteer"}[name]
            assert component.endswith(suffix), (operation.id, component)
            resource = component.removesuffix(suffix)
            seen[name].add(component)
            values = schemas[component]["enum"]
            if name == "fields":  # the properties of the resource itself
                assert set(values) == set(schemas[resource]["properties"]) - {"_expand"}, component
            if name == "expand":
                assert set(values) == set(schemas[resource]["properties"]["_expand"]["properties"]), component
            if name == "sorteer":  # each key ascending and descending
                keys = [value for value in values if not value.startswith("-")]
                assert sorted(values) == sorted([*keys, *(f"-{key}" for key in keys)]), component
                # Generated clients name `-naam` NAAM_AFLOPEND instead of VALUE_1.
                names = schemas[component]["x-enum-varnames"]
                assert len(set(names)) == len(values), component
                assert all(
                    name.endswith("_AFLOPEND") == value.startswith("-")
                    for name, value in zip(names, values, strict=True)
                ), component
    assert all(seen[name] for name in ("fields", "expand", "sorteer")), seen


def path_parameters(api, documents):
    for path, item in documents[api.slug]["paths"].items():
        for method, operation in item.items():
            for parameter in [*item.get("parameters", []), *operation.get("parameters", [])]:
                if parameter.get("in") == "path":
                    yield f"{method.upper()} {path}", parameter


@pytest.mark.parametrize("api", APIS, ids=[api.slug for api in APIS])
def test_every_identifier_in_a_path_is_a_uuid_in_one_form(documents, api):
    found = list(path_parameters(api, documents))
    wrong = [
        (where, parameter)
        for where, parameter in found
        if not (parameter["name"] == "uuid" or parameter["name"].endswith("_uuid"))
        or parameter["schema"] != {"type": "string", "format": "uuid"}
        or parameter.get("required") is not True
    ]
    assert len(found) > 20
    assert not wrong, wrong


WITH_IDENTIFIERS = [operation for operation in OPERATIONS if operation.has_path_parameters]
NOT_UUIDS = [
    "geen-uuid",
    "12345",
    str(uuid.uuid4()).replace("-", ""),
    str(uuid.uuid4())[:-1] + "g",
    str(uuid.uuid4()).upper(),  # the component writes UUIDs in lowercase, and reads only those
]


@pytest.mark.django_db
@pytest.mark.parametrize("operation", WITH_IDENTIFIERS, ids=[operation.id for operation in WITH_IDENTIFIERS])
def test_a_path_value_that_is_no_uuid_is_404_problem_json(client, operation):
    wrong = []
    for position in range(operation.path.count("{")):
        for value in NOT_UUIDS:
            url = operation.url(*[uuid.uuid4()] * position, value)
            response = client.generic(operation.method.upper(), url, b"{}", content_type="application/json")
            if response.status_code != 404 or problem(response)["code"] != "not_found":
                wrong.append(f"{url}: {response.status_code}")
    assert not wrong, wrong
