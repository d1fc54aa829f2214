"""Base viewsets: the API conventions every resource gets without writing them again."""

from __future__ import annotations

from rest_framework import status, viewsets
from rest_framework.response import Response

from .filters import FilterBackend, SortFilter
from .query_parameters import check_query_parameters
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
    sort_fields: dict[str, str] = {}
    default_sort: tuple[str, ...] = ("pk",)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        check_query_parameters(self, request)
        self.selected_fields = None
        self.expand = []
        if self.action in self.representation_actions:
            serializer_class = self.get_serializer_class()
            self.selected_fields = parse_fields(request.query_params.get("fields"), serializer_class)
            self.expand = parse_expand(request.query_params.get("expand"), serializer_class)

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
