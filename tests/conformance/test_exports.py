"""CSV and XLSX on every list of both APIs: declared in the contract, the same rows as the JSON
``count``, Dutch headers, and nowhere else (a detail answers 406)."""

from __future__ import annotations

import csv
import io
import re

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from softwarebroker.api.exports import CSV, XLSX
from tests.autorisaties.matrix_resources import create_in
from tests.conftest import problem

from .operations import OPERATIONS
from .test_operations import assert_api_headers, by_id, existing_parents, existing_url

pytestmark = [pytest.mark.django_db, pytest.mark.conformance]

CAMEL_CASE = re.compile(r"[a-z][A-Z][a-z]")
LISTS = [operation for operation in OPERATIONS if operation.is_list]
DETAILS = [
    operation
    for operation in OPERATIONS
    if operation.method == "get"
    and operation.is_detail
    and not operation.path.startswith("/openapi.")
    and CSV not in operation.operation["responses"]["200"].get("content", {})
]


def csv_rows(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:], newline=""), delimiter=";"))


def xlsx_rows(response) -> list[tuple]:
    body = b"".join(response.streaming_content)
    sheet = openpyxl.load_workbook(io.BytesIO(body), read_only=True).active
    return [tuple(cell.value for cell in row) for row in sheet.iter_rows()]


def test_every_list_declares_both_formats():
    for operation in LISTS:
        content = operation.operation["responses"]["200"]["content"]
        assert content[CSV]["schema"]["type"] == "string", operation.id
        assert content[XLSX]["schema"]["type"] == "string", operation.id
        assert content[XLSX]["schema"]["format"] == "binary", operation.id
    for operation in DETAILS:
        assert XLSX not in operation.operation["responses"]["200"]["content"], operation.id


def exported(client, url, media_type):
    response = client.get(url, headers={"Accept": media_type})
    assert response.status_code == 200, response.content if not response.streaming else ""
    return response


@by_id(LISTS)
def test_list_exports_have_the_rows_of_the_json_count(client, operation):
    parents = existing_parents(operation)
    parent = parents[-1] if parents else None
    url = operation.url(*(obj.uuid for obj in parents))
    create_in(operation.collection, parent)
    with CaptureQueriesContext(connection) as few:
        csv_rows(exported(client, url, CSV))
    for _ in range(3):
        create_in(operation.collection, parent)
    with CaptureQueriesContext(connection) as many:
        as_csv = exported(client, url, CSV)
        header, *rows = csv_rows(as_csv)
    as_xlsx = exported(client, url, XLSX)
    count = client.get(url).json()["count"]

    # Read through a cursor in chunks: the queries do not grow with the rows.
    assert len(many) == len(few), [query["sql"] for query in many.captured_queries]
    assert count >= 4
    assert len(rows) == count
    assert as_csv["Content-Type"] == "text/csv; charset=utf-8"
    assert as_csv["Content-Disposition"].startswith('attachment; filename="')
    assert_api_headers(as_csv, operation)
    assert "Url" in header, header
    # Dutch words, never the JSON's camelCase names.
    camel_case = [name for name in header if CAMEL_CASE.search(name)]
    assert not camel_case, header
    assert as_xlsx["Content-Type"] == XLSX
    sheet = xlsx_rows(as_xlsx)
    assert list(sheet[0]) == header
    assert len(sheet) == count + 1


@by_id(DETAILS)
def test_a_detail_is_not_exported(client, operation):
    response = client.get(existing_url(operation), headers={"Accept": CSV})

    assert response.status_code == 406
    problem(response)
