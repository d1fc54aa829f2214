"""Values that may be absent: ``null`` in the contract, ``""`` in the database.

A text with a format, a pattern or fixed choices (a URL, an e-mail address, a gemeentecode, a
``hostinglocatie``, a ``periode``) that may be left empty is stored as ``""``, Django's
convention for text columns. In the API "none" is ``null``: an empty string is no URL and no
choice, and a contract that allows it beside the real values needs overlapping alternatives
(``oneOf`` of a URL and an empty string) that strict validators refuse and client generators
turn into unions. So every representation shows ``null`` and the contract says ``nullable``.

Input accepts ``null``, and still ``""`` (what clients of earlier versions send): both mean
"none" and are stored as ``""``, so the service functions and the rules see one value for it.

:class:`BlankAsNull` does this for one field; serializers apply it to every field it fits
(:func:`apply`), so no field needs naming.
"""

from __future__ import annotations

import functools

from django.core.validators import RegexValidator
from rest_framework import serializers

from .representation_engine import column_part


def _none_if_blank(value):
    return value or None


class BlankAsNull:
    """Mixin for a text field whose empty value means "none" (see the module)."""

    def __init__(self, *args, **kwargs):
        kwargs["allow_null"] = True
        super().__init__(*args, **kwargs)

    def validate_empty_values(self, data):
        if data is None and not self.read_only:
            return True, ""  # stored as the column's empty value
        return super().validate_empty_values(data)

    def to_representation(self, value):
        return None if value in ("", None) else super().to_representation(value)

    def row_part(self, model):
        # The representation engine reads the column itself: "" becomes None there as well.
        return column_part(self.field_name, "__".join(self.source_attrs), _none_if_blank)


def blank_means_none(field: serializers.Field) -> bool:
    """Is ``field`` a text that may be empty and otherwise has a format, pattern or choices?"""
    if isinstance(field, BlankAsNull) or field.read_only or not getattr(field, "allow_blank", False):
        return False
    if isinstance(field, serializers.ChoiceField | serializers.EmailField):
        return True
    # URLField, RegexField and SlugField validate with a regular expression, as does a column
    # with a pattern (gemeentecode).
    return isinstance(field, serializers.CharField) and any(
        isinstance(validator, RegexValidator) for validator in field.validators
    )


@functools.cache
def _blank_as_null_class(field_class: type) -> type:
    return type(field_class.__name__, (BlankAsNull, field_class), {"__module__": field_class.__module__})


def apply(field: serializers.Field) -> None:
    """Make ``field`` a :class:`BlankAsNull` field when it is one by nature."""
    if blank_means_none(field):
        field.__class__ = _blank_as_null_class(type(field))
        field.allow_null = True


@functools.cache
def null_fields(serializer_class) -> frozenset[str]:
    """The names of the fields of ``serializer_class`` whose "none" is ``null``."""
    return frozenset(
        name for name, field in serializer_class(context={}).fields.items() if isinstance(field, BlankAsNull)
    )


def blanks_to_null(representation: dict, serializer_class) -> dict:
    """``representation`` (of ``serializer_class``, from an earlier version that sent ``""`` for
    "none") with ``null`` for "none", as this version shows it."""
    names = null_fields(serializer_class)
    return {key: None if key in names and value == "" else value for key, value in representation.items()}
