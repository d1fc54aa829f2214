"""The parties an API client acts for: an organisation (afnemer, budgethouder) or a supplier
(leverancier).

Both are models of domain apps in a layer above this one, so autorisaties does not import
them: those apps register here, from their ``AppConfig.ready()``, how a party is found by its
identifier, and the declarative configuration of API clients asks for it by the name of the
Applicatie field that refers to it.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured

_lookups: dict[str, Callable[..., object | None]] = {}


def register(field: str, lookup: Callable[..., object | None]) -> None:
    _lookups[field] = lookup


def find(field: str, **identifier) -> object | None:
    lookup = _lookups.get(field)
    if lookup is None:
        raise ImproperlyConfigured(f"No installed app registered how to find the {field} of an API client")
    return lookup(**identifier)
