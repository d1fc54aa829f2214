"""Request headers the views read themselves, checked as strictly as the generated parameters.

A header the contract declares has a ``maxLength`` (and where it has a form, a ``pattern``);
a value over the length or with a control character (NUL included) is a 400 problem naming
the header, before anything uses it.
"""

from __future__ import annotations

import re

from .exceptions import APIProblem

CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


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
