"""Rate limiting of failed authentications per client id and source, across all web processes.

Counts live in PostgreSQL (one row per client id, source address and fixed time window), so a
source guessing a client's secrets is stopped whichever pod answers. Only the failures of the
same source count: a client id is visible to others (in audit trails), and counting per client
id alone would let anyone lock a client out by sending it bad tokens. Tokens from other sources
are verified as usual, and a correctly signed token from another source is never refused.

A blocked source is refused before its token is checked, also when that token is correct:
otherwise the block would not stop it guessing (a right guess would pass).

The source is the connection's address, or, behind ``AUTH_TRUSTED_PROXIES`` reverse proxies,
the address those proxies put in ``X-Forwarded-For`` (each appends the address it was called
from; entries before theirs are the caller's own and could be anything).
"""

from __future__ import annotations

import datetime
import re

from django.conf import settings
from django.db import connection
from django.utils import timezone

from .models import AuthenticatieFout

MAX_CLIENT_ID_LENGTH = 200
MAX_SOURCE_LENGTH = 100
# Both keys come from the caller (a token's claim, a header): PostgreSQL text holds no NUL.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def _key(text: str, limit: int) -> str:
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
    return _key(address, MAX_SOURCE_LENGTH)


def _window_start(now: datetime.datetime) -> datetime.datetime:
    window = settings.AUTH_FAILURE_WINDOW
    seconds = int(now.timestamp()) // window * window
    return datetime.datetime.fromtimestamp(seconds, tz=datetime.UTC)


def record_failure(client_id: str, source: str) -> None:
    now = timezone.now()
    table = AuthenticatieFout._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {table} (client_id, bron, venster_start, aantal) VALUES (%s, %s, %s, 1)
            ON CONFLICT (client_id, bron, venster_start) DO UPDATE SET aantal = {table}.aantal + 1
            """,  # noqa: S608 - the table name is ours, values are parameters
            [_key(client_id, MAX_CLIENT_ID_LENGTH), _key(source, MAX_SOURCE_LENGTH), _window_start(now)],
        )


def seconds_blocked(client_id: str, source: str) -> int:
    """How long this source must wait before it may try this client id again; 0 when it may."""
    now = timezone.now()
    start = _window_start(now)
    failures = (
        AuthenticatieFout.objects.filter(
            client_id=_key(client_id, MAX_CLIENT_ID_LENGTH),
            bron=_key(source, MAX_SOURCE_LENGTH),
            venster_start=start,
        )
        .values_list("aantal", flat=True)
        .first()
    )
    if failures is None or failures < settings.AUTH_MAX_FAILURES:
        return 0
    end = start + datetime.timedelta(seconds=settings.AUTH_FAILURE_WINDOW)
    return max(1, int((end - now).total_seconds()) + 1)


def forget_old_failures() -> int:
    """Delete windows that can no longer block anyone."""
    cutoff = timezone.now() - datetime.timedelta(seconds=2 * settings.AUTH_FAILURE_WINDOW)
    deleted, _ = AuthenticatieFout.objects.filter(venster_start__lt=cutoff).delete()
    return deleted
