"""What a service says when it refuses a change: one small hierarchy for every domain app.

Services raise these; they know nothing of HTTP. ``api.exceptions`` turns them into
problem+json (status from the class, ``code`` and message as given), the admin shows them
as form errors or messages. Each error names its ``code``, a message for people and, where
one field is at fault, its ``field`` path in the API's words (``regels.0.aantal``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One invalid field of a change: its path, a code and a message."""

    field: str
    code: str
    message: str


class DomainError(Exception):
    """A change refused. ``status`` is the HTTP status the API answers with."""

    status = 400
    default_code = "invalid"

    def __init__(self, message: str, *, code: str | None = None, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.code = code or self.default_code
        self.field = field

    @property
    def problems(self) -> list[Problem]:
        return [Problem(self.field, self.code, self.message)] if self.field else []


class Invalid(DomainError):
    """The input breaks one or more rules; every problem is listed."""

    def __init__(self, problems: Iterable[Problem | tuple[str, str, str]]):
        listed = [problem if isinstance(problem, Problem) else Problem(*problem) for problem in problems]
        if not listed:
            raise ValueError("Invalid needs at least one problem")
        super().__init__(listed[0].message, code="invalid", field=listed[0].field)
        self._problems = listed

    @property
    def problems(self) -> list[Problem]:
        return list(self._problems)


class NotAllowed(DomainError):
    """This party may not make this change (a role, the mandate, another tenant's object)."""

    status = 403
    default_code = "permission_denied"


class Conflict(DomainError):
    """Not possible in the current state (a transition, an object still in use). Where the
    state of several things is at fault at once (each missing declaration of each order line),
    ``problems`` lists every one; the API shows them as ``invalidParams``."""

    status = 409
    default_code = "conflict"

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        field: str | None = None,
        problems: Iterable[Problem | tuple[str, str, str]] = (),
    ):
        super().__init__(message, code=code, field=field)
        self._problems = [
            problem if isinstance(problem, Problem) else Problem(*problem) for problem in problems
        ]

    @property
    def problems(self) -> list[Problem]:
        return list(self._problems) or super().problems


class VersionMismatch(DomainError):
    """The version the client read is no longer the current one (``If-Match``)."""

    status = 412
    default_code = "precondition_failed"


class Unavailable(DomainError):
    """Another organisation's system that the change depends on could not be read."""

    status = 502
    default_code = "bad_gateway"


def raise_if_any(problems: Iterable[Problem | tuple[str, str, str]]) -> None:
    """One :class:`Invalid` listing every problem, or nothing when there are none."""
    listed = list(problems)
    if listed:
        raise Invalid(listed)
