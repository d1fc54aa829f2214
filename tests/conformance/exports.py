"""CSV and XLSX on every list of both APIs: the same rows as the JSON ``count``, Dutch headers.
Checked inside the list tests of test_operations.py, on the rows they make anyway."""

from __future__ import annotations

import csv
import io
import re

import openpyxl

from softwarebroker.api.exports import CSV, XLSX

__all__ = ["CSV", "XLSX", "assert_exports_have_the_rows", "csv_rows", "read_csv", "xlsx_rows"]

# A header in words, never a JSON name in camelCase (``kvkNummer``); ``KvK-nummer`` is a word.
CAMEL_CASE = re.compile(r"[a-z][A-Z][a-z]")


def csv_rows(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:], newline=""), delimiter=";"))


def xlsx_rows(response) -> list[tuple]:
    body = b"".join(response.streaming_content)
    sheet = openpyxl.load_workbook(io.BytesIO(body), read_only=True).active
    return [tuple(cell.value for cell in row) for row in sheet.iter_rows()]


def exported(client, url: str, media_type: str):
    response = client.get(url, headers={"Accept": media_type})
    assert response.status_code == 200, response.content if not response.streaming else ""
    return response


def read_csv(client, url: str) -> list[list[str]]:
    return csv_rows(exported(client, url, CSV))


def assert_exports_have_the_rows(client, url: str, count: int):
    """The CSV and XLSX of the list at ``url`` have ``count`` rows and Dutch headers; returns
    the CSV response."""
    as_csv = exported(client, url, CSV)
    header, *rows = csv_rows(as_csv)
    as_xlsx = exported(client, url, XLSX)
    sheet = xlsx_rows(as_xlsx)

    assert len(rows) == count
    assert as_csv["Content-Type"] == "text/csv; charset=utf-8"
    assert as_csv["Content-Disposition"].startswith('attachment; filename="')
    assert "Url" in header, header
    assert not [name for name in header if CAMEL_CASE.search(name)], header
    assert as_xlsx["Content-Type"] == XLSX
    assert list(sheet[0]) == header
    assert len(sheet) == count + 1
    return as_csv
