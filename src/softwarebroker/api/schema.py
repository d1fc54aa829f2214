"""OpenAPI generation: the one place where the contract's conventions are added.

The AutoSchema adds the ``fields``/``expand`` parameters and the ``maxLength`` of every string
query parameter (what ``query_parameters`` enforces), declares every list parameter as a
comma-separated array and every path identifier as ``format: uuid``, shows a text whose "none"
is ``null`` (``api.empty_values``) without the empty string, and marks what every response has
as required; the post-processing hooks (``schema_hooks``) finish the documents.
"""

from __future__ import annotations

import copy

from drf_spectacular import openapi
from drf_spectacular.drainage import warn
from drf_spectacular.plumbing import ResolvedComponent
from drf_spectacular.utils import OpenApiParameter

from . import exports
from .empty_values import BlankAsNull
from .query_parameters import list_query_parameters, query_parameter_max_length
from .representation_engine import field_names
from .serializers import EXPAND_FIELD

#: The one schema of an identifier in a path (``{uuid}``, ``{bestelling_uuid}``, ...).
UUID_SCHEMA = {"type": "string", "format": "uuid"}


def _as_contracted(field):
    """A text whose "none" is ``null`` (``api.empty_values``) as the contract shows it: its
    format, pattern or enum and ``nullable``, without the empty string. ``""`` is still
    accepted on input (as ``null``) but is no part of the contract: drf-spectacular would add
    it as an overlapping ``oneOf`` alternative (``maxLength: 0``) or a ``BlankEnum``."""
    if not isinstance(field, BlankAsNull):
        return field
    field = copy.copy(field)
    field.allow_blank = False
    return field


class AutoSchema(openapi.AutoSchema):
    def _map_serializer_field(self, field, direction, bypass_extensions=False):
        return super()._map_serializer_field(_as_contracted(field), direction, bypass_extensions)

    def _insert_field_validators(self, field, schema):
        super()._insert_field_validators(_as_contracted(field), schema)

    def _map_basic_serializer(self, serializer, direction):
        """In a response every property is required except ``_expand``: a representation always
        has every field (``null`` when it has no value, see ``api.representation_engine``), and
        ``_expand`` only when ``expand`` asks for it, with only the relations asked for. A
        serializer whose objects may lack fields (what another instance sent) names the ones
        that are always there in ``Meta.always_sent``.

        With ``fields`` a representation has only the fields asked for: the operations keep the
        full representation as their schema (what a generated client reads without ``fields``),
        and the ``fields`` parameter says that the other properties are then absent."""
        schema = super()._map_basic_serializer(serializer, direction)
        if direction != "response":
            return schema
        always_sent = getattr(getattr(serializer, "Meta", None), "always_sent", None)
        required = [
            name
            for name in schema.get("properties", {})
            if name != EXPAND_FIELD and (always_sent is None or name in always_sent)
        ]
        schema.pop("required", None)
        if required:
            schema["required"] = required
        return schema

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
        if operation is not None and getattr(self.view, "action", None) in getattr(
            self.view, "etag_actions", ()
        ):
            operation["x-etag"] = True  # the hook declares the ETag header (see schema_hooks._declare_etag)
        export_columns = getattr(self.view, "export_columns", None)
        if operation is not None and export_columns is not None and self._offers_exports():
            # The header row an export of this list starts with (api.exports); the hook puts it
            # in the CSV body's example.
            operation["x-csv-header"] = exports.CSV_SEPARATOR.join(
                column.header for column in export_columns()
            )
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

    def _offers_exports(self) -> bool:
        return any(isinstance(renderer, exports.ExportRenderer) for renderer in self.view.get_renderers())

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
                "(`url` staat er altijd in). Het antwoord is dan een deelrepresentatie: de andere "
                "velden, ook die het schema van het antwoord verplicht noemt, ontbreken. Dat schema "
                "beschrijft de volledige representatie (zonder `fields`); lees een deelrepresentatie "
                "als JSON-object, niet als dat model.",
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
