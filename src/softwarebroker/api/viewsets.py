"""Base viewsets: the API conventions every resource gets without writing them again."""

from __future__ import annotations

import uuid

from django.db import transaction
from django.http import Http404
from django.utils import timezone
from rest_framework import status, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from . import compiled_reads, exports
from .field_selection import parse_expand, parse_fields
from .filters import FilterBackend, SortFilter
from .headers import check_declared_headers
from .query_parameters import check_query_parameters, collect_errors
from .representation_engine import Context, Plan, plan_for
from .representation_reads import represented_chunks

UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


class RepresentationMixin:
    """Reads: strict query parameters (one 400 listing everything wrong), ``fields`` and
    ``expand`` (with the expanded relations loaded with the list), UUID lookups, and only
    the standard methods (no OPTIONS)."""

    lookup_field = "uuid"
    lookup_value_regex = UUID_PATTERN
    http_method_names = ["get", "post", "put", "patch", "delete", "head"]
    filter_backends = [FilterBackend, SortFilter]
    representation_actions = ("list", "retrieve")
    filterset_class = None
    sort_fields: dict[str, str] = {}
    default_sort: tuple[str, ...] = ("pk",)
    # Actions whose successful answer carries an ETag: the contract declares the header there
    # (``api.schema_hooks``); an action that takes If-None-Match (``api.conditional``) also 304.
    etag_actions: frozenset[str] = frozenset()

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.selected_fields = None
        self.expand = []
        checks = [lambda: check_query_parameters(self, request), lambda: check_declared_headers(request)]
        if self.action in self.representation_actions:
            checks += [lambda: self._parse_fields(request), lambda: self._parse_expand(request)]
        if self.action == "list":
            checks += [
                lambda: self.paginator.validate(request),
                lambda: self._validate_filters(request),
                lambda: SortFilter().get_ordering(request, None, self),
            ]
        collect_errors(checks)

    def _parse_fields(self, request):
        raw = request.query_params.get("fields")
        self.selected_fields = parse_fields(raw, self.get_serializer_class())

    def _parse_expand(self, request):
        self.expand = parse_expand(request.query_params.get("expand"), self.get_serializer_class())

    def _validate_filters(self, request):
        if self.filterset_class is None:
            return
        filterset = self.filterset_class(
            request.query_params, queryset=self.filterset_class._meta.model.objects.none(), request=request
        )
        if not filterset.is_valid():
            raise ValidationError(filterset.errors)
        self.validated_filterset = filterset  # the filter backend applies this one

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["fields"] = getattr(self, "selected_fields", None)
        context["expand"] = getattr(self, "expand", [])
        return context

    # Reads go through the representation plan (``api.representation_engine``): the page's
    # rows as dicts, one query per list-valued field or expanded relation, no per-object
    # serializers.
    def representation_plan(self, single: bool = False):
        """``single``: for one row (a detail), its list-valued fields read in the row's statement."""
        selected = self.selected_fields
        return plan_for(
            self.get_serializer_class(),
            None if selected is None else frozenset(selected),
            tuple(self.expand),
            single,
        )

    def get_renderers(self):
        # Lists are also offered as CSV and XLSX (``api.exports``); other actions are not.
        renderers = super().get_renderers()
        if getattr(self, "action", None) == "list":
            renderers += [renderer() for renderer in exports.EXPORT_RENDERERS]
        return renderers

    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset())
        plan = self.representation_plan()
        context = Context(request, self.get_serializer_context())
        if exports.wants_export(request):
            return self.export(queryset, plan, context)
        rows = self.paginator.paginate_queryset(queryset, request, view=self, select=plan.values)
        return self.paginator.get_paginated_response(plan.build(rows, context))

    def export(self, queryset, plan, context):
        """Every row of the list as CSV or XLSX, not a page (``api.exports``)."""
        if self.expand:
            raise ValidationError({"expand": ["Een export (CSV, XLSX) kan geen relaties insluiten."]})
        exports.check_xlsx_size(self.request, queryset.count)
        return exports.export_response(
            self.request,
            self.export_name(),
            self.export_columns(),
            represented_chunks(plan, queryset, context),
        )

    def export_columns(self) -> list:
        return exports.serializer_columns(self.get_serializer_class(), getattr(self, "selected_fields", None))

    def export_name(self) -> str:
        return getattr(self, "basename", None) or self.get_queryset().model._meta.model_name

    def retrieve(self, request, *args, **kwargs):
        row, plan, context = self.detail_row()
        return Response(plan.build([row], context)[0])

    def detail_row(self, **extra) -> tuple[dict, Plan, Context]:
        """The row of the object the URL names, as the detail's plan reads it (with ``extra``
        columns), and the plan and context to build it with; 404 when the acting client may not
        see it. One statement, compiled once per client, request options and day
        (:func:`.compiled_reads.one_row`)."""
        lookup = self.lookup_url_kwarg or self.lookup_field
        plan = self.representation_plan(single=True)
        context = Context(self.request, self.get_serializer_context())

        def queryset_for(value):
            # Filters and sorting are for lists (a detail accepts neither as query parameter).
            queryset = self.get_queryset().filter(**{self.lookup_field: value}).order_by()
            return plan.values(queryset, context, **extra)[:1]

        acting = self.request.auth
        shape = (
            type(self),
            plan,
            tuple(extra),
            tuple(sorted((name, value) for name, value in self.kwargs.items() if name != lookup)),
            None if acting is None else acting.reads_key,
            self.request.META.get("QUERY_STRING", ""),
            timezone.localdate(),
        )
        value = self.kwargs[lookup]  # a UUID, or its text (the route's pattern checked it)
        row = compiled_reads.one_row(
            shape, queryset_for, value if isinstance(value, uuid.UUID) else uuid.UUID(value)
        )
        if row is None:
            raise Http404
        return row, plan, context


class ResourceViewSet(RepresentationMixin, viewsets.ModelViewSet):
    """CRUD on one main resource.

    Subclasses name the scopes for reading and writing, the queryset visible to the acting
    client (:meth:`visible_objects`, tenant scoping included) and, in ``perform_destroy``,
    the service that deletes. Writes go through the app's services, which record the audit
    entry and publish the event; 201 responses carry ``Location``.
    """

    read_scope: str
    write_scope: str

    @property
    def scopes(self) -> dict[str, str]:
        read, write = self.read_scope, self.write_scope
        return {
            "list": read,
            "retrieve": read,
            "create": write,
            "update": write,
            "partial_update": write,
            "destroy": write,
        }

    @classmethod
    def visible_objects(cls, acting):
        raise NotImplementedError

    @classmethod
    def tenant_of(cls, instance) -> dict:
        """``{"organisatie": ..., "leverancier": ...}`` for tenant data (who may read its audit
        trail); empty for shared data."""
        return {}

    def get_queryset(self):
        return self.visible_objects(self.request.auth)

    # --- writes: the serializer validates the input, the app's service makes the change
    # (rules, ownership, audit entry and event included) ------------------------------------

    def _full_representation(self, instance) -> dict:
        serializer = self.get_serializer_class()(instance, context={"request": self.request})
        return dict(serializer.data)

    @transaction.atomic
    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        self.perform_create(serializer)
        data = serializer.data
        return Response(data, status=status.HTTP_201_CREATED, headers={"Location": data["url"]})

    @transaction.atomic
    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        serializer = self.get_serializer(self.get_object(), data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        self.perform_update(serializer)
        return Response(serializer.data)

    @transaction.atomic
    def destroy(self, request, *args, **kwargs):
        self.perform_destroy(self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)
