"""Reading the OpenAPI documents as a strict OpenAPI 3.0.3 validator does.

In OAS 3.0.3 ``nullable: true`` adds ``null`` only to the ``type`` of its own schema object:
beside a ``$ref`` it is ignored, and a ``null`` still has to pass every ``allOf`` part and
exactly one ``oneOf`` alternative.
"""

from __future__ import annotations

EXPAND = "_expand"
JSON_TYPES = frozenset({"object", "array", "string", "number", "boolean", "null"})


def resolve(schema: dict, document: dict) -> dict:
    while "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def allows_null(schema: dict, document: dict) -> bool:
    """Does ``schema`` accept ``null`` under OAS 3.0.3?"""
    if "$ref" in schema:
        return allows_null(resolve(schema, document), document)
    if "type" in schema and not schema.get("nullable"):
        return False
    if "enum" in schema and None not in schema["enum"]:
        return False
    if not all(allows_null(part, document) for part in schema.get("allOf", ())):
        return False
    if "oneOf" in schema and sum(allows_null(item, document) for item in schema["oneOf"]) != 1:
        return False
    return "anyOf" not in schema or any(allows_null(item, document) for item in schema["anyOf"])


def _json_type(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    return {str: "string", list: "array", dict: "object"}[type(value)]


def _types(schema: dict, document: dict) -> frozenset[str]:
    """The JSON types ``schema`` may accept (integers counted as numbers)."""
    schema = resolve(schema, document)
    if "enum" in schema:
        return frozenset(_json_type(value) for value in schema["enum"])
    if "type" in schema:
        own = "number" if schema["type"] == "integer" else schema["type"]
        return frozenset({own, "null"} if schema.get("nullable") else {own})
    if "properties" in schema:
        return frozenset({"object"})
    alternatives = schema.get("oneOf") or schema.get("anyOf")
    if alternatives:
        return frozenset().union(*(_types(item, document) for item in alternatives))
    return JSON_TYPES


def overlap(first: dict, second: dict, document: dict) -> bool:
    """Can one value be valid under both schemas? Formats, patterns and lengths do not make
    two strings disjoint here (``""`` is a string of ``maxLength: 0`` and, for a lenient
    validator, a URL): only distinct JSON types or distinct ``enum`` values do."""
    first, second = resolve(first, document), resolve(second, document)
    if "enum" in first and "enum" in second:
        return any(value in second["enum"] for value in first["enum"])
    for enumerated, other in ((first, second), (second, first)):
        if "enum" in enumerated:
            return any(_json_type(value) in _types(other, document) for value in enumerated["enum"])
    return bool(_types(first, document) & _types(second, document))


def walk(node, path=""):
    """Every object in ``node`` with its JSON pointer-like path."""
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, f"{path}/{index}")


def response_components(document: dict) -> dict[str, dict]:
    """The object schemas of responses (requests have their own ``…Request`` components)."""
    return {
        name: schema
        for name, schema in document["components"]["schemas"].items()
        if not name.endswith("Request") and "properties" in schema
    }


def constrained_text(schema: dict, document: dict) -> bool:
    """Does ``schema`` (or an alternative) describe a text with a format, pattern or choices,
    for which ``""`` is no value?"""
    schema = resolve(schema, document)
    if any(key in schema for key in ("format", "pattern", "enum")):
        return True
    return any(constrained_text(item, document) for item in schema.get("oneOf", ()) + schema.get("anyOf", ()))


def representation_problems(value, schema: dict, document: dict, path: str = "") -> list[str]:
    """What in ``value``, a full representation (no ``fields``), the contract does not say:
    a property absent that is required, a property always sent that is not required, ``null``
    where the schema does not allow it, ``""`` for a text with a format, pattern or choices."""
    if value is None:
        return [] if allows_null(schema, document) else [f"{path}: null, but the schema allows no null"]
    schema = resolve(schema, document)
    alternatives = [item for item in schema.get("oneOf", ()) if not allows_null(item, document)]
    if alternatives:
        schema = resolve(alternatives[0], document)
    if value == "" and constrained_text(schema, document):
        return [f'{path}: "" for a text with a format, pattern or choices']
    problems = []
    if isinstance(value, dict) and "properties" in schema:
        required = set(schema.get("required", ()))
        for name in required - set(value):
            problems.append(f"{path}/{name}: required, but absent")
        for name, item in value.items():
            if name not in schema["properties"]:
                problems.append(f"{path}/{name}: not in the schema")
                continue
            if path.rsplit("/", 1)[-1] != EXPAND and name != EXPAND and name not in required:
                problems.append(f"{path}/{name}: always sent, but not required")
            problems += representation_problems(item, schema["properties"][name], document, f"{path}/{name}")
    elif isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            problems += representation_problems(item, schema["items"], document, f"{path}/{index}")
    return problems
