"""Runtime conventions checked on every documented operation of both APIs.

Resources added later are covered automatically: the operations come from the
generated OpenAPI documents, the objects from the factory registry.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from softwarebroker.api.middleware import body_limit
from tests.autorisaties.matrix_resources import RESOURCES, create_chain, create_in, parents_of
from tests.conftest import invalid_param, problem

from .exports import CSV, XLSX, assert_exports_have_the_rows, read_csv
from .operations import OPERATIONS, PATHS, Operation

pytestmark = [pytest.mark.django_db, pytest.mark.conformance]

# Bodies that are no text: what a malformed one is refused as (the part named, and why).
MALFORMED_BINARY = {"application/pdf": ("document", "geen_pdf")}

SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


def by_id(operations):
    return pytest.mark.parametrize("operation", operations, ids=[operation.id for operation in operations])


def call(client, operation, url, *, body=b"{}", content_type=None, **headers):
    content_type = content_type or operation.request_media_type
    if operation.method in ("get", "delete"):
        return client.generic(operation.method.upper(), url, headers=headers)
    return client.generic(operation.method.upper(), url, body, content_type=content_type, headers=headers)


def existing_parents(operation) -> list:
    """Existing objects for the placeholders of the collection path (nested collections)."""
    return parents_of(operation.collection)


def existing_url(operation):
    """A URL for the operation, with existing objects for every placeholder."""
    if not operation.has_path_parameters:
        return operation.url()
    assert operation.collection in RESOURCES, (
        f"add '{operation.collection}' to RESOURCES in tests/autorisaties/matrix_resources.py"
    )
    chain = create_chain(operation.collection) if operation.is_detail else existing_parents(operation)
    return operation.url(*(obj.uuid for obj in chain))


def make_rows(operation, count: int) -> str:
    """``count`` objects in the operation's collection (under one parent); the list URL."""
    parents = existing_parents(operation)
    for _ in range(count):
        create_in(operation.collection, parents[-1] if parents else None)
    return operation.url(*(obj.uuid for obj in parents))


def assert_api_headers(response, operation):
    assert response["API-Version"] == operation.api.version
    for name, value in SECURITY_HEADERS.items():
        assert response[name] == value, name
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def assert_documented(response, operation):
    assert str(response.status_code) in operation.documented_statuses, (
        f"{operation.id} returned {response.status_code}, not in {sorted(operation.documented_statuses)}"
    )


def test_every_collection_can_be_filled():
    collections = {
        operation.collection for operation in OPERATIONS if not operation.path.startswith("/openapi.")
    }
    assert collections <= set(RESOURCES), collections - set(RESOURCES)


@by_id(OPERATIONS)
def test_unknown_query_parameter_gives_400(client, operation):
    response = call(client, operation, existing_url(operation) + "?onbekendeParameter=1")

    assert response.status_code == 400
    body = problem(response)
    assert invalid_param(body, "onbekendeParameter")["code"] == "unknownParam"
    assert_api_headers(response, operation)
    assert_documented(response, operation)


@by_id(OPERATIONS)
def test_api_version_and_security_headers(client, operation):
    response = call(client, operation, existing_url(operation))

    assert response.status_code < 500
    assert_api_headers(response, operation)
    assert_documented(response, operation)
    if response.status_code >= 400:
        problem(response)


@by_id(OPERATIONS)
def test_trailing_slash_gives_404_not_a_redirect(client, operation):
    response = call(client, operation, existing_url(operation) + "/")

    assert response.status_code == 404
    problem(response)
    assert_api_headers(response, operation)


@by_id([operation for operation in OPERATIONS if operation.path.startswith("/openapi.") is False])
def test_unsupported_accept_gives_406(client, operation):
    # A format no operation offers (the application landscape offers text/csv).
    url = existing_url(operation)
    response = call(client, operation, url, Accept="application/xml")

    assert response.status_code == 406
    problem(response)
    assert_api_headers(response, operation)
    assert_documented(response, operation)
    if operation.method != "get" or operation.is_list:
        return
    # Lists are exported (CSV, XLSX); a detail is not, unless its contract says so.
    for media_type in (CSV, XLSX):
        exported = call(client, operation, url, Accept=media_type)
        offered = media_type in operation.operation["responses"]["200"].get("content", {})
        assert (exported.status_code == 406) is not offered, (media_type, exported.status_code)


@by_id([operation for operation in OPERATIONS if operation.has_body])
def test_unsupported_content_type_gives_415(client, operation):
    response = call(client, operation, existing_url(operation), body=b"naam=x", content_type="text/plain")

    assert response.status_code == 415
    problem(response)
    assert_documented(response, operation)


@by_id([operation for operation in OPERATIONS if operation.has_body])
def test_malformed_json_gives_400(client, operation):
    malformed = b"naam: [niet afgesloten" if "yaml" in operation.request_media_type else b'{"naam": '
    response = call(client, operation, existing_url(operation), body=malformed)

    assert response.status_code == 400
    body = problem(response)
    if operation.request_media_type in MALFORMED_BINARY:
        name, code = MALFORMED_BINARY[operation.request_media_type]
        assert invalid_param(body, name)["code"] == code
    else:
        codes = {body["code"]} | {param["code"] for param in body.get("invalidParams", [])}
        assert "parse_error" in codes
    assert_documented(response, operation)


@by_id([operation for operation in OPERATIONS if operation.has_body])
def test_too_large_body_gives_413(client, operation, settings):
    url = existing_url(operation)
    settings.API_MAX_BODY_SIZE = 100
    for _pattern, setting in settings.API_UPLOAD_PATHS:  # their own limit: the document's + an envelope
        setattr(settings, setting, 100)
    limit = body_limit(url)
    response = call(client, operation, url, body=b'{"naam": "' + b"x" * (limit + 100) + b'"}')

    assert response.status_code == 413
    problem(response)
    assert_api_headers(response, operation)
    assert_documented(response, operation)


@by_id(
    [operation for operation in OPERATIONS if operation.has_path_parameters and operation.method != "post"]
)
def test_unknown_object_gives_404(client, operation):
    response = call(client, operation, operation.url())

    assert response.status_code == 404
    problem(response)
    assert_documented(response, operation)


@pytest.mark.parametrize(
    ("api", "path", "methods"), PATHS, ids=[f"{api.base_path}{path}" for api, path, _ in PATHS]
)
def test_undocumented_method_gives_405_with_allow(client, api, path, methods):
    undocumented = [method for method in ("get", "post", "put", "patch", "delete") if method not in methods]
    url = existing_url(Operation(api, path, "get", {}))
    for method in undocumented:
        response = client.generic(method.upper(), url, b"{}", content_type="application/json")
        assert response.status_code == 405, (method, url)
        problem(response)
        allowed = {method.strip().lower() for method in response["Allow"].split(",")}
        assert methods <= allowed, (methods, allowed)
        assert response["API-Version"] == api.version
    options = client.options(url)
    assert options.status_code == 405


def test_every_list_declares_its_exports():
    for operation in (operation for operation in OPERATIONS if operation.is_list):
        content = operation.operation["responses"]["200"]["content"]
        assert content[CSV]["schema"]["type"] == "string", operation.id
        assert content[XLSX]["schema"]["format"] == "binary", operation.id


@by_id([operation for operation in OPERATIONS if operation.is_list])
def test_list_is_paginated(client, operation):
    url = make_rows(operation, 3)

    response = client.get(url + "?pageSize=2")
    # The exports have every row of the count (tests/conformance/test_exports.py).
    assert_api_headers(assert_exports_have_the_rows(client, url, response.json()["count"]), operation)

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"count", "next", "previous", "results"}
    assert body["count"] >= 3
    assert len(body["results"]) == 2
    assert body["previous"] is None
    assert "page=2" in body["next"]
    assert 'rel="next"' in response["Link"]
    assert 'rel="first"' in response["Link"]

    past_end = client.get(url + "?page=999")
    assert past_end.status_code == 400
    assert invalid_param(problem(past_end), "page")["code"] == "page"


@by_id([operation for operation in OPERATIONS if operation.is_list])
def test_list_query_count_does_not_grow_with_rows(client, operation):
    expand = ""
    for parameter in operation.operation.get("parameters", []):
        if parameter.get("name") == "expand":
            relations = operation.component(parameter["schema"]["items"])["enum"]
            expand = "?expand=" + ",".join(relations)
    parents = existing_parents(operation)
    parent = parents[-1] if parents else None
    url = operation.url(*(obj.uuid for obj in parents)) + expand
    export_url = operation.url(*(obj.uuid for obj in parents))
    for _ in range(2):
        create_in(operation.collection, parent)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as few_exported:
        read_csv(client, export_url)
    for _ in range(15):
        create_in(operation.collection, parent)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as many_exported:
        read_csv(client, export_url)

    assert len(many) == len(few), [query["sql"] for query in many.captured_queries]
    # An export reads through a cursor in chunks: neither do its queries.
    assert len(many_exported) == len(few_exported), [query["sql"] for query in many_exported.captured_queries]


@by_id(
    [
        operation
        for operation in OPERATIONS
        if any(parameter.get("name") == "fields" for parameter in operation.operation.get("parameters", []))
    ]
)
def test_unknown_fields_and_expand_give_400(client, operation):
    url = existing_url(operation)
    fields = client.get(url + "?fields=bestaatNiet")
    expand = client.get(url + "?expand=bestaatNiet")

    assert invalid_param(problem(fields), "fields")["code"] == "fields"
    assert invalid_param(problem(expand), "expand")["code"] == "expand"


def declares_etag(operation, status: str) -> bool:
    return "ETag" in operation.operation["responses"].get(status, {}).get("headers", {})


@by_id([operation for operation in OPERATIONS if operation.method == "get"])
def test_etag_is_sent_where_the_contract_declares_it_and_only_there(client, operation):
    response = call(client, operation, existing_url(operation))

    assert response.status_code < 500
    sent = response.has_header("ETag")
    assert sent == (response.status_code == 200 and declares_etag(operation, "200")), operation.id


@by_id([operation for operation in OPERATIONS if "304" in operation.documented_statuses])
def test_a_current_copy_gives_the_documented_304(client, operation):
    url = existing_url(operation)
    etag = call(client, operation, url)["ETag"]

    response = call(client, operation, url, **{"If-None-Match": etag})

    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert_api_headers(response, operation)


def test_every_operation_taking_if_none_match_documents_304():
    conditional = [
        operation.id
        for operation in OPERATIONS
        if any(
            parameter.get("name") == "If-None-Match"
            for parameter in operation.operation.get("parameters", [])
        )
    ]
    documented = [operation.id for operation in OPERATIONS if "304" in operation.documented_statuses]

    assert conditional and conditional == documented
