"""drf-spectacular extensions for the shared serializer fields.

Each extension also covers the subclasses of its field (``match_subclasses``): the apps above
this layer derive their own URL and reference fields from these, and never need naming here.
"""

from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import build_basic_type
from drf_spectacular.types import OpenApiTypes
from rest_framework import serializers

from .fields import MAX_URL_LENGTH


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


# Components of values that are always complete (never cut down with ``fields``): the
# post-processing hook keeps their ``required``.
COMPLETE_COMPONENTS: set[str] = set()


class DescribedJSONFieldExtension(OpenApiSerializerFieldExtension):
    """The component of the describing serializer, complete (every property required); nothing
    in requests (the value is read-only)."""

    target_class = "softwarebroker.api.fields.DescribedJSONField"
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        if direction == "request":
            return None
        described = self.target.described_by()
        COMPLETE_COMPONENTS.update(_component_names(auto_schema, described, direction))
        return auto_schema.resolve_serializer(described, direction).ref


def _component_names(auto_schema, serializer, direction) -> set[str]:
    """The component names of ``serializer`` and of the serializers nested in it."""
    names = {auto_schema._get_serializer_name(serializer, direction)}
    for field in serializer.fields.values():
        nested = getattr(field, "child", field)
        if isinstance(nested, serializers.Serializer):
            names |= _component_names(auto_schema, nested, direction)
    return names
