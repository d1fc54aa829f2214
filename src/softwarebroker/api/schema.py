"""OpenAPI generation: the one place where the contract's conventions are added.

The AutoSchema adds the ``fields``/``expand`` parameters and the ``maxLength`` of every string
query parameter (what ``query_parameters`` enforces), declares every list parameter as a
comma-separated array and every path identifier as ``format: uuid``; the post-processing hooks
add to every operation the problem+json error responses it can return, and the
``API-Version``, ``Location`` and ``Link`` response headers, and make every enum one named
component (:func:`postprocess_enums`).
"""

from __future__ import annotations

from drf_spectacular import openapi
from drf_spectacular.drainage import warn
from drf_spectacular.plumbing import ResolvedComponent
from drf_spectacular.utils import OpenApiParameter

from .query_parameters import list_query_parameters, query_parameter_max_length
from .representation_engine import field_names

#: The one schema of an identifier in a path (``{uuid}``, ``{bestelling_uuid}``, ...).
UUID_SCHEMA = {"type": "string", "format": "uuid"}

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
    "409": "Conflict met de huidige toestand van de resource.",
    "412": "De versie in If-Match komt niet overeen.",
    "413": "De aanvraag is te groot.",
    "415": "Het formaat van de aanvraag (Content-Type) wordt niet ondersteund.",
    "429": "Te veel mislukte authenticaties voor deze client-id; zie `Retry-After`.",
    "500": "Onverwachte fout op de server.",
    "502": "Een aanbieding van een andere instantie (peer-catalogus) kon niet worden gelezen "
    "(`code: peer_onbereikbaar`); er is niets gewijzigd.",
}


class AutoSchema(openapi.AutoSchema):
    def get_auth(self):
        # One requirement per operation, naming the scope the operation needs (ZGW-2).
        requirements = super().get_auth()
        scopes = getattr(self.view, "scopes", None)
        if not requirements or scopes is None:
            return requirements
        action = getattr(self.view, "action", None) or self.method.lower()
        needed = scopes[action]
        # Any one of several scopes: one requirement object each (alternatives in OpenAPI).
        needed = list(needed) if isinstance(needed, tuple) else [needed]
        names = [name for requirement in requirements for name in requirement]
        return [{name: [scope] for name in names} for scope in needed]

    def get_description(self):
        # Only texts written for the contract (Dutch): the action's own docstring or one
        # set with extend_schema, never a base class's developer docstring.
        action_or_method = getattr(self.view, getattr(self.view, "action", self.method.lower()), None)
        own_doc = getattr(action_or_method, "__doc__", None) if action_or_method is not None else None
        view_doc = type(self.view).__dict__.get("__doc__")
        return (
            own_doc
            if own_doc and action_or_method.__qualname__.startswith(type(self.view).__name__)
            else view_doc
        ) or ""

    def get_operation(self, *args, **kwargs):
        operation = super().get_operation(*args, **kwargs)
        lists = list_query_parameters(self.view)
        for parameter in (operation or {}).get("parameters", []):
            schema = parameter.get("schema", {})
            if parameter.get("in") == "path" and is_identifier(parameter["name"]):
                parameter["schema"] = dict(UUID_SCHEMA)
            if parameter.get("in") != "query":
                continue
            if schema.get("type") == "string":
                schema.setdefault("maxLength", query_parameter_max_length(self.view, parameter["name"]))
            name, declared = parameter["name"], schema.get("type") == "array"
            if declared != (name in lists):
                # query_parameters reads exactly the lists as lists (repeated keys joined): the
                # contract declares the same ones as arrays, or `make spec` fails.
                said, read = ("an array", "one value") if declared else ("one value", "a list")
                warn(
                    f"query parameter {name!r} of {operation['operationId']}: declared {said}, read as {read}"
                )
            if declared:
                parameter.update(style="form", explode=False)
                # Before the list of choices drf-spectacular may have added to it.
                text, choices, rest = parameter.get("description", "").partition("\n\n*")
                repeated = (
                    f"Meerdere waarden ook als herhaalde parameter: `{name}=a&{name}=b` is `{name}=a,b`."
                )
                parameter["description"] = f"{text} {repeated}".strip() + choices + rest
        return operation

    def resource_enum(self, suffix: str, values: list[str], description: str, **extensions) -> dict:
        """A named enum component for the view's resource (``AanbiedingVeld``,
        ``AanbiedingExpand``, ``AanbiedingSorteer``); returns the reference to it."""
        serializer_class = self.view.get_serializer_class()
        name = self._get_serializer_name(serializer_class(), "response") + suffix
        schema = {"type": "string", "enum": values, "description": description, **extensions}
        component = ResolvedComponent(name=name, type=ResolvedComponent.SCHEMA, object=name, schema=schema)
        if component in self.registry and self.registry[component].schema != schema:
            warn(f"enum component {name} has two different value sets")
        self.registry.register_on_missing(component)
        return component.ref

    def get_override_parameters(self):
        parameters = list(super().get_override_parameters())
        view = self.view
        if getattr(view, "action", None) not in getattr(view, "representation_actions", ()):
            return parameters
        serializer_class = view.get_serializer_class()
        parameters.append(
            _list_parameter(
                "fields",
                # What `fields` accepts: no write-only field (a delivery's `geheim`).
                self.resource_enum(
                    "Veld", field_names(serializer_class), "Een veld dat `fields` kan noemen."
                ),
                "Komma-gescheiden lijst van de velden die in het antwoord moeten staan "
                "(`url` staat er altijd in).",
            )
        )
        expandable = sorted(getattr(serializer_class.Meta, "expandable", {}))
        if expandable:
            parameters.append(
                _list_parameter(
                    "expand",
                    self.resource_enum("Expand", expandable, "Een relatie die `expand` kan opnemen."),
                    "Komma-gescheiden lijst van relaties die één niveau diep in `_expand` worden opgenomen.",
                )
            )
        return parameters


def is_identifier(name: str) -> bool:
    """A path parameter that names an object: ``uuid`` or ``..._uuid``."""
    return name == "uuid" or name.endswith("_uuid")


def _list_parameter(name: str, items: dict, description: str) -> OpenApiParameter:
    return OpenApiParameter(
        name,
        {"type": "array", "items": items},
        OpenApiParameter.QUERY,
        description=description,
        style="form",
        explode=False,
    )


def _problem_schemas() -> dict:
    fout = {
        "type": "object",
        "description": "Foutbericht volgens RFC 9457 (Problem Details), in de vorm van ZGW en Haal Centraal.",
        "properties": {
            "type": {"type": "string", "format": "uri", "description": "URI die het soort fout aanduidt."},
            "code": {"type": "string", "description": "Systeemcode van het soort fout."},
            "title": {"type": "string", "description": "Korte omschrijving van het soort fout."},
            "status": {"type": "integer", "description": "De HTTP-statuscode."},
            "detail": {"type": "string", "description": "Uitleg over deze specifieke fout."},
            "instance": {
                "type": "string",
                "format": "uri",
                "description": "Kenmerk van deze fout; ook terug te vinden in de logs.",
            },
        },
        "required": ["code", "title", "status", "detail", "instance"],
    }
    invalid_param = {
        "type": "object",
        "description": "Een ongeldig veld of een ongeldige parameter.",
        "properties": {
            "name": {
                "type": "string",
                "description": "Naam van het veld; geneste velden met punten (`regels.0.aantal`).",
            },
            "code": {"type": "string", "description": "Systeemcode van de fout."},
            "reason": {"type": "string", "description": "Uitleg in het Nederlands."},
        },
        "required": ["name", "code", "reason"],
    }
    validatie_fout = {
        "type": "object",
        "description": "Foutbericht bij ongeldige invoer, met alle ongeldige velden tegelijk.",
        "properties": {
            **fout["properties"],
            "invalidParams": {
                "type": "array",
                "items": {"$ref": "#/components/schemas/FieldValidationError"},
            },
        },
        "required": [*fout["required"], "invalidParams"],
    }
    return {"Fout": fout, "ValidatieFout": validatie_fout, "FieldValidationError": invalid_param}


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
            "description": "Links naar de eerste, vorige, volgende en laatste pagina (RFC 8288).",
            "schema": {"type": "string"},
            "required": True,
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
    }


# Headers of the NLX/FSC network and of audit logging: never required, accepted, logged.
OPTIONAL_REQUEST_HEADERS = {
    "X-NLX-Logrecord-Id": "Transactiekenmerk van de NLX-inway; komt in de logs en de audittrail.",
    "X-NLX-Request-Organization": "OIN van de aanroepende organisatie, toegevoegd door de NLX-inway.",
    "X-NLX-Request-User-Id": "Gebruiker bij de afnemer (doelbinding); komt in de logs.",
    "X-NLX-Request-Application-Id": "Applicatie bij de afnemer (doelbinding); komt in de logs.",
    "X-NLX-Request-Process-Id": "Verwerkingsactiviteit bij de afnemer (doelbinding); komt in de logs.",
    "X-NLX-Request-Data-Elements": "De gevraagde gegevenselementen (doelbinding); komt in de logs.",
    "Fsc-Transaction-Id": "Transactiekenmerk van FSC; komt in de logs en de audittrail.",
    "traceparent": "W3C Trace Context (Logboek Dataverwerkingen); komt in de logs en de audittrail.",
}
AUDIT_HEADER = "X-Audit-Toelichting"


def _header_parameter_name(header: str) -> str:
    return header.replace("-", "")


def _header_parameters() -> dict:
    parameters = {
        _header_parameter_name(name): {
            "name": name,
            "in": "header",
            "required": False,
            "description": description,
            "schema": {"type": "string", "maxLength": 1024},
        }
        for name, description in OPTIONAL_REQUEST_HEADERS.items()
    }
    parameters[_header_parameter_name(AUDIT_HEADER)] = {
        "name": AUDIT_HEADER,
        "in": "header",
        "required": False,
        "description": "Toelichting bij deze wijziging; komt in de audittrail.",
        "schema": {"type": "string", "maxLength": 1000},
    }
    return parameters


def _header_ref(name: str) -> dict:
    return {"$ref": f"#/components/headers/{name}"}


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
    schema = "ValidatieFout" if code == "400" else "Fout"
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


def postprocess_conventions(result, generator, request, public):
    components = result.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    # Haal Centraal DD5.7: no required properties in responses (``fields`` may omit them).
    # Length limits are input rules; in responses they only say too much (Haal Centraal).
    for name, schema in schemas.items():
        if not name.endswith("Request") and not name.startswith("Paginated"):
            schema.pop("required", None)
            for field in schema.get("properties", {}).values():
                field.pop("maxLength", None)
                field.pop("minLength", None)
    schemas.update(_problem_schemas())
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
                if code == "200" and path.startswith("/openapi."):
                    headers["Access-Control-Allow-Origin"] = _header_ref("Access-Control-Allow-Origin")
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
