"""drf-spectacular extensions for the shared serializer fields.

Each extension also covers the subclasses of its field (``match_subclasses``): the apps above
this layer derive their own URL and reference fields from these, and never need naming here.
"""

import re

from drf_spectacular.extensions import OpenApiFilterExtension, OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import build_basic_type, build_parameter_type
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter

from .fields import MAX_URL_LENGTH


def _constant(name: str) -> str:
    """``geldigVanaf`` as a constant's name: ``GELDIG_VANAF``."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).upper()


class ResourceURLFieldExtension(OpenApiSerializerFieldExtension):
    target_class = "softwarebroker.api.fields.ResourceURLField"
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        schema = build_basic_type(OpenApiTypes.URI)
        schema.update(readOnly=True, maxLength=MAX_URL_LENGTH, description=self.target.help_text)
        return schema


class ReferenceFieldExtension(OpenApiSerializerFieldExtension):
    target_class = "softwarebroker.api.fields.ReferenceField"
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        schema = build_basic_type(OpenApiTypes.URI)
        schema.update(minLength=1, maxLength=MAX_URL_LENGTH)
        return schema


class ExpandFieldExtension(OpenApiSerializerFieldExtension):
    target_class = "softwarebroker.api.serializers.ExpandField"

    def map_serializer_field(self, auto_schema, direction):
        properties = {}
        for name, spec in sorted(self.target.parent.Meta.expandable.items()):
            component = auto_schema.resolve_serializer(spec.serializer_class, direction)
            if spec.many:
                properties[name] = {"type": "array", "items": component.ref}
            else:
                properties[name] = {"allOf": [component.ref], "nullable": True}
        return {
            "type": "object",
            "readOnly": True,
            "description": "De met `expand` opgevraagde gerelateerde resources, één niveau diep.",
            "properties": properties,
        }


def _number(value):
    return int(value) if value == int(value) else float(value)


class DecimalFieldExtension(OpenApiSerializerFieldExtension):
    """Decimals (as text) with their bounds (``api.bounds``): ``minimum``/``maximum`` beside
    the digits pattern, and no minus sign in the pattern when nothing below zero is allowed."""

    target_class = "rest_framework.fields.DecimalField"
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        schema = auto_schema._map_serializer_field(self.target, direction, bypass_extensions=True)
        field = self.target
        if field.min_value is not None:
            schema["minimum"] = _number(field.min_value)
            if field.min_value >= 0 and schema.get("pattern", "").startswith("^-?"):
                schema["pattern"] = "^" + schema["pattern"][3:]
        if field.max_value is not None:
            schema["maximum"] = _number(field.max_value)
        return schema


class DescribedJSONFieldExtension(OpenApiSerializerFieldExtension):
    """The component of the describing serializer, complete (every property required); nothing
    in requests (the value is read-only)."""

    target_class = "softwarebroker.api.fields.DescribedJSONField"
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        if direction == "request":
            return None
        described = self.target.described_by()
        ref = auto_schema.resolve_serializer(described, direction).ref
        return {"type": "array", "items": ref} if self.target.many else ref


class SortFilterExtension(OpenApiFilterExtension):
    """``sorteer``: a comma-separated list of the resource's sort keys, each ascending or with
    ``-`` descending, as one named enum per resource (``AanbiedingSorteer``)."""

    target_class = "softwarebroker.api.filters.SortFilter"

    def get_schema_operation_parameters(self, auto_schema, *args, **kwargs):
        fields = sorted(getattr(auto_schema.view, "sort_fields", {}))
        if not fields:
            return []  # a list without sort keys refuses `sorteer` as unknown
        keys = auto_schema.resource_enum(
            "Sorteer",
            [value for name in fields for value in (name, f"-{name}")],
            "Een sorteersleutel: oplopend, of met een '-' ervoor aflopend.",
            # Names for generated clients, which cannot name `-naam` themselves (NAAM_AFLOPEND).
            **{
                "x-enum-varnames": [
                    name for key in fields for name in (_constant(key), f"{_constant(key)}_AFLOPEND")
                ]
            },
        )
        return [
            build_parameter_type(
                name=self.target.ordering_param,
                schema={"type": "array", "items": keys},
                location=OpenApiParameter.QUERY,
                description="Sorteer op één of meer velden, komma-gescheiden; een '-' ervoor sorteert "
                "aflopend. Zonder `sorteer` ordent `zoek` (waar beschikbaar) op relevantie.",
                style="form",
                explode=False,
            )
        ]
