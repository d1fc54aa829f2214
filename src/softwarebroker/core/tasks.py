"""What every task of this component shares."""

from __future__ import annotations

import functools

from django.db import connections


def closes_connections(function):
    """The worker runs sync tasks in threads of its own: close the database connections such a
    thread opened when the task ends, or they stay open (idle) for the life of the worker."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        finally:
            connections.close_all()

    return wrapper
