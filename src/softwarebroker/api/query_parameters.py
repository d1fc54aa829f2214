"""Reject unknown query parameters (Haal Centraal: 400 with code ``unknownParam``)."""

from __future__ import annotations

from rest_framework.exceptions import ErrorDetail, ValidationError


def allowed_query_parameters(view, request) -> set[str]:
    allowed: set[str] = set(getattr(view, "extra_query_parameters", ()))
    action = getattr(view, "action", None)
    allowed |= set(getattr(view, "action_query_parameters", {}).get(action, ()))
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
    errors = {
        name: [ErrorDetail("Deze parameter wordt niet ondersteund.", code="unknownParam")]
        for name in sorted(request.query_params)
        if name not in allowed
    }
    for name, values in request.query_params.lists():
        if name not in errors and any("\x00" in value for value in values):
            errors[name] = [
                ErrorDetail("De waarde bevat een niet-toegestaan teken.", code="notAllowedCharacter")
            ]
    if errors:
        raise ValidationError(errors)


def collect_errors(checks) -> None:
    """Run every check; raise one ValidationError with all their errors together."""
    errors: dict = {}
    for check in checks:
        try:
            check()
        except ValidationError as error:
            for name, messages in error.detail.items():
                errors.setdefault(name, []).extend(messages)
    if errors:
        raise ValidationError(errors)
