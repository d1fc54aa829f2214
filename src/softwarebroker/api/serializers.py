"""Base serializer: camelCase names, absolute URLs, ``fields`` selection and ``expand``."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import cached_property

from django.db import models
from django.utils.module_loading import import_string
from rest_framework import serializers

from .fields import ResourceURLField

EXPAND_FIELD = "_expand"


def to_snake_case(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


@dataclass(frozen=True)
class Expandable:
    """A relation that ``expand`` can embed one level deep."""

    serializer: str  # dotted path, resolved lazily to avoid import cycles
    source: str  # model attribute
    many: bool = False
    # What to load with the list so the embedded resources cost no extra queries
    # (select_related paths for single relations, prefetch_related paths for many).
    related: tuple[str, ...] = ()
    prefetch: tuple[str, ...] = ()  # many-relations of a single embedded object

    @cached_property
    def serializer_class(self):
        return import_string(self.serializer)


class ExpandField(serializers.Field):
    """``_expand``: the related resources asked for with ``expand``, one level deep."""

    def __init__(self, **kwargs):
        kwargs.update(read_only=True, source="*")
        kwargs.setdefault("label", "Uitgebreide relaties")
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        # Absent unless asked for (Haal Centraal: no `_expand` without `expand`).
        if not self.context.get("expand"):
            raise serializers.SkipField()
        return instance

    def to_representation(self, instance):
        names = self.context["expand"]
        expandables = self.parent.Meta.expandable
        nested_context = {"request": self.context["request"]}
        result = {}
        for name in names:
            spec = expandables[name]
            value = getattr(instance, spec.source)
            if spec.many:
                value = value.all()
            if value is None:
                result[name] = None
                continue
            result[name] = spec.serializer_class(value, many=spec.many, context=nested_context).data
        return result


class UTCDateTimeField(serializers.DateTimeField):
    """Date-times in responses are UTC with a ``Z`` (ADR /core/date-time); any offset is
    accepted in requests."""

    def __init__(self, **kwargs):
        kwargs.setdefault("default_timezone", datetime.UTC)
        super().__init__(**kwargs)


class ResourceSerializer(serializers.ModelSerializer):
    # Every resource serializer derives from this; its own docstring (Dutch) becomes the
    # description of the resource in the contract.
    #
    # ``Meta`` names the API and collection (for URLs) and may list ``expandable``
    # relations. Field names in ``Meta.fields`` are camelCase; their model source is
    # derived (``geldigVanaf`` -> ``geldig_vanaf``) unless given explicitly.

    url = ResourceURLField()
    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.DateTimeField: UTCDateTimeField,
    }

    class Meta:
        api = None
        collection = ""
        expandable: dict[str, Expandable] = {}

    def get_extra_kwargs(self):
        extra_kwargs = super().get_extra_kwargs()
        declared = set(self._declared_fields)
        for name in getattr(self.Meta, "fields", ()):
            snake = to_snake_case(name)
            if name in declared or snake == name:
                continue
            extra_kwargs.setdefault(name, {}).setdefault("source", snake)
        return extra_kwargs

    def get_fields(self):
        fields = super().get_fields()
        selected = self.context.get("fields")
        if selected:
            keep = set(selected) | {"url", EXPAND_FIELD}
            fields = {name: field for name, field in fields.items() if name in keep}
        return fields
