"""Fills the examples into a finished document (see :mod:`.schema_examples` for the values and
the rules by which a property gets one)."""

from __future__ import annotations

from .definitions import CATALOGUS, api_for_path
from .exports import CSV_DESCRIPTION as CSV_EXPORT_DESCRIPTION
from .schema_examples import (
    DATES,
    DEFAULT_DATE,
    DEFAULT_DATE_TIME,
    DEFAULT_EMAIL,
    FOREIGN_RESOURCES,
    PUBLICCODE_YAML,
    REFERENCES,
    VALUES,
    example_url,
    example_uuid,
    resource_url,
)


def _schema_name(name: str) -> str:
    return name.removeprefix("Patched").removesuffix("Request")


class _Document:
    """What the examples of one document depend on: its API, and the example URL of each
    schema that is a resource (from the paths that answer with it)."""

    def __init__(self, result: dict):
        servers = result.get("servers") or [{}]
        self.api = api_for_path(servers[0].get("url", "")) or CATALOGUS
        self.own_urls: dict[str, str] = {}
        self.list_urls: dict[str, str] = {}
        for path, item in result.get("paths", {}).items():
            schema = (
                item.get("get", {})
                .get("responses", {})
                .get("200", {})
                .get("content", {})
                .get("application/json", {})
            ).get("schema", {})
            name = schema.get("$ref", "").rsplit("/", 1)[-1]
            if not name:
                continue
            urls = self.own_urls if path.endswith("}") else self.list_urls
            urls.setdefault(name, example_url(self.api, path))

    def value(self, owner: str, name: str, schema: dict):
        """The example for property ``name`` of schema ``owner`` (``None``: no rule)."""
        owner = _schema_name(owner)
        for key in (f"{self.api.slug}:{owner}.{name}", f"{owner}.{name}", name):
            if key in VALUES:
                return VALUES[key]
        form = schema.get("format")
        if form == "uri":
            return self.url(owner, name)
        if form == "date":
            return DATES.get(name, DEFAULT_DATE)
        if form == "date-time":
            return DEFAULT_DATE_TIME
        if form == "uuid":
            return example_uuid(owner)
        if form == "email":
            return DEFAULT_EMAIL
        return None

    def url(self, owner: str, name: str) -> str | None:
        if name == "url":
            if owner in FOREIGN_RESOURCES:  # a resource of the other API, expanded here
                return resource_url(*FOREIGN_RESOURCES[owner])
            return self.own_urls.get(owner)
        if name in ("next", "previous"):
            listed = self.list_urls.get(owner)
            return None if listed is None else (f"{listed}?page=3" if name == "next" else listed)
        if name in ("hoofdObject", "resourceUrl"):
            # The resource whose audit trail this is (the first path that answers with it).
            own = self.own_urls.get(owner)
            return None if own is None else own.rsplit("/audittrail/", 1)[0]
        reference = REFERENCES.get(name)
        return None if reference is None else resource_url(*reference)


def add_examples(result: dict) -> None:
    document = _Document(result)
    for name, schema in result.get("components", {}).get("schemas", {}).items():
        _fill(schema, name, "", document)
    for item in result.get("paths", {}).values():
        for operation in item.values():
            if isinstance(operation, dict):
                _fill_yaml_bodies(operation)
                _fill_pdf_bodies(operation)
                _fill_csv_bodies(operation)


def _fill(schema, owner: str, name: str, document: _Document) -> None:
    if not isinstance(schema, dict) or "$ref" in schema:
        return
    for composed in ("allOf", "oneOf", "anyOf"):
        alternatives = [
            alt for alt in schema.get(composed, []) if isinstance(alt, dict) and "$ref" not in alt
        ]
        if alternatives and "example" not in schema and name:
            # A value with alternatives (e.g. a URL or nothing): the example of the first.
            value = document.value(owner, name, alternatives[0])
            if value is not None:
                schema["example"] = value
            return
    for prop, sub in schema.get("properties", {}).items():
        _fill(sub, owner, prop, document)
    if isinstance(schema.get("additionalProperties"), dict):
        _fill(schema["additionalProperties"], owner, name, document)
    if isinstance(schema.get("items"), dict):
        _fill(schema["items"], owner, name, document)
    composed = any(key in schema for key in ("allOf", "oneOf", "anyOf", "not"))
    container = (
        schema.get("type") in ("object", "array", "boolean") or "properties" in schema or "items" in schema
    )
    if name and not composed and not container:
        _set(schema, document.value(owner, name, schema))


def _set(schema: dict, value) -> None:
    if value is not None and "example" not in schema and "enum" not in schema:
        schema["example"] = value


def _fill_yaml_bodies(operation: dict) -> None:
    bodies = [operation.get("requestBody", {}), *operation.get("responses", {}).values()]
    for body in bodies:
        media = body.get("content", {}).get("application/yaml", {})
        schema = media.get("schema", {})
        if schema.get("type") == "string":
            _set(schema, PUBLICCODE_YAML)


PDF_BODY = "%PDF-1.7 (de inhoud van het PDF-bestand)"


def _fill_pdf_bodies(operation: dict) -> None:
    bodies = [operation.get("requestBody", {}), *operation.get("responses", {}).values()]
    for body in bodies:
        schema = body.get("content", {}).get("application/pdf", {}).get("schema", {})
        if schema.get("type") == "string":
            _set(schema, PDF_BODY)


CSV_BODY = (
    "\ufeffPakket;Versie;Fabrikant;Referentiecomponenten;Status;Sinds;Bedrijfskritisch;"
    "Verwerkt persoonsgegevens;Contractnummer licentie;Toelichting\r\n"
    "Zaakvlot;4.2.0;Voorbeeldsoftware B.V.;Zaakregistratiecomponent;In productie;2025-07-01;ja;ja;"
    "2026-0000042;Zaakgericht werken voor alle afdelingen.\r\n"
)


def _fill_csv_bodies(operation: dict) -> None:
    for body in operation.get("responses", {}).values():
        schema = body.get("content", {}).get("text/csv", {}).get("schema", {})
        # A list's export has the list's own columns (api.exports), not the landscape's.
        if schema.get("type") == "string" and schema.get("description") != CSV_EXPORT_DESCRIPTION:
            _set(schema, CSV_BODY)
