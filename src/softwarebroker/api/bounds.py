"""Every number a client sends has the bounds of the column that keeps it.

An integer or decimal input field without a ``max_value`` would pass a number the database
cannot hold (``integer`` overflow, ``numeric`` precision) and fail there, as a 500. Serializers
derive from :class:`BoundedNumbers` (``ResourceSerializer`` does), which gives every writable
``IntegerField`` and ``DecimalField`` its bounds when the fields are built:

- a field with a model column behind it (``ModelSerializer`` fields, and declared fields whose
  ``source`` names a column, also across a relation) gets that column's bounds: the database's
  integer range and the column's validators, or for a decimal what ``max_digits`` and
  ``decimal_places`` can hold and its ``MinValueValidator``/``MaxValueValidator``;
- any other integer gets PostgreSQL's ``integer`` range (:data:`INTEGER_MAX`), any other decimal
  what its ``max_digits`` can hold.

A bound the field declares itself is kept when it is tighter. The contract shows the bounds as
``minimum``/``maximum`` (``schema_extensions.DecimalFieldExtension`` for decimals as text).
"""

from __future__ import annotations

from decimal import Decimal

from django.core import validators
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.backends.postgresql.operations import DatabaseOperations
from rest_framework import serializers
from rest_framework.fields import MaxValueValidator, MinValueValidator
from rest_framework.utils.formatting import lazy_format

INTEGER_MIN, INTEGER_MAX = DatabaseOperations.integer_field_ranges["IntegerField"]


def decimal_limit(max_digits: int, decimal_places: int) -> Decimal:
    """The largest value a ``numeric(max_digits, decimal_places)`` holds: 9999999999.99 for (12, 2)."""
    return (Decimal(10) ** (max_digits - decimal_places) - Decimal(10) ** -decimal_places).quantize(
        Decimal(10) ** -decimal_places
    )


def model_field_for(model, source_attrs) -> models.Field | None:
    """The model field ``source_attrs`` (``regel.volgnummer``) names, or ``None``."""
    field = None
    for attr in source_attrs:
        if model is None:
            return None
        try:
            field = model._meta.get_field(attr)
        except FieldDoesNotExist:
            return None
        model = field.related_model
    return field if isinstance(field, models.Field) else None


def _validator_limits(model_field) -> tuple[object | None, object | None]:
    low = high = None
    for validator in model_field.validators:
        if isinstance(validator, validators.MinValueValidator):
            low = validator.limit_value if low is None else max(low, validator.limit_value)
        elif isinstance(validator, validators.MaxValueValidator):
            high = validator.limit_value if high is None else min(high, validator.limit_value)
    return low, high


def column_bounds(field: serializers.Field, model_field: models.Field | None):
    """``(minimum, maximum)`` that the column (or, without one, the database type) can hold."""
    if isinstance(field, serializers.DecimalField):
        digits, places = field.max_digits, field.decimal_places
        if isinstance(model_field, models.DecimalField):
            digits, places = model_field.max_digits, model_field.decimal_places
        low = high = None
        if digits is not None and places is not None:
            high = decimal_limit(digits, places)
            low = -high
        if isinstance(model_field, models.DecimalField):
            floor, ceiling = _validator_limits(model_field)
            low = low if floor is None else max(low, Decimal(floor))
            high = high if ceiling is None else min(high, Decimal(ceiling))
        return low, high
    if isinstance(model_field, models.IntegerField):
        # Django's own validators carry the database's range of this integer type.
        return _validator_limits(model_field)
    return INTEGER_MIN, INTEGER_MAX


def _tighten(field, attribute: str, value, validator_class, message_key: str, tighter) -> None:
    current = getattr(field, attribute)
    if value is None or (current is not None and tighter(current, value)):
        return
    setattr(field, attribute, value)
    message = lazy_format(field.error_messages[message_key], **{attribute: value})
    field.validators.append(validator_class(value, message=message))


def bound(field: serializers.Field, model_field: models.Field | None = None) -> None:
    """Give a writable integer or decimal field the bounds of its column (see the module)."""
    if field.read_only or not isinstance(field, serializers.IntegerField | serializers.DecimalField):
        return
    low, high = column_bounds(field, model_field)
    _tighten(field, "min_value", low, MinValueValidator, "min_value", lambda current, new: current >= new)
    _tighten(field, "max_value", high, MaxValueValidator, "max_value", lambda current, new: current <= new)


class BoundedNumbers:
    # Serializer mixin: every writable number gets its bounds when the fields are built. (No
    # docstring: a serializer's docstring is its resource's description in the contract.)

    def get_fields(self):
        fields = super().get_fields()
        model = getattr(getattr(self, "Meta", None), "model", None)
        for name, field in fields.items():
            source = field.source or name
            attrs = [] if source == "*" else source.split(".")
            bound(field, model_field_for(model, attrs) if model is not None else None)
        return fields


class BoundedSerializer(BoundedNumbers, serializers.Serializer):
    # A plain serializer (a nested part of a resource, a peer's document) with bounded numbers.
    pass
