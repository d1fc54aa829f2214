"""Request headers, checked as strictly as the generated parameters.

A header the contract declares has a ``maxLength`` (and where it has a form, a ``pattern``);
a value over the length or with a control character (NUL included) is a 400 problem naming
the header, before anything uses it: the headers the views read themselves
(:func:`checked_header`) and the optional headers every operation declares, which go into the
logs and the audit trail (:func:`check_declared_headers`).
"""

from __future__ import annotations

import re

from rest_framework.exceptions import ErrorDetail, ValidationError

from .exceptions import APIProblem

CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")

#: Optional request headers every operation of both APIs declares, with their description.
OPTIONAL_REQUEST_HEADERS = {
    "X-NLX-Logrecord-Id": "Transactiekenmerk van de NLX-inway; komt in de logs en de audittrail.",
    "X-NLX-Request-Organization": "OIN van de aanroepende organisatie, toegevoegd door de NLX-inway.",
    "X-NLX-Request-User-Id": "Gebruiker bij de afnemer (doelbinding); komt in de logs.",
    "X-NLX-Request-Application-Id": "Applicatie bij de afnemer (doelbinding); komt in de logs.",
    "X-NLX-Request-Process-Id": "Verwerkingsactiviteit bij de afnemer (doelbinding); komt in de logs.",
    "X-NLX-Request-Data-Elements": "De gevraagde gegevenselementen (doelbinding); komt in de logs.",
    "Fsc-Transaction-Id": "Transactiekenmerk van FSC; komt in de logs en de audittrail.",
    "traceparent": "W3C Trace Context (Logboek Dataverwerkingen); komt in de logs en de audittrail.",
}
AUDIT_HEADER = "X-Audit-Toelichting"
#: The most characters each declared optional header may have (its ``maxLength``).
DECLARED_HEADER_MAX_LENGTH = {**dict.fromkeys(OPTIONAL_REQUEST_HEADERS, 1024), AUDIT_HEADER: 1000}


def invalid_header(name: str, reason: str, code: str = "invalid") -> APIProblem:
    return APIProblem(
        status=400,
        code="invalid",
        detail=reason,
        invalid_params=[{"name": name, "code": code, "reason": reason}],
    )


def checked_header(request, name: str, *, max_length: int) -> str | None:
    """The header's value (``None`` if absent); 400 if it is longer than ``max_length`` or has a
    control character."""
    value = request.headers.get(name)
    if value is None:
        return None
    if len(value) > max_length:
        raise invalid_header(name, f"De header {name} is hoogstens {max_length} tekens lang.", "max_length")
    if CONTROL_CHARACTERS.search(value):
        raise invalid_header(
            name, f"De header {name} bevat een niet-toegestaan teken.", "notAllowedCharacter"
        )
    return value


def header_text(value: str) -> str:
    """The text of a header value. HTTP carries bytes, which the WSGI server hands over as
    ISO-8859-1; clients send text such as a Dutch ``X-Audit-Toelichting`` as UTF-8. Raises
    ``UnicodeError`` for bytes that are no UTF-8."""
    try:
        raw = value.encode("iso-8859-1")
    except UnicodeEncodeError:
        return value  # already text (not from a WSGI server)
    return raw.decode("utf-8")


def declared_header_values(request) -> dict[str, str]:
    """The declared optional headers the request carries, as text (undecodable values as they
    came: :func:`check_declared_headers` refuses the request before anything records them)."""
    values = {}
    for name in DECLARED_HEADER_MAX_LENGTH:
        value = request.headers.get(name)
        if value:
            try:
                values[name] = header_text(value)
            except UnicodeError:
                values[name] = value
    return values


def check_declared_headers(request) -> None:
    """400 naming every declared optional header that is no UTF-8 text, longer than its
    ``maxLength`` or has a control character: what goes into the audit trail and the logs is
    what the client sent, never silently cut or cleaned."""
    errors = {}
    for name, max_length in DECLARED_HEADER_MAX_LENGTH.items():
        value = request.headers.get(name)
        if value is None:
            continue
        try:
            value = header_text(value)
        except UnicodeError:
            errors[name] = [ErrorDetail(f"De header {name} is geen UTF-8-tekst.", "encoding")]
            continue
        if len(value) > max_length:
            errors[name] = [
                ErrorDetail(f"De header {name} is hoogstens {max_length} tekens lang.", "max_length")
            ]
        elif CONTROL_CHARACTERS.search(value):
            errors[name] = [
                ErrorDetail(f"De header {name} bevat een niet-toegestaan teken.", "notAllowedCharacter")
            ]
    if errors:
        raise ValidationError(errors)
