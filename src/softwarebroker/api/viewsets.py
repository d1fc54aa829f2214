"""Base viewsets: the API conventions every resource gets without writing them again."""

from __future__ import annotations

from rest_framework import status, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from .filters import FilterBackend, SortFilter
from .query_parameters import check_query_parameters, collect_errors
from .representation import parse_expand, parse_fields

UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


class ResourceViewSet(viewsets.ModelViewSet):
    """CRUD on one resource, addressed by UUID.

    - unknown query parameters give 400 ``unknownParam``;
    - ``fields`` and ``expand`` on reads, with the expanded relations prefetched;
    - ``Location`` on 201;
    - no OPTIONS (only the standard methods of ADR /core/http-methods).
    """

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
        # Validate every query parameter up front so one 400 lists all that is wrong.
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
            request.query_params, queryset=self.filterset_class._meta.model.objects.none()
        )
        if not filterset.is_valid():
            raise ValidationError(filterset.errors)

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["fields"] = getattr(self, "selected_fields", None)
        context["expand"] = getattr(self, "expand", [])
        return context

    def get_queryset(self):
        queryset = super().get_queryset()
        expandable = getattr(self.get_serializer_class().Meta, "expandable", {})
        for name in getattr(self, "expand", ()):
            spec = expandable[name]
            related = spec.related or (spec.source,)
            load = queryset.prefetch_related if spec.many else queryset.select_related
            queryset = load(*related)
        return queryset

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        self.perform_create(serializer)
        data = serializer.data
        return Response(data, status=status.HTTP_201_CREATED, headers={"Location": data["url"]})
