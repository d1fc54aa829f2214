"""Serializer fields for resource URLs and URL references between resources."""

from __future__ import annotations

import uuid

from rest_framework import serializers
from rest_framework.relations import MANY_RELATION_KWARGS

from softwarebroker.core import json_limits

from .definitions import APIDefinition
from .representation_engine import url_part
from .urls_building import collection_url

#: The longest URL a reference may be (the contract's ``maxLength``, a peer URL's column).
MAX_URL_LENGTH = 1000


class ResourceURLField(serializers.Field):
    """The absolute ``url`` of the resource itself (read only)."""

    def __init__(self, **kwargs):
        kwargs.update(read_only=True, source="*")
        kwargs.setdefault("help_text", "De unieke URL van deze resource.")
        super().__init__(**kwargs)

    def row_part(self, model):
        meta = self.parent.Meta
        return url_part(self.field_name, meta.api, meta.collection)


class ReferenceListField(serializers.ManyRelatedField):
    """A list of references that reports every invalid item (``deelnemers.1``), not the first."""

    def to_internal_value(self, data):
        if isinstance(data, str) or not hasattr(data, "__iter__"):
            self.fail("not_a_list", input_type=type(data).__name__)
        if not self.allow_empty and len(data) == 0:
            self.fail("empty")
        values, errors = [], {}
        for index, item in enumerate(data):
            try:
                values.append(self.child_relation.to_internal_value(item))
            except serializers.ValidationError as error:
                errors[index] = error.detail
        if errors:
            raise serializers.ValidationError(errors)
        return values


class ReferenceField(serializers.RelatedField):
    """A relation expressed as the URL of another resource of this component.

    Accepts only URLs of the named collection on this instance; the federation layer
    plugs remote catalogues in behind the same field. ``visible(acting)``, when given, is the
    queryset of what the client may see: a reference to anything else answers exactly like a
    reference to nothing (``does_not_exist``), so an error never reveals a hidden object.
    """

    default_error_messages = {
        "bad-url": "De URL {url} verwijst niet naar een {collection}-resource van deze registratie.",
        "does_not_exist": "Er bestaat geen object met URL {url}.",
        "incorrect_type": "Verwacht een URL als tekst.",
        "max_length": f"Een URL is hoogstens {MAX_URL_LENGTH} tekens lang.",
    }

    def __init__(self, *, api: APIDefinition, collection: str, visible=None, **kwargs):
        self.api = api
        self.collection = collection
        self.visible = visible
        super().__init__(**kwargs)

    def get_queryset(self):
        request = self.context.get("request")
        if self.visible is not None and request is not None:
            return self.visible(getattr(request, "auth", None))
        return super().get_queryset()

    def use_pk_only_optimization(self):
        return False

    @classmethod
    def many_init(cls, *args, **kwargs):
        list_kwargs = {"child_relation": cls(*args, **kwargs)}
        for key in kwargs:
            if key in MANY_RELATION_KWARGS:
                list_kwargs[key] = kwargs[key]
        return ReferenceListField(**list_kwargs)

    def row_part(self, model):
        return url_part(
            self.field_name, self.api, self.collection, column="__".join(self.source_attrs) + "__uuid"
        )

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("incorrect_type")
        if len(data) > MAX_URL_LENGTH:
            self.fail("max_length")
        base = collection_url(self.context["request"], self.api, self.collection) + "/"
        if not data.startswith(base):
            self.fail("bad-url", url=data, collection=self.collection)
        try:
            identifier = uuid.UUID(data[len(base) :])
        except ValueError:
            self.fail("bad-url", url=data, collection=self.collection)
        try:
            return self.get_queryset().get(uuid=identifier)
        except self.get_queryset().model.DoesNotExist:
            self.fail("does_not_exist", url=data)


class BoundedJSONField(serializers.JSONField):
    """A free-form JSON value within the bounds of :mod:`softwarebroker.core.json_limits`
    (depth and serialised size): a value that could not be shown again is refused with 400."""

    def __init__(
        self, *, max_depth: int = json_limits.MAX_DEPTH, max_size: int = json_limits.MAX_SIZE, **kwargs
    ):
        self.max_depth, self.max_size = max_depth, max_size
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        # Before the parent's check, which serialises the value (and would recurse on it).
        problems = json_limits.json_problems(
            data, self.field_name, max_depth=self.max_depth, max_size=self.max_size
        )
        if problems:
            _field, code, message = problems[0]
            raise serializers.ValidationError(message, code=code)
        return super().to_internal_value(data)


class DescribedJSONField(serializers.JSONField):
    """A read-only JSON value shown as stored, whose fixed shape the serializer ``described_by``
    gives in the contract (``api.schema_extensions``): typed for clients, not re-serialised.
    ``many``: a list of such values."""

    def __init__(self, *, described_by: type[serializers.Serializer], many: bool = False, **kwargs):
        self.described_by = described_by
        self.many = many
        kwargs["read_only"] = True
        super().__init__(**kwargs)
