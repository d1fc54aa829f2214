"""Base viewsets: the API conventions every resource gets without writing them again."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.http import Http404
from rest_framework import status, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from .exceptions import APIProblem
from .filters import FilterBackend, SortFilter
from .query_parameters import check_query_parameters, collect_errors
from .representation import parse_expand, parse_fields
from .rows import Context, plan_for

UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"

# Writes one audit trail entry (keyword arguments as audit.services.record). The audit app,
# a layer above this one, registers it from its AppConfig.ready().
_audit_writer = None


def register_audit_writer(writer) -> None:
    global _audit_writer
    _audit_writer = writer


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

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.selected_fields = None
        self.expand = []
        checks = [lambda: check_query_parameters(self, request)]
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

    # Reads go through the representation plan (``api.rows``): the page's rows as dicts,
    # one query per list-valued field or expanded relation, no per-object serializers.
    def representation_plan(self):
        selected = self.selected_fields
        return plan_for(
            self.get_serializer_class(), None if selected is None else frozenset(selected), tuple(self.expand)
        )

    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset())
        plan = self.representation_plan()
        context = Context(request, self.get_serializer_context())
        rows = self.paginator.paginate_queryset(queryset, request, view=self, select=plan.values)
        return self.paginator.get_paginated_response(plan.build(rows, context))

    def retrieve(self, request, *args, **kwargs):
        lookup = self.lookup_url_kwarg or self.lookup_field
        # Filters and sorting are for lists (a detail accepts neither as query parameter).
        queryset = self.get_queryset().filter(**{self.lookup_field: self.kwargs[lookup]}).order_by()
        plan = self.representation_plan()
        rows = list(plan.values(queryset)[:1])
        if not rows:
            raise Http404
        return Response(plan.build(rows, Context(request, self.get_serializer_context()))[0])


class ResourceViewSet(RepresentationMixin, viewsets.ModelViewSet):
    """CRUD on one main resource.

    Subclasses name the scopes for reading and writing, the queryset visible to the acting
    client (:meth:`visible_objects`, tenant scoping included) and, for tenant data, whose
    data an object is (:meth:`tenant_of`). Every write is recorded in the audit trail in
    the same transaction; 201 responses carry ``Location``.
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
        """``{"organisatie": ..., "leverancier": ...}`` for tenant data; empty for shared data."""
        return {}

    def get_queryset(self):
        return self.visible_objects(self.request.auth)

    # --- writes, each with its audit trail entry ---------------------------------------

    def _full_representation(self, instance) -> dict:
        serializer = self.get_serializer_class()(instance, context={"request": self.request})
        return dict(serializer.data)

    @classmethod
    def tenant_ids_of(cls, instance) -> dict:
        """``tenant_of`` as ``{"organisatie_id": ...}``, for the audit trail. Ids, not objects:
        after a delete the objects no longer have a primary key."""
        return {
            f"{name}_id": value.pk for name, value in cls.tenant_of(instance).items() if value is not None
        }

    def _audit(self, *, actie: str, resultaat: int, instance, oud, nieuw, tenant: dict | None = None) -> None:
        if _audit_writer is None:
            raise ImproperlyConfigured("No audit trail writer is registered (softwarebroker.audit)")
        meta = self.get_serializer_class().Meta
        url = (nieuw or oud)["url"]
        _audit_writer(
            bron=meta.api.slug,
            acting=self.request.auth,
            headers=self.request.headers,
            actie=actie,
            resultaat=resultaat,
            hoofd_object=url,
            hoofd_object_uuid=instance.uuid,
            resource=meta.model._meta.model_name,
            resource_url=url,
            resource_weergave=str(instance),
            oud=oud,
            nieuw=nieuw,
            **(tenant if tenant is not None else self.tenant_ids_of(instance)),
        )

    @transaction.atomic
    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        self.perform_create(serializer)
        data = serializer.data
        self._audit(actie="create", resultaat=201, instance=serializer.instance, oud=None, nieuw=dict(data))
        return Response(data, status=status.HTTP_201_CREATED, headers={"Location": data["url"]})

    @transaction.atomic
    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        instance = self.get_object()
        oud = self._full_representation(instance)
        serializer = self.get_serializer(instance, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        self.perform_update(serializer)
        data = serializer.data
        actie = "partial_update" if partial else "update"
        self._audit(actie=actie, resultaat=200, instance=serializer.instance, oud=oud, nieuw=dict(data))
        return Response(data)

    @transaction.atomic
    def destroy(self, request, *args, **kwargs):
        instance = self.get_object()
        oud = self._full_representation(instance)
        tenant = self.tenant_ids_of(instance)
        try:
            self.perform_destroy(instance)
        except (ProtectedError, RestrictedError):
            raise APIProblem(
                status=409,
                code="in_use",
                detail="Dit object wordt nog gebruikt door andere objecten en kan niet worden verwijderd.",
            ) from None
        self._audit(actie="destroy", resultaat=204, instance=instance, oud=oud, nieuw=None, tenant=tenant)
        return Response(status=status.HTTP_204_NO_CONTENT)
