"""Bounds on free-form JSON: how deep and how large a value may be (one place for the limits).

Free-form JSON values (an order line's ``bestelparameters``, an offer's
``bestelparametersSchema``) are stored as given and shown again in lists, details and the
audit trail. What cannot be rendered must never be stored, and a JSON Schema must be small
enough to check quickly, so every such value is bounded at input: by the API field and by the
rule the service checks (the admin and every other caller go through the rules).

Depth counts nested containers: a scalar is 0 deep, ``{}`` and ``[]`` are 1 deep,
``{"a": [1]}`` is 2 deep. Size is the length in bytes of the compact UTF-8 JSON text.
Nothing here recurses, so a value nested thousands of levels deep is refused just as fast.
"""

from __future__ import annotations

import json

#: Deepest nesting of a free-form JSON value (``bestelparameters``, ``bestelparametersSchema``).
MAX_DEPTH = 32
#: Largest free-form JSON value, in bytes of compact JSON.
MAX_SIZE = 64 * 1024
#: Largest JSON Schema (``bestelparametersSchema``): checking it costs time per subschema.
SCHEMA_MAX_SIZE = 16 * 1024
#: Deepest nesting of a request body (it holds the free-form values inside resources).
BODY_MAX_DEPTH = 64

_MAX_PATH_TEXT = 200


def too_deep(value, max_depth: int = MAX_DEPTH) -> tuple | None:
    """The path (keys and indexes) of the first container nested deeper than ``max_depth``,
    in document order, or ``None`` when the value is within the limit."""
    stack = [(value, 1, ())]
    while stack:
        node, depth, path = stack.pop()
        if isinstance(node, dict):
            children = list(node.items())
        elif isinstance(node, list | tuple):
            children = list(enumerate(node))
        else:
            continue
        if depth > max_depth:
            return path
        stack.extend((child, depth + 1, (*path, key)) for key, child in reversed(children))
    return None


def size_of(value) -> int:
    """Bytes of the compact UTF-8 JSON text of ``value`` (call :func:`too_deep` first)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    return len(text.encode("utf-8"))


def path_text(path: tuple) -> str:
    """A path as the API names nested fields (``a.0.b``); ``(root)`` for the value itself."""
    text = ".".join(str(part) for part in path) or "(root)"
    return text if len(text) <= _MAX_PATH_TEXT else text[: _MAX_PATH_TEXT - 1] + "…"


def json_problems(
    value, field: str, *, max_depth: int = MAX_DEPTH, max_size: int = MAX_SIZE
) -> list[tuple[str, str, str]]:
    """The bounds ``value`` breaks, as ``(apiField, code, message)`` (empty when within)."""
    path = too_deep(value, max_depth)
    if path is not None:
        return [
            (
                field,
                "max_depth",
                f"Hoogstens {max_depth} niveaus genest; te diep bij {path_text(path)}.",
            )
        ]
    size = size_of(value)
    if size > max_size:
        return [(field, "max_size", f"Hoogstens {max_size} bytes als JSON; dit is {size} bytes.")]
    return []
