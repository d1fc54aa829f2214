"""The contract: served without authentication, identical in JSON and YAML, equal to api-spec/."""

import json
import re
from pathlib import Path

import pytest
import yaml

from softwarebroker.api.definitions import APIS
from tests.api.contract import assert_matches_component
from tests.contract import EXPAND, allows_null, overlap, response_components, walk

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("api", APIS, ids=[api.slug for api in APIS])
def test_json_and_yaml_are_identical_and_open_to_all_origins(client, api):
    as_json = client.get(f"{api.base_path}/openapi.json", headers={"Origin": "https://portaal.example"})
    as_yaml = client.get(f"{api.base_path}/openapi.yaml", headers={"Origin": "https://portaal.example"})

    assert as_json.status_code == as_yaml.status_code == 200
    assert as_json["Content-Type"] == "application/json"
    assert as_yaml["Content-Type"].startswith("application/yaml")
    assert as_json["Access-Control-Allow-Origin"] == as_yaml["Access-Control-Allow-Origin"] == "*"
    assert yaml.safe_load(as_yaml.content) == as_json.json()


@pytest.mark.parametrize("api", APIS, ids=[api.slug for api in APIS])
def test_served_document_equals_the_committed_contract(client, api):
    committed = yaml.safe_load((ROOT / "api-spec" / f"{api.slug}.yaml").read_text())

    assert client.get(f"{api.base_path}/openapi.json").json() == committed


@pytest.mark.parametrize("api", APIS, ids=[api.slug for api in APIS])
def test_info_and_servers(documents, api):
    document = documents[api.slug]

    assert document["openapi"] == "3.0.3"
    info = document["info"]
    assert info["title"] == api.title
    assert info["version"] == api.version
    assert set(info["contact"]) == {"name", "url", "email"}
    assert info["license"]["name"] == "EUPL-1.2"
    assert api.description == info["description"]
    assert " van " in info["description"]  # Dutch
    assert document["servers"][0]["url"] == api.base_path


@pytest.mark.parametrize("api", APIS, ids=[api.slug for api in APIS])
def test_every_operation_documents_its_errors_as_problem_json(documents, api):
    for path, item in documents[api.slug]["paths"].items():
        for method, operation in item.items():
            responses = operation["responses"]
            assert {"400", "406", "500"} <= set(responses), (method, path)
            for status, response in responses.items():
                assert "API-Version" in response["headers"], (method, path, status)
                if status.startswith(("4", "5")):
                    assert list(response["content"]) == ["application/problem+json"]


@pytest.mark.parametrize("api", APIS, ids=[api.slug for api in APIS])
@pytest.mark.parametrize("page", ["docs", "docs/swagger-ui"])
def test_documentation_pages_use_only_local_assets(client, api, page):
    response = client.get(f"{api.base_path}/{page}")

    assert response.status_code == 200
    html = response.content.decode()
    assert f"{api.base_path}/openapi.yaml" in html
    assert "https://" not in html.replace("https://github.com", "")
    assets = re.findall(r'(?:src|href)="([^"]*)"', html)
    assert assets and all(asset.startswith("/") and not asset.startswith("//") for asset in assets), assets


def test_the_redoc_script_loads_nothing_from_elsewhere(anonymous_client):
    response = anonymous_client.get("/_docs/redoc.standalone.js")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    script = response.content
    assert b"Redoc" in script and b"cdn.redoc.ly" not in script and b"data:image/svg+xml," in script
    assert "max-age=86400" in response["Cache-Control"]
    again = anonymous_client.get("/_docs/redoc.standalone.js", headers={"If-None-Match": response["ETag"]})
    assert again.status_code == 304


def test_cors_allowlist_for_the_apis(client, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://portaal.gemeente.example"]
    allowed = client.options(
        "/catalogus/api/v1/categorieen",
        headers={"Origin": "https://portaal.gemeente.example", "Access-Control-Request-Method": "GET"},
    )
    other = client.get("/catalogus/api/v1/categorieen", headers={"Origin": "https://kwaadaardig.example"})

    assert allowed["Access-Control-Allow-Origin"] == "https://portaal.gemeente.example"
    assert "Access-Control-Allow-Origin" not in other


def test_each_document_is_rendered_once(anonymous_client):
    """Rendering the YAML document takes a noticeable fraction of a second: the documents cannot
    change at run time, so each is rendered once and served from then on."""
    from unittest import mock

    from drf_spectacular.renderers import OpenApiYamlRenderer

    from softwarebroker.api.openapi import YAMLDocumentRenderer

    YAMLDocumentRenderer._rendered = {}
    with mock.patch.object(
        OpenApiYamlRenderer, "render", autospec=True, side_effect=OpenApiYamlRenderer.render
    ) as render:
        answers = [anonymous_client.get("/catalogus/api/v1/openapi.yaml") for _ in range(3)]

    assert [answer.status_code for answer in answers] == [200, 200, 200]
    assert answers[0].content == answers[1].content == answers[2].content
    assert render.call_count == 1


@pytest.mark.parametrize("api", APIS, ids=[api.slug for api in APIS])
def test_nullable_only_where_a_strict_validator_honours_it(documents, api):
    # OAS 3.0.3: ``nullable`` adds null to the ``type`` of its own schema object only, so
    # ``allOf: [$ref], nullable: true`` (or nullable beside oneOf) is not nullable at all for a
    # strict validator. (An untyped schema, any JSON value, accepts null anyway.)
    wrong = [
        path
        for path, node in walk(documents[api.slug])
        if node.get("nullable") is True and {"allOf", "oneOf", "anyOf", "$ref"} & set(node)
    ]

    assert wrong == []


@pytest.mark.parametrize("api", APIS, ids=[api.slug for api in APIS])
def test_every_nullable_relation_accepts_null(documents, api):
    document = documents[api.slug]
    expanded = [
        (f"{name}/{relation}", schema)
        for name, component in response_components(document).items()
        for relation, schema in component["properties"].get(EXPAND, {}).get("properties", {}).items()
        if schema.get("type") != "array"
    ]

    assert expanded
    assert [path for path, schema in expanded if not allows_null(schema, document)] == []


@pytest.mark.parametrize("api", APIS, ids=[api.slug for api in APIS])
def test_no_one_of_with_overlapping_alternatives_and_no_empty_string_as_a_value(documents, api):
    document = documents[api.slug]
    overlapping, empty = [], []
    for path, node in walk(document):
        alternatives = node.get("oneOf", [])
        for index, first in enumerate(alternatives):
            if any(overlap(first, second, document) for second in alternatives[index + 1 :]):
                overlapping.append(path)
        if "" in node.get("enum", ()) or node.get("maxLength") == 0:
            empty.append(path)

    assert overlapping == []
    assert empty == []  # "none" is null, never an empty string beside the real values


@pytest.mark.parametrize("api", APIS, ids=[api.slug for api in APIS])
def test_responses_require_every_property_but_expand(documents, api):
    # A full representation always has every field (null when it has no value); ``_expand``
    # only with ``expand``. tests/conformance checks this against real responses. A federated
    # search result of a peer is passed on as the peer sent it: only its url is checked. Who uses
    # a package names the organisations to government only: `organisaties` is absent otherwise.
    # The application landscape has the Softwarecatalogus' shape, which leaves out a field
    # without a value (its schemas allow no null).
    partial = {
        "FederatiefResultaat": {"url", "bron"},
        "Voorziening": {"id", "naam", "referentieComponenten", "voorzieningstype"},
        "VoorzieningGebruik": {
            "id",
            "organisatieId",
            "voorzieningId",
            "status",
            "bedrijfsKritisch",
            "privacyGevoelig",
        },
    }
    for name, schema in response_components(documents[api.slug]).items():
        if name == "Gebruikers":
            always = set(schema["properties"]) - {"organisaties"}
        else:
            always = partial.get(name, set(schema["properties"]) - {EXPAND})
        assert set(schema.get("required", ())) == always, name
        assert EXPAND not in schema["properties"] or not schema["properties"][EXPAND].get("required"), name


@pytest.mark.parametrize("api", APIS, ids=[api.slug for api in APIS])
def test_the_fields_parameter_says_the_representation_is_partial(documents, api):
    parameters = [
        parameter
        for item in documents[api.slug]["paths"].values()
        for operation in item.values()
        for parameter in operation.get("parameters", [])
        if parameter.get("name") == "fields"
    ]

    assert parameters
    assert all("ontbreken" in parameter["description"] for parameter in parameters)


@pytest.mark.parametrize("api", APIS, ids=[api.slug for api in APIS])
def test_every_tag_an_operation_uses_is_declared_with_a_description(documents, api):
    document = documents[api.slug]
    used = {
        tag
        for item in document["paths"].values()
        for operation in item.values()
        if isinstance(operation, dict)
        for tag in operation.get("tags", [])
    }
    declared = [tag["name"] for tag in document["tags"]]

    assert set(declared) == used
    assert len(declared) == len(set(declared))
    assert declared[-1] == "openapi"  # the contract itself last
    for tag in document["tags"]:
        assert len(tag.get("description", "").split()) >= 4, tag


# What documentation pages (Redoc's openapi-sampler, Swagger UI) show where a schema has no
# example: placeholders no reader can learn from.
PLACEHOLDERS = {
    "uri": "http://example.com",
    "url": "http://example.com",
    "email": "user@example.com",
    "idn-email": "user@example.com",
    "hostname": "example.com",
}


class Given:
    """An example the document gives (a JSON Schema as example may well say ``"string"``)."""

    def __init__(self, value):
        self.value = value


def sample(schema, document, seen=()):
    """The example a documentation page builds for ``schema``: its own examples where given,
    the generator's placeholders elsewhere."""
    if not isinstance(schema, dict):
        return None
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        if name in seen:
            return {}
        return sample(document["components"]["schemas"][name], document, (*seen, name))
    if "example" in schema:
        return Given(schema["example"])
    if schema.get("allOf"):
        merged = {}
        for part in schema["allOf"]:
            value = sample(part, document, seen)
            if isinstance(value, Given) and isinstance(value.value, dict):
                value = {key: Given(item) for key, item in value.value.items()}
            if not isinstance(value, dict):
                return value
            merged.update(value)
        return merged
    for alternatives in ("oneOf", "anyOf"):
        if schema.get(alternatives):
            return sample(schema[alternatives][0], document, seen)
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        value = {name: sample(sub, document, seen) for name, sub in schema.get("properties", {}).items()}
        if isinstance(schema.get("additionalProperties"), dict):
            value["property1"] = sample(schema["additionalProperties"], document, seen)
        return value
    if kind == "array":
        return [sample(schema.get("items", {}), document, seen)]
    if kind == "string":
        return PLACEHOLDERS.get(schema.get("format"), "string")
    return {"integer": 0, "number": 0, "boolean": True}.get(kind)


def placeholders_in(value, path="") -> list[str]:
    if isinstance(value, Given):
        return [f"{path}: {value.value}"] if "example.com" in json.dumps(value.value) else []
    if isinstance(value, dict):
        return [found for key, item in value.items() for found in placeholders_in(item, f"{path}.{key}")]
    if isinstance(value, list):
        return [found for item in value for found in placeholders_in(item, f"{path}[]")]
    if value == "string" or (isinstance(value, str) and "example.com" in value):
        return [f"{path}: {value}"]
    return []


def media_samples(document):
    for path, item in document["paths"].items():
        for method, operation in item.items():
            bodies = [("request", operation.get("requestBody", {}))]
            bodies += list(operation.get("responses", {}).items())
            for status, body in bodies:
                for media_type, media in body.get("content", {}).items():
                    where = f"{method.upper()} {path} {status} {media_type}"
                    examples = [Given(example["value"]) for example in media.get("examples", {}).values()]
                    yield where, examples or [sample(media.get("schema", {}), document)]


@pytest.mark.parametrize("api", APIS, ids=[api.slug for api in APIS])
def test_no_schema_shows_a_placeholder_example(documents, api):
    document = documents[api.slug]
    found = [
        f"{name}{problem}"
        for name, schema in document["components"]["schemas"].items()
        for problem in placeholders_in(sample(schema, document))
    ]
    found += [
        f"{where}{problem}"
        for where, values in media_samples(document)
        for value in values
        for problem in placeholders_in(value)
    ]

    assert not found, "\n".join(found)


@pytest.mark.parametrize("api", APIS, ids=[api.slug for api in APIS])
def test_the_hand_written_examples_match_their_schemas(documents, api):
    document = documents[api.slug]
    checked = 0
    for path, item in document["paths"].items():
        for method, operation in item.items():
            bodies = [operation.get("requestBody", {}), *operation.get("responses", {}).values()]
            for body in bodies:
                for media in body.get("content", {}).values():
                    reference = media.get("schema", {}).get("$ref")
                    for example in media.get("examples", {}).values():
                        if reference:
                            name = reference.rsplit("/", 1)[-1]
                            assert_matches_component(document, name, example["value"])
                            checked += 1
    for name in ("Fout", "ValidatieFout", "ConflictFout"):
        assert_matches_component(document, name, document["components"]["schemas"][name]["example"])
    assert checked, "no hand-written examples"
