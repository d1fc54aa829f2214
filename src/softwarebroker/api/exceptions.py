"""DRF exception handler: every API error becomes a problem+json response."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from rest_framework import exceptions

from softwarebroker.core.errors import DomainError, Invalid

from .problems import problem_response

# Detail texts in Dutch for DRF's generic errors.
DETAILS = {
    "not_found": "Het gevraagde object bestaat niet.",
    "method_not_allowed": "De methode {method} is niet toegestaan op dit adres.",
    "not_acceptable": "Geen van de gevraagde formaten (Accept) wordt ondersteund; gebruik application/json.",
    "unsupported_media_type": "Het formaat van de aanvraag (Content-Type) wordt niet "
    "ondersteund; gebruik application/json.",
    "parse_error": "De inhoud van de aanvraag is geen geldige JSON.",
    "invalid": "Eén of meer velden of parameters zijn ongeldig.",
    "not_authenticated": "Er zijn geen (geldige) inloggegevens meegestuurd.",
    "permission_denied": "U heeft geen toegang tot deze actie.",
}


class APIProblem(exceptions.APIException):
    """An error with an explicit problem code, for services and views to raise."""

    def __init__(self, *, status: int, code: str, detail: str, invalid_params=None):
        self.status_code = status
        self.problem_code = code
        self.invalid_params = invalid_params
        super().__init__(detail=detail, code=code)


def flatten_errors(detail, prefix: str = "") -> list[dict]:
    """Turn DRF's nested error structure into ``invalidParams`` entries.

    Nested names are dotted (``regels.0.aantal``) so every invalid field is listed once.
    """
    params: list[dict] = []
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            params.extend(flatten_errors(value, name))
    elif isinstance(detail, list):
        if all(isinstance(item, exceptions.ErrorDetail) for item in detail):
            for item in detail:
                params.append({"name": prefix or "nonFieldErrors", "code": item.code, "reason": str(item)})
        else:
            for index, item in enumerate(detail):
                if item:
                    name = f"{prefix}.{index}" if prefix else str(index)
                    params.extend(flatten_errors(item, name))
    elif isinstance(detail, exceptions.ErrorDetail):
        params.append({"name": prefix or "nonFieldErrors", "code": detail.code, "reason": str(detail)})
    return params


def invalid_params(error: DomainError) -> list[dict]:
    """A domain error's problems as ``invalidParams``, grouped per field in order of appearance."""
    grouped: dict[str, list[dict]] = {}
    for problem in error.problems:
        name = problem.field or "nonFieldErrors"
        grouped.setdefault(name, []).append({"name": name, "code": problem.code, "reason": problem.message})
    return [param for params in grouped.values() for param in params]


def domain_problem(error: DomainError, headers=None):
    if isinstance(error, Invalid):
        return problem_response(
            status=400,
            code="invalid",
            detail=DETAILS["invalid"],
            invalid_params=invalid_params(error),
            headers=headers,
        )
    return problem_response(
        status=error.status,
        code=error.code,
        detail=error.message,
        invalid_params=invalid_params(error) or None,
        headers=headers,
    )


def exception_handler(exc, context):
    request = context.get("request")
    if isinstance(exc, DomainError):
        return domain_problem(exc)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    if not isinstance(exc, exceptions.APIException):
        return None  # Django's 500 handler answers, also as problem+json.

    headers = {}
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    if getattr(exc, "wait", None):
        headers["Retry-After"] = str(int(exc.wait))

    status = exc.status_code
    if isinstance(exc, APIProblem):
        return problem_response(
            status=status,
            code=exc.problem_code,
            detail=str(exc.detail),
            invalid_params=exc.invalid_params,
            headers=headers,
        )
    if isinstance(exc, exceptions.ValidationError):
        return problem_response(
            status=400,
            code="invalid",
            detail=DETAILS["invalid"],
            invalid_params=flatten_errors(exc.detail),
            headers=headers,
        )
    if isinstance(exc, exceptions.ParseError):
        return problem_response(
            status=400,
            code="parse_error",
            detail=DETAILS["parse_error"],
            invalid_params=[{"name": "body", "code": "parse_error", "reason": str(exc.detail)}],
            headers=headers,
        )

    code = exc.get_codes() if isinstance(exc.get_codes(), str) else exc.default_code
    detail = DETAILS.get(code, str(exc.detail))
    if code == "method_not_allowed" and request is not None:
        detail = detail.format(method=request.method)
    if code in ("not_authenticated", "permission_denied", "authentication_failed") and str(
        exc.detail
    ) not in (
        str(exceptions.NotAuthenticated.default_detail),
        str(exceptions.PermissionDenied.default_detail),
    ):
        detail = str(exc.detail)
    return problem_response(status=status, code=code, detail=detail, headers=headers)
