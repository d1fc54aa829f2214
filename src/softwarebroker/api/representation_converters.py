"""Leaf conversions of the representation engine that skip a serializer field's general
checks where the database value already has the field's form (a page of orders has hundreds
of decimals and moments)."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.core.exceptions import FieldDoesNotExist
from rest_framework import ISO_8601, serializers
from rest_framework.settings import api_settings


def fast_converter(bound, model) -> Callable | None:
    """The same conversion as the field's ``to_representation``, without its general checks,
    for the two kinds of values lists are full of (a page of orders has hundreds)."""
    if len(bound.source_attrs) != 1:
        return None
    try:
        model_field = model._meta.get_field(bound.source_attrs[0])
    except FieldDoesNotExist:
        return None
    if (
        isinstance(bound, serializers.DecimalField)
        and getattr(bound, "coerce_to_string", api_settings.COERCE_DECIMAL_TO_STRING)
        and not bound.localize
        and getattr(model_field, "decimal_places", None) == bound.decimal_places
    ):
        # The column has exactly the field's decimal places: the text of the value is the answer.
        return lambda value: format(value, "f")
    output_format = getattr(bound, "format", api_settings.DATETIME_FORMAT)
    if (
        isinstance(bound, serializers.DateTimeField)
        and bound.default_timezone is datetime.UTC
        and output_format
        and output_format.lower() != ISO_8601
    ):
        return lambda value: value.astimezone(datetime.UTC).strftime(output_format)
    return None
