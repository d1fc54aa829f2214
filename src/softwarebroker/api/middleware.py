"""Response conventions applied to every request, whichever view answered."""

from __future__ import annotations

import re

from django.conf import settings

from .definitions import api_for_path
from .problems import is_problem
from .views import error_response, is_error_page

OPENAPI_DOCUMENTS = ("/openapi.json", "/openapi.yaml")

_FALLBACK_DETAILS = {
    404: "Op dit adres staat niets.",
    405: "De methode {method} is niet toegestaan op dit adres.",
}


class ProblemDetailsMiddleware:
    """Last line of defence: no 4xx/5xx leaves the component in another format.

    Views of the APIs already answer with problem+json; this catches what Django and
    third-party views produce (e.g. a bare 405 from a class-based view). Outside the APIs a
    browser gets the HTML error page instead (``views.error_response``).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code < 400 or is_problem(response) or is_error_page(response) or settings.DEBUG:
            return response
        status = response.status_code
        detail = _FALLBACK_DETAILS.get(status, "De aanvraag kon niet worden verwerkt.")
        headers = {}
        if response.has_header("Allow"):
            headers["Allow"] = response["Allow"]
        detail = detail.format(method=request.method)
        return error_response(request, status=status, detail=detail, headers=headers)


class APIHeadersMiddleware:
    """API-Version and the ADR security headers on every API response (errors too)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        api = api_for_path(request.path_info)
        if api is None:
            return response
        response["API-Version"] = api.version
        response["Cache-Control"] = "no-store"
        response["X-Content-Type-Options"] = "nosniff"
        response["X-Frame-Options"] = "DENY"
        response["Referrer-Policy"] = "no-referrer"
        if "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = "frame-ancestors 'none'"
        if request.path_info.endswith(OPENAPI_DOCUMENTS):
            # ADR /core/publish-openapi: the contract is open to every origin.
            response["Access-Control-Allow-Origin"] = "*"
        return response


# Room for a multipart envelope (boundaries, part headers) around an uploaded document.
UPLOAD_OVERHEAD = 64 * 1024


def body_limit(path: str) -> int:
    """The largest request body for ``path``: ``API_MAX_BODY_SIZE``, or for an upload path in
    ``API_UPLOAD_PATHS`` (pattern, name of the setting with the largest document) that
    document plus :data:`UPLOAD_OVERHEAD`."""
    for pattern, setting in getattr(settings, "API_UPLOAD_PATHS", ()):
        if re.fullmatch(pattern, path):
            return getattr(settings, setting) + UPLOAD_OVERHEAD
    return settings.API_MAX_BODY_SIZE


class RequestBodyLimitMiddleware:
    """Refuse bodies above API_MAX_BODY_SIZE (an upload path: its own limit, see
    :func:`body_limit`) with 413 before anything reads them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        raw_length = request.META.get("CONTENT_LENGTH") or "0"
        try:
            length = int(raw_length)
        except ValueError:
            reason = "De Content-Length-header is ongeldig."
            return error_response(
                request,
                status=400,
                detail=reason,
                invalid_params=[{"name": "Content-Length", "code": "invalid", "reason": reason}],
            )
        limit = body_limit(request.path_info)
        if length > limit:
            return error_response(request, status=413, detail=f"De aanvraag is groter dan {limit} bytes.")
        return self.get_response(request)
