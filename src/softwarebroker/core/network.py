"""Where a request comes from: the address the authentication's rate limit counts per source and
the request log records (``ip``).

It is the connection's address, or, behind ``AUTH_TRUSTED_PROXIES`` reverse proxies, the address
those proxies put in ``X-Forwarded-For`` (each appends the address it was called from; entries
before theirs are the caller's own and could be anything, so they are never believed).
"""

from __future__ import annotations

import re

from django.conf import settings

MAX_SOURCE_LENGTH = 100
# A key may come from the caller (a token's claim, a header): PostgreSQL text holds no NUL.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def bounded_text(text: str, limit: int) -> str:
    """``text`` without control characters, at most ``limit`` characters."""
    return _CONTROL_CHARACTERS.sub("", text[: limit * 4])[:limit]


def source_of(meta) -> str:
    """The address a request comes from, as far as the trusted proxies vouch for it."""
    address = meta.get("REMOTE_ADDR") or ""
    proxies = settings.AUTH_TRUSTED_PROXIES
    if proxies > 0:
        forwarded = [part.strip() for part in (meta.get("HTTP_X_FORWARDED_FOR") or "").split(",")]
        forwarded = [part for part in forwarded if part]
        if forwarded:
            address = forwarded[-min(proxies, len(forwarded))]
    return bounded_text(address, MAX_SOURCE_LENGTH)
