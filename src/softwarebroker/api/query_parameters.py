"""Reject unknown query parameters (Haal Centraal: 400 with code ``unknownParam``)."""

from __future__ import annotations

from rest_framework.exceptions import ErrorDetail, ValidationError


def allowed_query_parameters(view, request) -> set[str]:
    allowed: set[str] = set(getattr(view, "extra_query_parameters", ()))
    action = getattr(view, "action", None)
    if action in getattr(view, "representation_actions", ()):
        allowed |= {"fields", "expand"}
    if action == "list":
        paginator = getattr(view, "paginator", None)
        if paginator is not None:
            allowed |= {paginator.page_query_param, paginator.page_size_query_param}
        for backend in view.filter_backends:
            if hasattr(backend, "ordering_param") and getattr(view, "sort_fields", None):
                allowed.add(backend.ordering_param)
        filterset_class = getattr(view, "filterset_class", None)
        if filterset_class is not None:
            allowed |= set(filterset_class.base_filters)
    return allowed


def check_query_parameters(view, request) -> None:
    allowed = allowed_query_parameters(view, request)
    unknown = sorted(name for name in request.query_params if name not in allowed)
    if unknown:
        raise ValidationError(
            {
                name: [ErrorDetail("Deze parameter wordt niet ondersteund.", code="unknownParam")]
                for name in unknown
            }
        )
