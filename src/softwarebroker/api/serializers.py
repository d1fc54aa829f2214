"""Base serializer: camelCase names, absolute URLs, ``fields`` selection and ``expand``."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import cached_property

from django.db import models
from django.utils.module_loading import import_string
from rest_framework import serializers

from .bounds import BoundedInput
from .fields import ResourceURLField
from .representation_engine import EXPAND_FIELD
from .representation_reads import represent_instance

__all__ = ["EXPAND_FIELD", "ExpandField", "Expandable", "ResourceSerializer", "UTCDateTimeField"]


def to_snake_case(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


@dataclass(frozen=True)
class Expandable:
    """A relation that ``expand`` can embed one level deep."""

    serializer: str  # dotted path, resolved lazily to avoid import cycles
    source: str  # model attribute
    many: bool = False

    @cached_property
    def serializer_class(self):
        return import_string(self.serializer)


class ExpandField(serializers.Field):
    """``_expand``: the related resources asked for with ``expand``, one level deep."""

    def __init__(self, **kwargs):
        kwargs.update(read_only=True, source="*")
        kwargs.setdefault("label", "Uitgebreide relaties")
        super().__init__(**kwargs)

    # Built by the representation plan (``api.representation_engine``), and only when
    # ``expand`` is asked for (Haal Centraal: no ``_expand`` without ``expand``); this field
    # documents it.


class UTCDateTimeField(serializers.DateTimeField):
    """Date-times in responses are UTC with a ``Z`` (ADR /core/date-time); any offset is
    accepted in requests."""

    def __init__(self, **kwargs):
        kwargs.setdefault("default_timezone", datetime.UTC)
        super().__init__(**kwargs)


class ResourceSerializer(BoundedInput, serializers.ModelSerializer):
    # Every resource serializer derives from this; its own docstring (Dutch) becomes the
    # description of the resource in the contract.
    #
    # ``Meta`` names the API and collection (for URLs) and may list ``expandable``
    # relations. Field names in ``Meta.fields`` are camelCase; their model source is
    # derived (``geldigVanaf`` -> ``geldig_vanaf``) unless given explicitly.
    #
    # Every writable integer and decimal gets the bounds of its column (``api.bounds``).

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

    @property
    def acting(self):
        """Who writes (the authenticated client of the request), for the service functions."""
        return self.context["request"].auth

    def to_representation(self, instance):
        # One representation for every response: see ``api.representation_engine``.
        return represent_instance(self, instance)
