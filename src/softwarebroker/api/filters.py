"""Filtering and sorting with camelCase query parameters, validated strictly."""

from __future__ import annotations

import uuid

from django import forms
from django.db.models import Q, Subquery
from django_filters import rest_framework as django_filters
from rest_framework import filters
from rest_framework.exceptions import ErrorDetail, ValidationError


class FilterBackend(django_filters.DjangoFilterBackend):
    """django-filter: invalid filter values give 400 listing every invalid parameter.

    The view validates its filters before anything else (so one 400 lists every problem);
    the filter set it validated is then applied here instead of building a second one.
    """

    def get_filterset(self, request, queryset, view):
        validated = getattr(view, "validated_filterset", None)
        if validated is None:
            return super().get_filterset(request, queryset, view)
        validated.queryset = queryset
        return validated


class FilterSet(django_filters.FilterSet):
    """Base for every filter set; filter names are camelCase in the declarations."""


class StrictBooleanField(forms.NullBooleanField):
    """``true`` or ``false`` (``1``/``0``); anything else is an error. django-filter's own
    widget reads any other value as "no filter", so ``?openSource=ja`` would return everything."""

    VALUES = {"true": True, "1": True, "false": False, "0": False}

    def to_python(self, value):
        if value in (None, ""):
            return None
        if str(value).lower() not in self.VALUES:
            raise forms.ValidationError("Geef true of false.", code="invalid")
        return self.VALUES[str(value).lower()]


class BooleanFilter(django_filters.BooleanFilter):
    field_class = StrictBooleanField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", forms.TextInput)
        super().__init__(*args, **kwargs)


class SortFilter(filters.OrderingFilter):
    """``sorteer=naam`` or ``sorteer=-naam,aanmaakdatum``; unknown keys give 400.

    Views declare ``sort_fields = {"apiName": "model_field"}`` and ``default_sort``.
    """

    ordering_param = "sorteer"

    def get_ordering(self, request, queryset, view):
        fields = getattr(view, "sort_fields", {})
        raw = request.query_params.get(self.ordering_param)
        if not raw:
            if request.query_params.get("zoek"):
                return []  # a search orders by relevance, best first
            return list(getattr(view, "default_sort", ("pk",)))
        ordering, unknown = [], []
        for term in (part.strip() for part in raw.split(",")):
            descending = term.startswith("-")
            name = term.lstrip("-")
            if name not in fields:
                unknown.append(name)
                continue
            ordering.append(("-" if descending else "") + fields[name])
        if unknown:
            allowed = ", ".join(sorted(fields))
            raise ValidationError(
                {
                    self.ordering_param: [
                        ErrorDetail(
                            f"Onbekende sorteersleutel(s): {', '.join(unknown)}. Toegestaan: {allowed}.",
                            code="enum",
                        )
                    ]
                }
            )
        # A unique tail keeps pages stable (ADR pagination module: deterministic order).
        return [*ordering, "pk"]


class ReferenceFormField(forms.CharField):
    """The URL of a resource; cleaned to the UUID at its end."""

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        try:
            return uuid.UUID(value.rstrip("/").rsplit("/", 1)[-1])
        except ValueError:
            raise forms.ValidationError("Geef de URL van een resource.", code="bad-url") from None


class ReferenceFilter(django_filters.CharFilter):
    """Filter on a related resource by its URL (ZGW style)."""

    field_class = ReferenceFormField

    def filter(self, qs, value):
        if value is None:
            return qs
        qs = qs.filter(**{f"{self.field_name}__uuid": value})
        return qs.distinct() if self.distinct else qs


class LocalOrPeerFormField(ReferenceFormField):
    """The URL of a resource, kept as given too: it may be another instance's."""

    def clean(self, value):
        identifier = super().clean(value)
        return None if identifier is None else (identifier, value.strip())


class LocalOrPeerReferenceFilter(ReferenceFilter):
    """A reference to a resource of this instance or of a peer (an offer of another instance
    named by an order line): matches either the local resource or the stored peer URL.

    Both sides are resolved to values of the filtered rows' own columns first (scalar
    subqueries, evaluated once), so PostgreSQL can combine two index scans instead of
    joining every row to test the OR. ``peer_model`` names the model holding peer copies by
    ``url`` when ``peer_field_name`` is a relation to it.
    """

    field_class = LocalOrPeerFormField

    def __init__(self, *args, peer_field_name: str, peer_model=None, **kwargs):
        self.peer_field_name = peer_field_name
        self.peer_model = peer_model
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if value is None:
            return qs
        identifier, url = value
        target = _related_model(qs.model, self.field_name)
        local = Subquery(target._default_manager.filter(uuid=identifier).order_by().values("pk")[:1])
        peer = url
        if self.peer_model is not None:
            peer = Subquery(self.peer_model._default_manager.filter(url=url).order_by().values("pk")[:1])
        qs = qs.filter(Q(**{self.field_name: local}) | Q(**{self.peer_field_name: peer}))
        return qs.distinct() if self.distinct else qs


def _related_model(model, path: str):
    for name in path.split("__"):
        model = model._meta.get_field(name).related_model
    return model
