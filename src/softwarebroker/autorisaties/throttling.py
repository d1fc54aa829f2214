"""Rate limiting of failed authentications per client id, across all web processes.

Counts live in PostgreSQL (one row per client id and fixed time window), so a client
guessing secrets is stopped whichever pod answers.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import connection
from django.utils import timezone

from .models import AuthenticatieFout

MAX_CLIENT_ID_LENGTH = 200


def _window_start(now: datetime.datetime) -> datetime.datetime:
    window = settings.AUTH_FAILURE_WINDOW
    seconds = int(now.timestamp()) // window * window
    return datetime.datetime.fromtimestamp(seconds, tz=datetime.UTC)


def record_failure(client_id: str) -> None:
    now = timezone.now()
    table = AuthenticatieFout._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {table} (client_id, venster_start, aantal) VALUES (%s, %s, 1)
            ON CONFLICT (client_id, venster_start) DO UPDATE SET aantal = {table}.aantal + 1
            """,  # noqa: S608 - the table name is ours, values are parameters
            [client_id[:MAX_CLIENT_ID_LENGTH], _window_start(now)],
        )


def seconds_blocked(client_id: str) -> int:
    """How long this client id must wait; 0 when it may try."""
    now = timezone.now()
    start = _window_start(now)
    failures = (
        AuthenticatieFout.objects.filter(client_id=client_id[:MAX_CLIENT_ID_LENGTH], venster_start=start)
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
