"""Bounds on free-form JSON: how deep and how large a value may be (one place for the limits).

Free-form JSON values (an order line's ``bestelparameters``, an offer's
``bestelparametersSchema``) are stored as given and shown again in lists, details and the
audit trail. What cannot be rendered must never be stored, and a JSON Schema must be small
enough to check quickly, so every such value is bounded at input: by the API field and by the
rule the service checks (the admin and every other caller go through the rules).

Depth counts nested containers: a scalar is 0 deep, ``{}`` and ``[]`` are 1 deep,
``{"a": [1]}`` is 2 deep. Size is the length in bytes of the compact UTF-8 JSON text.
Nothing here recurses, so a value nested thousands of levels deep is refused just as fast.

Parsed documents (a JSON body, a publiccode.yml) are also checked for text no column can keep
anywhere in them (:func:`unstorable_text`): a NUL, or a lone surrogate.
"""

from __future__ import annotations

import json
import re

#: Deepest nesting of a free-form JSON value (``bestelparameters``, ``bestelparametersSchema``).
MAX_DEPTH = 32
#: Largest free-form JSON value, in bytes of compact JSON.
MAX_SIZE = 64 * 1024
#: Largest JSON Schema (``bestelparametersSchema``): checking it costs time per subschema.
SCHEMA_MAX_SIZE = 16 * 1024
#: Deepest nesting of a request body (it holds the free-form values inside resources).
BODY_MAX_DEPTH = 64

_MAX_PATH_TEXT = 200
# Text PostgreSQL cannot keep (``text`` and ``jsonb`` hold no NUL) or UTF-8 cannot encode (a
# surrogate on its own, which JSON can write as ``\ud800``).
UNSTORABLE_CHARACTERS = re.compile("[\x00\ud800-\udfff]")
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f\ud800-\udfff]")


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
    """A path as the API names nested fields (``a.0.b``); ``(root)`` for the value itself.
    Characters that cannot be shown (a key may hold any) are written as ``\\u0000``."""
    text = ".".join(_UNPRINTABLE.sub(_escaped, str(part)) for part in path) or "(root)"
    return text if len(text) <= _MAX_PATH_TEXT else text[: _MAX_PATH_TEXT - 1] + "…"


def _escaped(match) -> str:
    return f"\\u{ord(match.group()):04x}"


def strings_in(value):
    """Every string and key of ``value`` with its path (keys and indexes), in document order.
    A container reached again (a YAML alias) is walked once."""
    seen = set()
    stack = [(value, ())]
    while stack:
        node, path = stack.pop()
        if isinstance(node, str):
            yield path, node
        elif isinstance(node, dict | list):
            if id(node) in seen:
                continue
            seen.add(id(node))
            items = node.items() if isinstance(node, dict) else enumerate(node)
            for key, child in reversed(list(items)):
                stack.append((child, (*path, key)))
                if isinstance(key, str):
                    stack.append((key, (*path, key)))  # the key, before its value


def unstorable_text(value) -> list[tuple]:
    """The paths of every string and key of ``value`` holding a character no database column
    can keep: a NUL or a lone surrogate."""
    found = []
    for path, text in strings_in(value):
        if UNSTORABLE_CHARACTERS.search(text) and (not found or found[-1] != path):
            found.append(path)
    return found


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
