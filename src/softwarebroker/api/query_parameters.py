"""Query parameters every API view checks before anything reads them.

- An unknown parameter is a 400 with code ``unknownParam`` (Haal Centraal), so a typo never
  silently returns everything.
- A value that cannot be read is a 400 naming the parameter, before a filter, a sort or a
  database query sees it: percent-encoded bytes that are not UTF-8 (``encoding``; Django would
  quietly make them U+FFFD), a NUL (``notAllowedCharacter``; PostgreSQL text holds none), or
  more characters than the parameter's ``maxLength`` (``max_length``): at most
  :data:`QUERY_PARAMETER_MAX_LENGTH`, or a filter's own tighter ``max_length``. The contracts
  show the bound of every string parameter (``schema.AutoSchema``).
- A list parameter (``fields``, ``expand``, ``sorteer``, a filter on several values; the
  contracts declare it ``type: array, style: form, explode: false``) is comma-separated, and
  may also be repeated: ``?status=concept&status=ingediend`` means ``?status=concept,ingediend``
  (clients generated from the contracts send repeated keys). Any other parameter given twice
  is a 400 with code ``repeatedParam``: one value is never silently dropped.
"""

from __future__ import annotations

from urllib.parse import unquote_to_bytes

from django_filters.filters import BaseCSVFilter
from rest_framework.exceptions import ErrorDetail, ValidationError

#: Longest value of a query parameter: a URL reference (at most 1000 characters) fits.
QUERY_PARAMETER_MAX_LENGTH = 1000


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


def list_query_parameters(view) -> set[str]:
    """The parameters of ``view``'s action whose value is a comma-separated list.

    The contracts declare exactly these as arrays (``schema.AutoSchema`` checks it on every
    operation), so what the documents say and what is read here cannot drift apart.
    """
    names: set[str] = set()
    action = getattr(view, "action", None)
    if action in getattr(view, "representation_actions", ()):
        names |= {"fields", "expand"}
    # A non-list action's own list parameters (a rapportage's ``groeperen``).
    names |= set(getattr(view, "action_list_query_parameters", {}).get(action, ()))
    if action == "list":
        for backend in getattr(view, "filter_backends", ()):
            if hasattr(backend, "ordering_param") and getattr(view, "sort_fields", None):
                names.add(backend.ordering_param)
        filterset_class = getattr(view, "filterset_class", None)
        if filterset_class is not None:
            names |= {
                name
                for name, filter_ in filterset_class.base_filters.items()
                if isinstance(filter_, BaseCSVFilter)
            }
    return names


def query_parameter_max_length(view, name: str) -> int:
    """The most characters a value of query parameter ``name`` may have on ``view``."""
    filterset_class = getattr(view, "filterset_class", None)
    filter_ = filterset_class.base_filters.get(name) if filterset_class is not None else None
    return getattr(filter_, "max_length", None) or QUERY_PARAMETER_MAX_LENGTH


def _not_utf8(request) -> list[str]:
    """Names of the parameters whose name or value, percent-decoded, is no UTF-8."""
    raw = request.META.get("QUERY_STRING", "").encode("iso-8859-1", errors="replace")
    names = []
    for pair in raw.split(b"&"):
        name, _, value = pair.partition(b"=")
        try:
            for part in (name, value):
                unquote_to_bytes(part.replace(b"+", b" ")).decode("utf-8")
        except UnicodeDecodeError:
            names.append(unquote_to_bytes(name.replace(b"+", b" ")).decode("utf-8", errors="replace"))
    return names


def _join_repeated_lists(request, lists: set[str]) -> None:
    """``?status=a&status=b`` becomes ``?status=a,b`` for every list parameter: everything that
    reads the parameters afterwards (filters, sorting, ``fields``) sees one comma-separated
    value, whichever form the client sent."""
    query = request.query_params
    repeated = [name for name in lists if len(query.getlist(name)) > 1]
    if not repeated:
        return
    joined = query.copy()
    for name in repeated:
        joined.setlist(name, [",".join(query.getlist(name))])
    joined._mutable = False
    request._request.GET = joined


def check_query_parameters(view, request) -> None:
    allowed = allowed_query_parameters(view, request)
    lists = list_query_parameters(view)
    errors = {
        name: [ErrorDetail("Deze parameter wordt niet ondersteund.", code="unknownParam")]
        for name in sorted(request.query_params)
        if name not in allowed
    }

    def refuse(name: str, message: str, code: str) -> None:
        if name not in errors:
            errors[name] = [ErrorDetail(message, code=code)]

    for name in _not_utf8(request):
        refuse(name, "De waarde is geen (procent-gecodeerde) UTF-8-tekst.", "encoding")
    for name, values in request.query_params.lists():
        if len(values) > 1 and name not in lists:
            refuse(
                name,
                "Deze parameter mag maar één keer in de aanvraag staan (alleen een lijst, "
                "komma-gescheiden, mag herhaald worden).",
                "repeatedParam",
            )
        if any("\x00" in value for value in values):
            refuse(name, "De waarde bevat een niet-toegestaan teken.", "notAllowedCharacter")
        limit = query_parameter_max_length(view, name)
        if any(len(value) > limit for value in values):
            refuse(name, f"De waarde is hoogstens {limit} tekens lang.", "max_length")
    _join_repeated_lists(request, lists)
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
