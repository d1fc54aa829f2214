"""Field selection: parsing of the ``fields`` and ``expand`` query parameters against a
serializer. The representation engine (:mod:`.representation_engine`) then builds only the
fields selected, with the relations asked for embedded."""

from __future__ import annotations

from rest_framework.exceptions import ErrorDetail, ValidationError

from .representation_engine import field_names


def _names(raw: str | None) -> list[str] | None:
    if raw is None:
        return None
    return [part.strip() for part in raw.split(",")]


def parse_fields(raw: str | None, serializer_class) -> set[str] | None:
    names = _names(raw)
    if names is None:
        return None
    available = set(field_names(serializer_class))
    unknown = [name for name in names if name not in available]
    if unknown or not all(names):
        raise ValidationError(
            {
                "fields": [
                    ErrorDetail(
                        "Onbekend(e) veld(en): "
                        + ", ".join(name or "''" for name in unknown or [""])
                        + ". Beschikbaar: "
                        + ", ".join(sorted(available))
                        + ".",
                        code="fields",
                    )
                ]
            }
        )
    return set(names)


def parse_expand(raw: str | None, serializer_class) -> list[str]:
    names = _names(raw)
    if names is None:
        return []
    expandable = getattr(serializer_class.Meta, "expandable", {})
    unknown = [name for name in names if name not in expandable]
    if unknown or not all(names):
        allowed = ", ".join(sorted(expandable)) or "geen"
        raise ValidationError(
            {
                "expand": [
                    ErrorDetail(
                        "Deze relatie(s) kunnen niet worden uitgebreid: "
                        + ", ".join(name or "''" for name in unknown or [""])
                        + f". Mogelijk: {allowed}.",
                        code="expand",
                    )
                ]
            }
        )
    return list(dict.fromkeys(names))
