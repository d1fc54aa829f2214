"""Checking a body against a schema of the OpenAPI document (OAS 3.0) with ``jsonschema``."""

from __future__ import annotations

import jsonschema


def as_json_schema(schema):
    """OAS 3.0 ``nullable`` in JSON Schema terms, everywhere in ``schema``."""
    if isinstance(schema, list):
        return [as_json_schema(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    converted = {key: as_json_schema(value) for key, value in schema.items() if key != "nullable"}
    if not schema.get("nullable"):
        return converted
    if "enum" in converted:
        converted["enum"] = [*converted["enum"], None]
    return {"anyOf": [converted, {"type": "null"}]}


def component_validator(document: dict, name: str) -> jsonschema.Draft202012Validator:
    root = {"$ref": f"#/components/schemas/{name}", "components": as_json_schema(document["components"])}
    return jsonschema.Draft202012Validator(
        root, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def assert_matches_component(document: dict, name: str, body) -> None:
    errors = [
        f"{'/'.join(map(str, error.absolute_path)) or '(root)'}: {error.message}"
        for error in component_validator(document, name).iter_errors(body)
    ]
    assert not errors, f"{name}: {errors}"
