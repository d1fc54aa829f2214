"""The one registry of environment variables.

Settings read their values through :func:`env`; ``docs/configuration.md`` is generated
from the same registry (``manage.py generate_configuration_docs``), so the operator's
documentation cannot drift from what the code reads.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

_TRUE = {"1", "true", "yes", "on", "ja"}
_FALSE = {"0", "false", "no", "off", "nee", ""}


@dataclass(frozen=True)
class Variable:
    name: str
    type: str  # "str", "int", "bool" or "list"
    default: Any
    help: str
    group: str
    secret: bool = False

    def parse(self, raw: str) -> Any:
        if self.type == "str":
            return raw
        if self.type == "int":
            return int(raw)
        if self.type == "bool":
            lowered = raw.strip().lower()
            if lowered in _TRUE:
                return True
            if lowered in _FALSE:
                return False
            raise ValueError(f"{self.name}: expected a boolean, got {raw!r}")
        if self.type == "list":
            return [item.strip() for item in raw.split(",") if item.strip()]
        raise ValueError(f"{self.name}: unknown type {self.type!r}")


REGISTRY: dict[str, Variable] = {}


def define(
    name: str,
    *,
    type: str,
    default: Any,
    help: str,
    group: str,
    secret: bool = False,
) -> None:
    if name in REGISTRY:
        raise ValueError(f"Environment variable {name} is defined twice")
    REGISTRY[name] = Variable(name, type, default, help, group, secret)


def env(name: str, default: Any = ...) -> Any:
    """The value of a registered variable, parsed to its type.

    ``default`` overrides the registered default for one settings module (for example
    the development settings), so every variable still has a single documented entry.
    """
    variable = REGISTRY[name]
    raw = os.environ.get(name)
    if raw is None:
        return variable.default if default is ... else default
    return variable.parse(raw)
