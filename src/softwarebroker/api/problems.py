"""Problem Details (RFC 9457) responses in the ZGW / Haal Centraal shape.

Every error the component returns, from DRF views and from Django itself, is built
here, so the format is the same everywhere.
"""

from __future__ import annotations

import json
import re
import uuid

import structlog
from django.http import HttpResponse

logger = structlog.get_logger(__name__)

PROBLEM_CONTENT_TYPE = "application/problem+json"

TITLES = {
    400: "Ongeldige aanvraag.",
    401: "Niet geauthenticeerd.",
    403: "Geen toegang.",
    404: "Niet gevonden.",
    405: "Methode niet toegestaan.",
    406: "Gevraagd formaat niet beschikbaar.",
    409: "Conflict.",
    412: "Voorwaarde niet vervuld.",
    413: "Aanvraag te groot.",
    415: "Formaat van de aanvraag niet ondersteund.",
    428: "Voorwaarde vereist.",
    429: "Te veel aanvragen.",
    500: "Er ging iets mis op de server.",
    503: "Dienst niet beschikbaar.",
}

DEFAULT_CODES = {
    400: "invalid",
    401: "not_authenticated",
    403: "permission_denied",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    412: "precondition_failed",
    413: "request_too_large",
    415: "unsupported_media_type",
    428: "precondition_required",
    429: "throttled",
    500: "server_error",
    503: "service_unavailable",
}


# A problem names what was wrong, and a message may quote what the client sent (a URL, a
# value): never more of it than this, so an answer cannot grow with its request.
MAX_TEXT_LENGTH = 1000
_SURROGATES = re.compile("[\ud800-\udfff]")  # no UTF-8 for these: they would fail the answer


def _shown(text) -> str:
    text = str(text)
    if len(text) > MAX_TEXT_LENGTH:
        text = text[: MAX_TEXT_LENGTH - 1] + "…"
    return _SURROGATES.sub("\ufffd", text)


def problem_type(code: str) -> str:
    return f"urn:opensoftwarebroker:fout:{code}"


def problem_body(
    *,
    status: int,
    code: str | None = None,
    detail: str,
    title: str | None = None,
    invalid_params: list[dict] | None = None,
) -> dict:
    code = code or DEFAULT_CODES.get(status, "error")
    if status in (400, 409) and invalid_params is None:
        # The contract's ValidatieFout and ConflictFout: every 400 lists what was invalid, every
        # 409 its causes, even when nothing in particular can be named (an empty list).
        invalid_params = []
    body = {
        "type": problem_type(code),
        "code": code,
        "title": title or TITLES.get(status, "Fout."),
        "status": status,
        "detail": _shown(detail),
        "instance": f"urn:uuid:{uuid.uuid4()}",
    }
    if invalid_params is not None:
        body["invalidParams"] = [
            {**param, **{key: _shown(param[key]) for key in ("name", "reason") if key in param}}
            for param in invalid_params
        ]
    return body


def problem_response(
    *,
    status: int,
    detail: str,
    code: str | None = None,
    title: str | None = None,
    invalid_params: list[dict] | None = None,
    headers: dict | None = None,
) -> HttpResponse:
    body = problem_body(status=status, code=code, detail=detail, title=title, invalid_params=invalid_params)
    if status >= 500:
        logger.error("problem_response", status=status, code=body["code"], instance=body["instance"])
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False),
        status=status,
        content_type=PROBLEM_CONTENT_TYPE,
    )
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def is_problem(response: HttpResponse) -> bool:
    return response.get("Content-Type", "").startswith(PROBLEM_CONTENT_TYPE)
