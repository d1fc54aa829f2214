"""Warnings for the readiness probe: what an operator must see, but that does not take the
instance out of service (a backlog of notifications, for one).

An app registers a function in its ``AppConfig.ready()``; it returns its warnings, each a dict
with at least ``code`` and ``detail``. ``health.views.readyz`` lists them under
``waarschuwingen`` and still answers ``200``.
"""

from __future__ import annotations

from collections.abc import Callable

import structlog

logger = structlog.get_logger(__name__)

_checks: list[Callable[[], list[dict]]] = []


def register(check: Callable[[], list[dict]]) -> None:
    if check not in _checks:
        _checks.append(check)


def warnings() -> list[dict]:
    found = []
    for check in list(_checks):
        try:
            found.extend(check())
        except Exception:  # a warning that cannot be computed takes nothing down
            logger.warning(
                "readiness_warning_failed", check=getattr(check, "__qualname__", repr(check)), exc_info=True
            )
    return found
