"""Rate limiting of failed authentications per client id and source, across all web processes.

Counts live in PostgreSQL (one row per client id, source address and fixed time window), so a
source guessing a client's secrets is stopped whichever pod answers. Only the failures of the
same source count: a client id is visible to others (in audit trails), and counting per client
id alone would let anyone lock a client out by sending it bad tokens. Tokens from other sources
are verified as usual, and a correctly signed token from another source is never refused.

A blocked source is refused before its token is checked, also when that token is correct:
otherwise the block would not stop it guessing (a right guess would pass).

The source is the connection's address, or, behind ``AUTH_TRUSTED_PROXIES`` reverse proxies,
the address those proxies vouch for (:func:`softwarebroker.core.network.source_of`).
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import connection
from django.utils import timezone

from softwarebroker.core.network import MAX_SOURCE_LENGTH, bounded_text

from .models import AuthenticatieFout

MAX_CLIENT_ID_LENGTH = 200


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
            [
                bounded_text(client_id, MAX_CLIENT_ID_LENGTH),
                bounded_text(source, MAX_SOURCE_LENGTH),
                _window_start(now),
            ],
        )


def seconds_blocked(client_id: str, source: str) -> int:
    """How long this source must wait before it may try this client id again; 0 when it may."""
    now = timezone.now()
    start = _window_start(now)
    failures = (
        AuthenticatieFout.objects.filter(
            client_id=bounded_text(client_id, MAX_CLIENT_ID_LENGTH),
            bron=bounded_text(source, MAX_SOURCE_LENGTH),
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
