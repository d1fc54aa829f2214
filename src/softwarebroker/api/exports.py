"""Lists as spreadsheets: ``Accept: text/csv`` and ``Accept:
application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`` on every list and every
rapportage.

An export has the rows of the JSON list with the same filters, sorting and tenant scoping, but
not a page of them: every row (``page`` and ``pageSize`` do not apply). Its columns follow the
resource's fields (``fields`` selects them as in JSON), with the fields' Dutch labels as
headers. A nested object becomes one column per member; a list becomes one cell (values one
per line; a list of objects as JSON text).

- CSV (RFC 4180 quoting, ``\\r\\n``): what a spreadsheet in a Dutch locale reads without
  asking. Fields separated by ``;``, decimals with a comma (``1234,50``, no thousands
  separator), UTF-8 with a byte order mark, dates ``JJJJ-MM-DD``, moments in ISO 8601 with
  their offset (as in JSON), yes/no as ``ja``/``nee``. Streamed from a server-side cursor: no
  limit on the number of rows, the first bytes leave at once and memory does not grow with
  the export.
- XLSX: one sheet, a bold header row, amounts and numbers as numbers, dates and moments
  (Europe/Amsterdam) as dates. Written by XlsxWriter in constant-memory mode to a temporary
  file, then sent; at most ``EXPORT_XLSX_MAX_RIJEN`` rows (400 ``export_te_groot`` above it:
  filter the list or ask for CSV).

A text cell that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return) gets a leading ``'`` in both formats.
"""

from __future__ import annotations

import csv
import datetime
import decimal
import io
import re
import tempfile
import zoneinfo
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import orjson
import xlsxwriter
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.text import capfirst
from rest_framework import renderers, serializers
from rest_framework.relations import ManyRelatedField

from .exceptions import APIProblem

CSV = "text/csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXPORT_MEDIA_TYPES = (CSV, XLSX)
CSV_SEPARATOR = ";"
CSV_DESCRIPTION = (
    "Alle rijen van de lijst (niet een pagina), met dezelfde filters en sortering. Velden "
    "gescheiden door `;`, decimalen met een komma, UTF-8 met BOM, datums `JJJJ-MM-DD`, tijdstippen "
    "in ISO 8601, ja/nee; een geneste waarde een kolom per onderdeel, een lijst in één cel (een "
    "waarde per regel). Tekst die met `=`, `+`, `-` of `@` begint, krijgt een `'` ervoor."
)
XLSX_DESCRIPTION = (
    "Alle rijen van de lijst als werkblad: bedragen en getallen als getal, datums als datum "
    "(tijdstippen in Europe/Amsterdam). Tot `EXPORT_XLSX_MAX_RIJEN` rijen (standaard 50.000); "
    "daarboven 400 `export_te_groot`."
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_MAX_CELL = 32767  # characters in one cell
CAMEL_HUMP = re.compile(r"([a-z0-9])([A-Z])")
_AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


class ExportRenderer(renderers.BaseRenderer):
    """Declares a spreadsheet format to content negotiation. The body is written by
    :func:`export_response` (a streamed or file response) and problems by
    ``api.exceptions`` (problem+json), so this renderer renders nothing of its own."""

    charset = None

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return orjson.dumps(data) if data is not None else b""


class CSVRenderer(ExportRenderer):
    media_type = CSV
    format = "csv"


class XLSXRenderer(ExportRenderer):
    media_type = XLSX
    format = "xlsx"


EXPORT_RENDERERS = (CSVRenderer, XLSXRenderer)


def wants_export(request) -> bool:
    renderer = getattr(request, "accepted_renderer", None)
    return isinstance(renderer, ExportRenderer)


# --- columns --------------------------------------------------------------------------------

TEXT, DECIMAL, INTEGER, DATE, MOMENT, YES_NO = "tekst", "decimaal", "geheel", "datum", "moment", "janee"


@dataclass(frozen=True)
class Column:
    """One column: its Dutch header, its kind and how its value is read from a row (a
    representation as the JSON list shows it, or a rapportage's row)."""

    header: str
    kind: str
    value: Callable[[dict], object]


def _item(name: str) -> Callable[[dict], object]:
    return lambda row: row.get(name)


def _member(outer: Callable[[dict], object], name: str) -> Callable[[dict], object]:
    def read(row):
        container = outer(row)
        return container.get(name) if isinstance(container, dict) else None

    return read


def header_of(name: str, bound) -> str:
    """The field's label; where the serializer only derived one from the JSON name, the model
    field's verbose name, else the name in words (``kvkNummer`` -> ``Kvk nummer``)."""
    label = bound.label
    if label and label != name.replace("_", " ").capitalize():
        return capfirst(str(label))
    model = getattr(getattr(bound.parent, "Meta", None), "model", None)
    if model is not None and bound.source and "." not in bound.source:
        try:
            verbose_name = getattr(model._meta.get_field(bound.source), "verbose_name", None)
        except FieldDoesNotExist:
            verbose_name = None
        if verbose_name:
            return capfirst(str(verbose_name))
    return capfirst(CAMEL_HUMP.sub(lambda match: f"{match[1]} {match[2].lower()}", name).replace("_", " "))


def kind_of(bound) -> str:
    if isinstance(bound, serializers.BooleanField):
        return YES_NO
    if isinstance(bound, serializers.IntegerField):
        return INTEGER
    if isinstance(bound, serializers.DecimalField | serializers.FloatField):
        return DECIMAL
    if isinstance(bound, serializers.DateTimeField):
        return MOMENT
    if isinstance(bound, serializers.DateField):
        return DATE
    return TEXT


def columns_of(fields: dict, read: Callable[[str], Callable] = _item, prefix: str = "") -> list[Column]:
    """The columns of a serializer's (bound) ``fields``: a nested object one column per member,
    a list one cell."""
    columns = []
    for name, bound in fields.items():
        if name.startswith("_"):
            continue
        header = header_of(name, bound)
        if prefix:
            header = f"{prefix}: {header[0].lower()}{header[1:]}"
        if isinstance(bound, serializers.Serializer):
            outer = read(name)
            columns += columns_of(bound.fields, lambda member, outer=outer: _member(outer, member), header)
        elif isinstance(bound, serializers.ListSerializer | serializers.ListField | ManyRelatedField):
            columns.append(Column(header, TEXT, read(name)))
        else:
            columns.append(Column(header, kind_of(bound), read(name)))
    return columns


def serializer_columns(serializer_class, selected: Iterable[str] | None) -> list[Column]:
    fields = {
        name: bound for name, bound in serializer_class(context={}).fields.items() if not bound.write_only
    }
    if selected is not None:
        keep = set(selected) | {"url"}
        fields = {name: bound for name, bound in fields.items() if name in keep}
    return columns_of(fields)


# --- values ---------------------------------------------------------------------------------


def safe_text(text: str) -> str:
    """Text a spreadsheet shows, never runs as a formula."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def _text(value) -> str:
    if isinstance(value, list):
        if any(isinstance(item, dict | list) for item in value):
            return orjson.dumps(value).decode()
        return "\n".join("" if item is None else str(item) for item in value)
    if isinstance(value, dict):
        return orjson.dumps(value).decode()
    return str(value)


def typed(kind: str, value):
    """A JSON value as the Python value of its column's kind (``None`` stays ``None``)."""
    if value is None or value == "":
        return None
    if kind == DECIMAL:
        return value if isinstance(value, int | float | decimal.Decimal) else decimal.Decimal(str(value))
    if kind == INTEGER:
        return int(value)
    if kind == DATE:
        return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value)
    if kind == MOMENT:
        return value if isinstance(value, datetime.datetime) else datetime.datetime.fromisoformat(value)
    if kind == YES_NO:
        return bool(value)
    return safe_text(_text(value))


def csv_cell(kind: str, value) -> str:
    value = typed(kind, value)
    if value is None:
        return ""
    if kind == DECIMAL:
        return format(value, "f").replace(".", ",")
    if kind in (DATE, MOMENT):
        return value.isoformat()
    if kind == YES_NO:
        return "ja" if value else "nee"
    return str(value)


# --- writers --------------------------------------------------------------------------------


def csv_chunks(columns: list[Column], chunks: Iterable[list[dict]]) -> Iterator[bytes]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=CSV_SEPARATOR, lineterminator="\r\n")
    writer.writerow([safe_text(column.header) for column in columns])
    yield ("\ufeff" + buffer.getvalue()).encode()
    for rows in chunks:
        buffer.seek(0)
        buffer.truncate()
        writer.writerows([csv_cell(column.kind, column.value(row)) for column in columns] for row in rows)
        yield buffer.getvalue().encode()


def write_xlsx(columns: list[Column], chunks: Iterable[list[dict]], target) -> None:
    workbook = xlsxwriter.Workbook(
        target, {"constant_memory": True, "strings_to_formulas": False, "strings_to_numbers": False}
    )
    sheet = workbook.add_worksheet("Export")
    formats = {
        DECIMAL: workbook.add_format({"num_format": "#,##0.00"}),
        DATE: workbook.add_format({"num_format": "dd-mm-yyyy"}),
        MOMENT: workbook.add_format({"num_format": "dd-mm-yyyy hh:mm:ss"}),
    }
    bold = workbook.add_format({"bold": True})
    for index, column in enumerate(columns):
        sheet.write_string(0, index, column.header, bold)
        sheet.set_column(index, index, min(max(len(column.header), 12), 40))
    sheet.freeze_panes(1, 0)
    number = 1
    for rows in chunks:
        for row in rows:
            for index, column in enumerate(columns):
                _write_cell(sheet, number, index, column.kind, typed(column.kind, column.value(row)), formats)
            number += 1
    workbook.close()


def _write_cell(sheet, row: int, col: int, kind: str, value, formats) -> None:
    if value is None:
        return
    if kind in (DECIMAL, INTEGER):
        sheet.write_number(row, col, float(value), formats.get(kind))
    elif kind == DATE:
        sheet.write_datetime(row, col, datetime.datetime.combine(value, datetime.time()), formats[DATE])
    elif kind == MOMENT:
        if timezone.is_aware(value):
            value = value.astimezone(_AMSTERDAM).replace(tzinfo=None)
        sheet.write_datetime(row, col, value, formats[MOMENT])
    elif kind == YES_NO:
        sheet.write_boolean(row, col, value)
    else:
        sheet.write_string(row, col, value[:XLSX_MAX_CELL])


# --- responses ------------------------------------------------------------------------------


def xlsx_row_cap() -> int:
    return settings.EXPORT_XLSX_MAX_RIJEN


def check_xlsx_size(request, count: Callable[[], int]) -> None:
    """400 before anything is written when an XLSX export would pass the row cap."""
    if request.accepted_renderer.media_type != XLSX:
        return
    cap = xlsx_row_cap()
    total = count()
    if total > cap:
        raise APIProblem(
            status=400,
            code="export_te_groot",
            detail=(
                f"Deze export heeft {total} rijen; XLSX gaat tot {cap} rijen. Beperk de lijst met "
                "filters of vraag CSV (`Accept: text/csv`), dat geen grens heeft."
            ),
            invalid_params=[
                {"name": "Accept", "code": "export_te_groot", "reason": f"XLSX tot {cap} rijen."}
            ],
        )


def export_response(request, name: str, columns: list[Column], chunks: Iterable[list[dict]]):
    """The export in the format ``request`` negotiated. ``chunks`` yields lists of rows; it is
    consumed while the answer is sent (CSV) or before (XLSX), so it must open its own
    transaction if it reads from a server-side cursor."""
    filename = f"{name}-{timezone.localdate().isoformat()}"
    if request.accepted_renderer.media_type == CSV:
        response = StreamingHttpResponse(csv_chunks(columns, chunks), content_type=f"{CSV}; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
        response["X-Accel-Buffering"] = "no"  # a proxy passes the rows on as they come
        return response
    # Closed, and so deleted, by the response once it is sent.
    target = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115
    write_xlsx(columns, chunks, target)
    target.seek(0)
    return FileResponse(target, as_attachment=True, filename=f"{filename}.xlsx", content_type=XLSX)
