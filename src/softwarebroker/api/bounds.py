"""Every number and every text a client sends has the bounds of the column that keeps it.

An integer or decimal input field without a ``max_value`` would pass a number the database
cannot hold (``integer`` overflow, ``numeric`` precision) and fail there, as a 500; a text
without a ``max_length`` a string longer than its ``varchar`` (or, in a ``text`` column, a
megabyte that every list and audit entry would show again). Serializers derive from
:class:`BoundedInput` (``ResourceSerializer`` and :class:`BoundedSerializer` do), which gives
every writable ``IntegerField`` and ``DecimalField`` its bounds and every writable
``CharField`` (``EmailField``, ``URLField``, ...) its length when the fields are built:

- a field with a model column behind it (``ModelSerializer`` fields, and declared fields whose
  ``source`` names a column, also across a relation) gets that column's bounds: the database's
  integer range and the column's validators, or for a decimal what ``max_digits`` and
  ``decimal_places`` can hold and its ``MinValueValidator``/``MaxValueValidator``;
- any other integer gets PostgreSQL's ``integer`` range (:data:`INTEGER_MAX`), any other decimal
  what its ``max_digits`` can hold.

- a text gets its column's ``max_length``, and without one (a ``text`` column, or no column)
  :data:`TEXT_MAX_LENGTH`.

A bound the field declares itself is kept when it is tighter. A nested serializer with
``source="*"`` reads the columns of its parent's model. The contract shows the bounds as
``minimum``/``maximum`` (``schema_extensions.DecimalFieldExtension`` for decimals as text) and
``maxLength``.
"""

from __future__ import annotations

import re
from decimal import Decimal

from django.core import validators
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.backends.postgresql.operations import DatabaseOperations
from rest_framework import serializers
from rest_framework.exceptions import ErrorDetail, ValidationError
from rest_framework.fields import MaxLengthValidator, MaxValueValidator, MinValueValidator
from rest_framework.utils.formatting import lazy_format
from rest_framework.validators import ProhibitSurrogateCharactersValidator

from . import empty_values

INTEGER_MIN, INTEGER_MAX = DatabaseOperations.integer_field_ranges["IntegerField"]
#: Longest free text (a description, a message, a toelichting): the longest text the
#: publiccode.yml standard has (``longDescription``), so every imported description fits.
TEXT_MAX_LENGTH = 10_000


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


class _ProhibitSurrogates(ProhibitSurrogateCharactersValidator):
    """DRF's check, at the speed of a regular expression: DRF's own looks at each character in
    Python, 40 ms for every megabyte a client sends (before any length is checked)."""

    _pattern = re.compile("[\ud800-\udfff]")

    def __call__(self, value):
        match = self._pattern.search(str(value))
        if match:
            raise ValidationError(self.message.format(code_point=ord(match.group())), code=self.code)


def _bound_text(field: serializers.CharField, model_field: models.Field | None) -> None:
    field.validators = [
        _ProhibitSurrogates() if isinstance(validator, ProhibitSurrogateCharactersValidator) else validator
        for validator in field.validators
    ]
    length = getattr(model_field, "max_length", None) or TEXT_MAX_LENGTH
    if field.max_length is not None and field.max_length <= length:
        return
    field.max_length = length
    message = lazy_format(field.error_messages["max_length"], max_length=length)
    field.validators.append(MaxLengthValidator(length, message=message))


def bound(field: serializers.Field, model_field: models.Field | None = None) -> None:
    """Give a writable number or text field the bounds of its column (see the module)."""
    if field.read_only:
        return
    if isinstance(field, serializers.CharField):
        _bound_text(field, model_field)
        return
    if not isinstance(field, serializers.IntegerField | serializers.DecimalField):
        return
    low, high = column_bounds(field, model_field)
    _tighten(field, "min_value", low, MinValueValidator, "min_value", lambda current, new: current >= new)
    _tighten(field, "max_value", high, MaxValueValidator, "max_value", lambda current, new: current <= new)


def _model_of(serializer):
    model = getattr(getattr(serializer, "Meta", None), "model", None)
    if model is None and serializer.source == "*" and serializer.parent is not None:
        return _model_of(serializer.parent)  # a nested part of the parent's own columns
    return model


class BoundedInput:
    # Serializer mixin: every writable number and text gets its bounds when the fields are
    # built (and a text whose empty value means "none" is null for it: ``api.empty_values``),
    # and an item of a list (a staffel, an order line) is whole. (No docstring: a
    # serializer's docstring is its resource's description in the contract.)

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        # In a PATCH, DRF skips every missing field, also inside an item of a list; but a list
        # is replaced whole, and an item without its required fields would reach the services.
        if isinstance(self.parent, serializers.ListSerializer) and getattr(self.root, "partial", False):
            missing = {
                name: [ErrorDetail(str(field.error_messages["required"]), code="required")]
                for name, field in self.fields.items()
                if field.required
                and not field.read_only
                and field.source != "*"
                and field.source_attrs[0] not in value
            }
            if missing:
                raise serializers.ValidationError(missing)
        return value

    def get_fields(self):
        fields = super().get_fields()
        model = _model_of(self)
        for name, field in fields.items():
            source = field.source or name
            attrs = [] if source == "*" else source.split(".")
            bound(field, model_field_for(model, attrs) if model is not None else None)
            empty_values.apply(field)
        return fields


class BoundedSerializer(BoundedInput, serializers.Serializer):
    # A plain serializer (a nested part of a resource, a peer's document) with bounded input.
    pass
