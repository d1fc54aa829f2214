"""Every problem of a value against a JSON Schema (draft 2020-12), in Dutch, with its path.

The one mapping from what JSON Schema checks to what a client reads: each problem is
``(name, code, message)``, where ``name`` is the dotted path of the value at fault below the
given name (for a missing or an unexpected property, that property: ``...contactpersoonEmail``),
``code`` the schema keyword that failed (``required``, ``type``, ``enum``, ``minimum``,
``maxLength``, ``format``, ``pattern``, ``additionalProperties``, ...) and ``message`` a Dutch
explanation. Formats are checked (``email``, ``date``, ...), not only annotated.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import jsonschema
import referencing.exceptions

from .json_limits import path_text

Problem = tuple[str, str, str]

TYPE_NAMES = {
    "string": "tekst",
    "integer": "een geheel getal",
    "number": "een getal",
    "boolean": "true of false",
    "object": "een object",
    "array": "een lijst",
    "null": "null",
}
FORMAT_NAMES = {
    "email": "een e-mailadres",
    "idn-email": "een e-mailadres",
    "date": "een datum (JJJJ-MM-DD)",
    "date-time": "een datum en tijd (ISO 8601, met tijdzone)",
    "time": "een tijd (ISO 8601, met tijdzone)",
    "duration": "een duur (ISO 8601)",
    "uri": "een URI",
    "uri-reference": "een URI-verwijzing",
    "iri": "een IRI",
    "uuid": "een UUID",
    "hostname": "een hostnaam",
    "idn-hostname": "een hostnaam",
    "ipv4": "een IPv4-adres",
    "ipv6": "een IPv6-adres",
    "regex": "een reguliere expressie",
}


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _types(expected) -> str:
    names = [TYPE_NAMES.get(name, name) for name in ([expected] if isinstance(expected, str) else expected)]
    return " of ".join(names)


MESSAGES: dict[str, Callable[[object], str]] = {
    "required": lambda _: "Dit gegeven is verplicht.",
    "additionalProperties": lambda _: "Dit gegeven is hier niet toegestaan.",
    "type": lambda expected: f"Verwacht: {_types(expected)}.",
    "enum": lambda values: "Kies uit: " + ", ".join(_json(value) for value in values) + ".",
    "const": lambda value: f"De waarde moet {_json(value)} zijn.",
    "format": lambda name: f"Verwacht: {FORMAT_NAMES.get(name, f'het formaat {name}')}.",
    "pattern": lambda pattern: f"Voldoet niet aan het patroon {pattern}.",
    "minLength": lambda limit: f"Minimaal {limit} tekens.",
    "maxLength": lambda limit: f"Hoogstens {limit} tekens.",
    "minimum": lambda limit: f"De waarde moet minimaal {limit} zijn.",
    "maximum": lambda limit: f"De waarde mag hoogstens {limit} zijn.",
    "exclusiveMinimum": lambda limit: f"De waarde moet groter zijn dan {limit}.",
    "exclusiveMaximum": lambda limit: f"De waarde moet kleiner zijn dan {limit}.",
    "multipleOf": lambda factor: f"De waarde moet een veelvoud van {factor} zijn.",
    "minItems": lambda limit: f"Minimaal {limit} elementen.",
    "maxItems": lambda limit: f"Hoogstens {limit} elementen.",
    "uniqueItems": lambda _: "Elk element mag maar één keer voorkomen.",
    "contains": lambda _: "Geen van de elementen voldoet aan het schema.",
    "minContains": lambda limit: f"Minimaal {limit} elementen moeten aan het schema voldoen.",
    "maxContains": lambda limit: f"Hoogstens {limit} elementen mogen aan het schema voldoen.",
    "minProperties": lambda limit: f"Minimaal {limit} gegevens.",
    "maxProperties": lambda limit: f"Hoogstens {limit} gegevens.",
    "dependentRequired": lambda _: "Een gegeven dat hierbij hoort ontbreekt.",
    "propertyNames": lambda _: "Een naam van een gegeven is hier niet toegestaan.",
    "anyOf": lambda _: "Voldoet aan geen van de toegestane vormen.",
    "oneOf": lambda _: "Voldoet niet aan precies één van de toegestane vormen.",
    "not": lambda _: "Deze waarde is hier niet toegestaan.",
    "unevaluatedProperties": lambda _: "Dit object heeft gegevens die hier niet zijn toegestaan.",
    "unevaluatedItems": lambda _: "Deze lijst heeft elementen die hier niet zijn toegestaan.",
}
# A subschema ``false`` (nothing allowed here) has no keyword.
FALSE_SCHEMA = "notAllowed"


def json_schema_problems(value, schema: dict, name: str) -> list[Problem]:
    """Every problem of ``value`` against ``schema``; ``name`` is the value's own name
    (``regels.0.bestelparameters``). An empty list when the value is valid."""
    checker = jsonschema.Draft202012Validator
    try:
        # Checked when saved here; a peer's offer may bring one that cannot be used.
        checker.check_schema(schema)
        errors = sorted(
            checker(schema, format_checker=checker.FORMAT_CHECKER).iter_errors(value),
            key=lambda error: ([str(part) for part in error.absolute_path], str(error.validator)),
        )
    except (jsonschema.SchemaError, referencing.exceptions.Unresolvable, re.error):
        return [(name, "schema", "Het schema waarmee deze waarde wordt gecontroleerd is ongeldig.")]
    problems: list[Problem] = []
    for error in errors:
        problems += _problems_of(error, name)
    return problems


def _problems_of(error: jsonschema.ValidationError, name: str) -> list[Problem]:
    path = tuple(error.absolute_path)
    keyword = error.validator
    if keyword is None:
        return [(_name(name, path), FALSE_SCHEMA, "Hier is geen waarde toegestaan.")]
    message = MESSAGES.get(keyword)
    text = message(error.validator_value) if message else f"Voldoet niet aan het schema ({keyword})."
    if keyword == "required":
        # One error per missing property; its name is the property's.
        missing = _missing_property(error)
        return [(_name(name, (*path, missing) if missing is not None else path), keyword, text)]
    if keyword == "additionalProperties" and isinstance(error.instance, dict):
        return [
            (_name(name, (*path, extra)), keyword, text) for extra in _extras(error.instance, error.schema)
        ]
    return [(_name(name, path), str(keyword), text)]


def _name(name: str, path: tuple) -> str:
    return f"{name}.{path_text(path)}" if path else name


def _missing_property(error: jsonschema.ValidationError):
    """The property a ``required`` error is about: jsonschema reports one error per missing
    property, in the order of the schema's list, with the property in its message."""
    instance = error.instance if isinstance(error.instance, dict) else {}
    missing = [prop for prop in error.validator_value if prop not in instance]
    for prop in missing:
        if error.message == f"{prop!r} is a required property":
            return prop
    return missing[0] if missing else None


def _extras(instance: dict, schema: dict) -> list:
    """The properties ``additionalProperties: false`` refuses, in the value's order."""
    declared = schema.get("properties", {}) if isinstance(schema, dict) else {}
    patterns = schema.get("patternProperties", {}) if isinstance(schema, dict) else {}
    return [
        prop
        for prop in instance
        if prop not in declared and not any(re.search(pattern, prop) for pattern in patterns)
    ]
