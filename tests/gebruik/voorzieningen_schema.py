"""The Softwarecatalogus' ``Voorziening`` and ``VoorzieningGebruik`` schemas (a copy of its
published OpenAPI 3.1 document, see softwarecatalogus/README.md) as JSON Schema 2020-12
validators, their ``#/components/schemas/...`` references resolved within the document."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

DOCUMENT = Path(__file__).parent / "softwarecatalogus" / "voorzieningen-api-specification.json"
URI = "urn:softwarecatalogus:voorzieningen-api"


@cache
def validator(schema: str) -> Draft202012Validator:
    document = json.loads(DOCUMENT.read_text(encoding="utf-8"))
    assert schema in document["components"]["schemas"], schema
    registry = Registry().with_resource(
        URI, Resource.from_contents(document, default_specification=DRAFT202012)
    )
    return Draft202012Validator(
        {"$ref": f"{URI}#/components/schemas/{schema}"},
        registry=registry,
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def errors(schema: str, instance) -> list[str]:
    """Every way ``instance`` is not a valid ``schema`` (empty: valid)."""
    return [f"{list(error.path)}: {error.message}" for error in validator(schema).iter_errors(instance)]
