"""OpenAPI generation, the post-processing hooks: they make nullable references valid under OAS
3.0.3, add to every operation the problem+json error responses it can return, the
``API-Version``, ``Location`` and ``Link`` response headers, and ``ETag`` and 304 where a view
sends them, make every enum one named component (:func:`postprocess_enums`) and add realistic
examples. The AutoSchema (``schema``) describes each operation before them.
"""

from __future__ import annotations

from drf_spectacular.drainage import warn

from . import exports
from .headers import AUDIT_HEADER, DECLARED_HEADER_MAX_LENGTH, OPTIONAL_REQUEST_HEADERS
from .schema_example_filling import add_examples
from .schema_problems import problem_schemas

PROBLEM = "application/problem+json"
BODY_METHODS = {"post", "put", "patch"}
METHODS = {"get", "post", "put", "patch", "delete"}

ERROR_DESCRIPTIONS = {
    "400": "Ongeldige aanvraag: alle ongeldige velden en parameters staan in `invalidParams`.",
    "401": "Niet geauthenticeerd: geen, een ongeldig of een verlopen token (`code` zegt welke fout).",
    "403": "Geen toegang: de applicatie mist de scope van deze operatie (`code: autorisatie`), of "
    "de handeling is aan een andere partij van de bestelling (`code: rol`).",
    "404": "Niet gevonden.",
    "406": "Het gevraagde formaat (Accept) wordt niet ondersteund.",
    "409": "Conflict met de huidige toestand van de resource; meer oorzaken tegelijk staan elk in "
    "`invalidParams` (`code: verklaring_ontbreekt`: elk ontbrekend type per regel).",
    "412": "De versie in If-Match komt niet overeen.",
    "413": "De aanvraag is te groot.",
    "415": "Het formaat van de aanvraag (Content-Type) wordt niet ondersteund.",
    "429": "Te veel mislukte authenticaties voor deze client-id; zie `Retry-After`.",
    "500": "Onverwachte fout op de server.",
    "502": "Een aanbieding van een andere instantie (peer-catalogus) kon niet worden gelezen "
    "(`code: peer_onbereikbaar`); er is niets gewijzigd.",
}


def _headers() -> dict:
    return {
        "API-Version": {
            "description": "De volledige versie van deze API (gelijk aan `info.version`).",
            "schema": {"type": "string", "example": "1.0.0"},
            "required": True,
        },
        "Location": {
            "description": "De URL van de aangemaakte resource.",
            "schema": {"type": "string", "format": "uri"},
            "required": True,
        },
        "Link": {
            "description": "Links naar de eerste, vorige, volgende en laatste pagina (RFC 8288); bij "
            "JSON, niet bij een export (CSV, XLSX), die alle rijen heeft.",
            "schema": {"type": "string"},
        },
        "Content-Disposition": {
            "description": "Bij een export (CSV, XLSX): een bijlage met de bestandsnaam "
            "`<lijst>-<datum>.csv` of `.xlsx`.",
            "schema": {"type": "string"},
        },
        "X-Aantal-Geschat": {
            "description": "`true` als `count` een schatting is (zeer grote resultaten).",
            "schema": {"type": "string", "enum": ["true"]},
        },
        "Access-Control-Allow-Origin": {
            "description": "Het OpenAPI-document is voor elke origin beschikbaar.",
            "schema": {"type": "string", "enum": ["*"]},
            "required": True,
        },
        "Allow": {
            "description": "De toegestane methodes.",
            "schema": {"type": "string"},
        },
        "Retry-After": {
            "description": "Na hoeveel seconden een nieuwe poging zin heeft.",
            "schema": {"type": "integer"},
            "required": True,
        },
        "WWW-Authenticate": {
            "description": "Het verwachte authenticatieschema (Bearer).",
            "schema": {"type": "string"},
            "required": True,
        },
        "ETag": {
            "description": ETAG_DESCRIPTION,
            "schema": ETAG_SCHEMA,
            "required": True,
        },
    }


# Headers of the NLX/FSC network and of audit logging: never required, accepted, logged.


def _header_parameter_name(header: str) -> str:
    return header.replace("-", "")


def _header_parameters() -> dict:
    parameters = {
        _header_parameter_name(name): {
            "name": name,
            "in": "header",
            "required": False,
            "description": description,
            "schema": {"type": "string", "maxLength": DECLARED_HEADER_MAX_LENGTH[name]},
        }
        for name, description in OPTIONAL_REQUEST_HEADERS.items()
    }
    parameters[_header_parameter_name(AUDIT_HEADER)] = {
        "name": AUDIT_HEADER,
        "in": "header",
        "required": False,
        "description": "Toelichting bij deze wijziging; komt in de audittrail.",
        "schema": {"type": "string", "maxLength": DECLARED_HEADER_MAX_LENGTH[AUDIT_HEADER]},
    }
    return parameters


def _header_ref(name: str) -> dict:
    return {"$ref": f"#/components/headers/{name}"}


ETAG_DESCRIPTION = "De versie van deze representatie (RFC 9110), voor `If-None-Match` of `If-Match`."
ETAG_SCHEMA = {"type": "string", "example": '"5d41402abc4b2a76b9719d911017c592"'}
NOT_MODIFIED = "Niet gewijzigd: de kopie met de `ETag` uit `If-None-Match` is nog actueel (geen inhoud)."


def _has_header_parameter(operation: dict, name: str) -> bool:
    return any(
        parameter.get("in") == "header" and parameter.get("name") == name
        for parameter in operation.get("parameters", [])
    )


def _declare_etag(operation: dict, responses: dict) -> None:
    """``ETag`` on the successful answers of the actions a view names in ``etag_actions``, and
    304 (no body) where the operation takes ``If-None-Match`` (``api.conditional``)."""
    conditional = _has_header_parameter(operation, "If-None-Match")
    if not (operation.pop("x-etag", False) or conditional):
        return
    for code in ("200", "201"):
        if code not in responses:
            continue
        header = _header_ref("ETag")
        if code == "201" and _has_header_parameter(operation, "Idempotency-Key"):
            # A repeat with the same Idempotency-Key replays the first answer, without ETag.
            header = {
                "description": ETAG_DESCRIPTION + " Niet bij een herhaling met dezelfde `Idempotency-Key`.",
                "schema": ETAG_SCHEMA,
            }
        responses[code].setdefault("headers", {})["ETag"] = header
    if conditional:
        responses.setdefault("304", {"description": NOT_MODIFIED, "headers": {"ETag": _header_ref("ETag")}})


def _error_codes(path: str, method: str, operation: dict) -> list[str]:
    # Every operation rejects unknown query parameters, so every operation can give 400.
    codes = ["400", "406", "500"]
    if "{" in path:
        codes.append("404")
    if method in BODY_METHODS:
        codes += ["413", "415"]
    if operation.get("security"):
        codes += ["401", "403", "429"]
    if method == "delete":
        codes.append("409")  # an object still referenced by others is never deleted
    codes += operation.pop("x-extra-errors", [])
    return sorted(set(codes))


def _error_response(code: str) -> dict:
    schema = {"400": "ValidatieFout", "409": "ConflictFout"}.get(code, "Fout")
    headers = {"API-Version": _header_ref("API-Version")}
    if code == "401":
        headers["WWW-Authenticate"] = _header_ref("WWW-Authenticate")
    if code == "429":
        headers["Retry-After"] = _header_ref("Retry-After")
    return {
        "description": ERROR_DESCRIPTIONS[code],
        "headers": headers,
        "content": {PROBLEM: {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
    }


def _schema_type(schema: dict, schemas: dict) -> str | None:
    while "$ref" in schema:
        schema = schemas[schema["$ref"].rsplit("/", 1)[-1]]
    if "type" in schema:
        return schema["type"]
    if "enum" in schema:
        return "string" if all(isinstance(value, str) for value in schema["enum"]) else None
    return "object" if "properties" in schema else None


def _null_alternative(type_: str | None) -> dict:
    # Only null: OAS 3.0.3 lets ``nullable`` add null to the ``type`` of the same schema object.
    return {"type": type_ or "object", "nullable": True, "enum": [None]}


def _is_null_enum(schema: dict) -> bool:
    ref = schema.get("$ref", "")
    return ref.endswith("/NullEnum") or (schema.get("enum") == [None] and "type" not in schema)


def _strict_nullable(node, schemas: dict) -> None:
    """Nullable references that validate under OAS 3.0.3, for strict validators and generators.

    ``nullable`` applies only to the ``type`` of its own schema object, so neither
    ``allOf: [$ref], nullable: true`` (what drf-spectacular writes for a nullable relation or
    enum) nor drf-spectacular's ``NullEnum`` (``enum: [null]`` without a type) accepts ``null``
    for a strict validator. Both become ``oneOf: [$ref, {<type>, nullable, enum: [null]}]``:
    two alternatives that never overlap, read by client generators as ``X | None``."""
    if isinstance(node, list):
        for item in node:
            _strict_nullable(item, schemas)
        return
    if not isinstance(node, dict):
        return
    for value in node.values():
        _strict_nullable(value, schemas)
    nullable = node.get("nullable") and "type" not in node
    if nullable and len(node.get("allOf", ())) == 1:
        node["oneOf"] = node.pop("allOf")
    alternatives = node.get("oneOf") or node.get("anyOf")
    if alternatives and (nullable or any(_is_null_enum(item) for item in alternatives)):
        node.pop("nullable", None)
        others = [item for item in alternatives if not _is_null_enum(item)]
        type_ = next((_schema_type(item, schemas) for item in others), None)
        alternatives[:] = [*others, _null_alternative(type_)]


def _drop_unreferenced(result: dict, names: tuple[str, ...]) -> None:
    schemas = result["components"]["schemas"]
    for name in names:
        if name in schemas and f"#/components/schemas/{name}" not in repr(result):
            del schemas[name]


def _declare_exports(operation: dict, response: dict) -> None:
    """A list's CSV and XLSX (``api.exports``): the negotiation offers them, these are their
    bodies (not the JSON page's schema the generator repeats for every media type)."""
    content = response.get("content", {})
    if exports.CSV in content and exports.XLSX in content:
        header = operation.get("x-csv-header", "")
        content[exports.CSV] = {
            "schema": {
                "type": "string",
                "description": exports.CSV_DESCRIPTION,
                "example": f"\ufeff{header}\r\n",
            }
        }
        content[exports.XLSX] = {
            "schema": {
                "type": "string",
                "format": "binary",
                "description": exports.XLSX_DESCRIPTION,
                "example": "PK\u0003\u0004 (het werkblad: een ZIP-bestand in Office Open XML)",
            }
        }
        response["headers"]["Content-Disposition"] = _header_ref("Content-Disposition")


def postprocess_conventions(result, generator, request, public):
    components = result.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    # Length limits are input rules; in responses they only say too much (Haal Centraal).
    for name, schema in schemas.items():
        if not name.endswith("Request"):
            for field in schema.get("properties", {}).values():
                field.pop("maxLength", None)
                field.pop("minLength", None)
    _strict_nullable(result, schemas)
    _drop_unreferenced(result, ("NullEnum", "BlankEnum"))
    schemas.update(problem_schemas())
    components["headers"] = _headers()
    components["parameters"] = _header_parameters()

    for path, path_item in result.get("paths", {}).items():
        for method, operation in path_item.items():
            if method not in METHODS:
                continue
            if operation.get("security"):
                names = list(OPTIONAL_REQUEST_HEADERS) + ([AUDIT_HEADER] if method != "get" else [])
                operation.setdefault("parameters", []).extend(
                    {"$ref": f"#/components/parameters/{_header_parameter_name(name)}"} for name in names
                )
            responses = operation.setdefault("responses", {})
            _declare_etag(operation, responses)
            for code in _error_codes(path, method, operation):
                responses.setdefault(code, _error_response(code))
            for code, response in responses.items():
                headers = response.setdefault("headers", {})
                headers["API-Version"] = _header_ref("API-Version")
                if code == "201":
                    headers["Location"] = _header_ref("Location")
                if code == "200" and operation["operationId"].endswith("_list"):
                    headers["Link"] = _header_ref("Link")
                    headers["X-Aantal-Geschat"] = _header_ref("X-Aantal-Geschat")
                if code == "200":
                    _declare_exports(operation, response)
                if code == "200" and path.startswith("/openapi."):
                    headers["Access-Control-Allow-Origin"] = _header_ref("Access-Control-Allow-Origin")
            operation.pop("x-csv-header", None)
    return result


def postprocess_examples(result, generator, request, public):
    """Realistic examples for every schema (``api.schema_examples``), on the finished document."""
    add_examples(result)
    return result


def postprocess_enums(result, generator, request, public):
    """Every enum is one named component, referenced wherever it is used.

    Runs after drf-spectacular's ``postprocess_schema_enums``, which names the enums of the
    properties (``ENUM_NAME_OVERRIDES`` in the settings fixes the names it would guess). Query
    parameters it leaves inline: a filter on a choice field (``?status=``, also as the items of
    a list) gets a reference to the component with the same values, so a generated client
    has one type for the property and its filter. ``fields``, ``expand`` and ``sorteer`` refer
    to their resource's own components already (``AutoSchema.resource_enum``).
    """
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    by_values = {}
    for name, schema in schemas.items():
        if "enum" in schema:
            by_values.setdefault(frozenset(schema["enum"]), name)
    for item in result.get("paths", {}).values():
        for method, operation in item.items():
            if method not in METHODS:
                continue
            for parameter in operation.get("parameters", []):
                schema = parameter.get("schema", {})
                holder, key = (schema, "items") if schema.get("type") == "array" else (parameter, "schema")
                inline = holder.get(key, {})
                if "enum" not in inline:
                    continue
                name = by_values.get(frozenset(inline["enum"]))
                if name is None:
                    # No property has these values: the parameter's own component.
                    name = parameter["name"][:1].upper() + parameter["name"][1:] + "Enum"
                    if name in schemas:
                        warn(f"enum of query parameter {parameter['name']!r} needs a name: {name} is taken")
                        continue
                    schemas[name] = {"type": inline.get("type", "string"), "enum": inline["enum"]}
                    by_values[frozenset(inline["enum"])] = name
                holder[key] = {"$ref": f"#/components/schemas/{name}"}
    result["components"]["schemas"] = dict(sorted(schemas.items()))
    return result
