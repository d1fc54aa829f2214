"""Django-level error views (bad request, no access, unknown URL, CSRF failure, server error).

The APIs always answer with problem+json. Outside the APIs (the admin, the landing page) a
client that prefers HTML, as a browser does (``Accept: text/html, ...``), gets a small HTML
page; every other client (``Accept`` absent, ``*/*``, ``application/json`` or
``application/problem+json``) gets problem+json there as well.
"""

from __future__ import annotations

import structlog
from django.conf import settings
from django.core.exceptions import (
    DisallowedHost,
    RequestDataTooBig,
    SuspiciousMultipartForm,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.http import HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.template import loader

from .definitions import api_for_path
from .problems import problem_body, problem_response

logger = structlog.get_logger(__name__)

ERROR_TEMPLATE = "fout.html"
# Order matters: when the client likes them equally (no Accept, */*), problem+json wins.
_NEGOTIATED_TYPES = ("application/problem+json", "application/json", "text/html")


def wants_html(request: HttpRequest) -> bool:
    """A person with a browser outside the APIs: show an HTML page instead of problem+json."""
    if api_for_path(request.path_info) is not None:
        return False
    return request.get_preferred_type(_NEGOTIATED_TYPES) == "text/html"


def error_response(
    request: HttpRequest,
    *,
    status: int,
    detail: str,
    code: str | None = None,
    headers: dict | None = None,
    page_detail: str | None = None,
    invalid_params: list[dict] | None = None,
) -> HttpResponse:
    """problem+json, or the HTML error page for a browser outside the APIs.

    ``page_detail`` replaces ``detail`` on the HTML page where the text speaks of the API.
    """
    if wants_html(request):
        try:
            return _html_error_page(status=status, detail=page_detail or detail, code=code, headers=headers)
        except Exception:  # the error page itself failed: problem+json is still an answer
            logger.exception("error_page_failed", status=status)
    return problem_response(
        status=status, code=code, detail=detail, headers=headers, invalid_params=invalid_params
    )


def _html_error_page(*, status: int, detail: str, code: str | None, headers: dict | None) -> HttpResponse:
    body = problem_body(status=status, code=code, detail=detail)
    if status >= 500:
        # Logged as a problem response is, so the page's kenmerk leads to the log line.
        logger.error("error_page", status=status, code=body["code"], instance=body["instance"])
    # No request context: a server error page must not need the database or the session.
    html = loader.get_template(ERROR_TEMPLATE).render(
        {
            "status": status,
            "title": body["title"],
            "detail": detail,
            "kenmerk": body["instance"].removeprefix("urn:uuid:"),
            "toon_kenmerk": status >= 500,
        }
    )
    response = HttpResponse(html, status=status, content_type="text/html; charset=utf-8")
    response.is_error_page = True  # ProblemDetailsMiddleware leaves it as it is
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def is_error_page(response: HttpResponse) -> bool:
    return getattr(response, "is_error_page", False)


def bad_request(request, exception=None):
    """What Django itself refuses before a view runs, named like any invalid input: the part
    of the request at fault in ``invalidParams`` (the ``ValidatieFout`` of the contract)."""
    if isinstance(exception, RequestDataTooBig):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        return error_response(request, status=413, detail=f"De aanvraag is groter dan {limit} bytes.")
    name, code, reason = _refused_part(request, exception)
    if name is None:
        return error_response(request, status=400, detail="De aanvraag kon niet worden verwerkt.")
    return error_response(
        request,
        status=400,
        detail=reason,
        invalid_params=[{"name": name, "code": code, "reason": reason}],
    )


def _refused_part(request, exception) -> tuple[str | None, str, str]:
    """(name, code, reason) of the part of the request Django refused; no name when unknown."""
    if isinstance(exception, DisallowedHost):
        return "Host", "disallowed_host", "Deze installatie is niet bereikbaar onder deze hostnaam (Host)."
    if isinstance(exception, TooManyFieldsSent):
        limit = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
        query = request.META.get("QUERY_STRING", "")
        where = "query" if limit is not None and query.count("&") + 1 > limit else "body"
        place = "queryparameters" if where == "query" else "velden in de inhoud"
        return where, "too_many_fields", f"Meer dan {limit} {place}."
    if isinstance(exception, TooManyFilesSent):
        return "body", "too_many_files", f"Meer dan {settings.DATA_UPLOAD_MAX_NUMBER_FILES} bestanden."
    if isinstance(exception, (SuspiciousMultipartForm, MultiPartParserError)):
        return "body", "parse_error", "De inhoud is geen geldig multipart-formulier."
    return None, "", ""


def permission_denied(request, exception=None):
    return error_response(request, status=403, detail="U heeft geen toegang tot deze pagina.")


def page_not_found(request, exception=None):
    return error_response(
        request,
        status=404,
        detail="Op dit adres staat niets. Let op: adressen eindigen niet op een '/'.",
        page_detail="Op dit adres staat niets.",
    )


def server_error(request):
    return error_response(
        request,
        status=500,
        detail="Er trad een onverwachte fout op. De fout is gelogd onder het kenmerk in 'instance'.",
        page_detail="Er trad een onverwachte fout op. De fout is gelogd onder het kenmerk hieronder.",
    )


def csrf_failure(request, reason=""):
    return error_response(
        request,
        status=403,
        code="csrf_failed",
        detail="De CSRF-controle is mislukt. Laad het formulier opnieuw en probeer het nog eens.",
    )


def admin_locked_out(request, credentials=None, *args, **kwargs):
    return error_response(
        request,
        status=429,
        code="locked_out",
        detail="Te veel mislukte inlogpogingen. Probeer het over een uur opnieuw.",
        headers={"Retry-After": "3600"},
    )
