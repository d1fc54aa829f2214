"""The JSON request parser: bounded in size and depth before parsing, and only what JSON means
and the database can keep.

Bodies over ``API_MAX_BODY_SIZE`` are a 413; nested deeper than ``BODY_MAX_DEPTH`` a 400 (found
by a scan without recursion, before the recursive JSON parser sees them). ``NaN`` and
``Infinity``, a number too large for a float (``1e400`` would become infinity) and text with a
NUL character (``\\u0000``, which PostgreSQL stores neither in ``text`` nor in ``jsonb``) are a
400 ``parse_error`` naming the ``body``, before any field sees the value.
"""

from __future__ import annotations

import json
import math
import re

from django.conf import settings
from rest_framework import parsers
from rest_framework.exceptions import ParseError

from softwarebroker.core.json_limits import BODY_MAX_DEPTH, path_text

from .exceptions import APIProblem

# A JSON string (escapes included); what is left outside strings holds every bracket.
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_A_BRACKET = re.compile(r"[^\[\]{}]+")
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{},:]', re.DOTALL)


def nesting_depth(text: str, limit: int) -> int:
    """How deep ``text`` nests brackets outside strings, counting no further than ``limit + 1``.

    A scan without recursion, so a body nested a hundred thousand levels deep is refused before
    the JSON parser (which recurses per level) ever sees it."""
    brackets = _NOT_A_BRACKET.sub("", _STRING.sub("", text))
    depth = deepest = 0
    for bracket in brackets:
        if bracket in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    break
        else:
            depth -= 1
    return deepest


def too_deep_at(text: str, limit: int) -> str:
    """The path (``regels.0.bestelparameters.a``) of the first container nested deeper than
    ``limit``, for the message; only called for a body :func:`nesting_depth` refused."""
    stack: list[list] = []  # per open container: [bracket, key or index]
    last_string = None
    for token in _TOKEN.finditer(text):
        value = token.group()
        if value in "[{":
            if len(stack) >= limit:
                return path_text(tuple(position for _bracket, position in stack))
            stack.append([value, 0 if value == "[" else ""])
        elif value in "]}":
            if stack:
                stack.pop()
        elif value == ",":
            if stack and stack[-1][0] == "[":
                stack[-1][1] += 1
        elif value == ":":
            if stack and last_string is not None:
                stack[-1][1] = last_string
        else:
            try:
                last_string = json.loads(value)
            except ValueError:
                last_string = value[1:-1]
    return path_text(())


def _refuse_constant(name: str):
    raise ValueError(f"{name} is geen JSON-getal.")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"Het getal {text[:40]} is te groot.")
    return value


def _has_nul(value) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(key) or _has_nul(item) for key, item in value.items())
    if isinstance(value, list):
        return any(_has_nul(item) for item in value)
    return False


class JSONParser(parsers.JSONParser):
    """``application/json`` bodies of at most ``API_MAX_BODY_SIZE`` bytes, nested at most
    ``BODY_MAX_DEPTH`` levels; anything else is refused as a problem, never a server error."""

    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.API_MAX_BODY_SIZE
        raw = stream.read(limit + 1)
        if len(raw) > limit:
            raise APIProblem(
                status=413, code="request_too_large", detail=f"De aanvraag is groter dan {limit} bytes."
            )
        encoding = parsers.get_encoding(parser_context or {})
        try:
            text = raw.decode(encoding)
        except (UnicodeDecodeError, LookupError) as error:
            raise ParseError(f"JSON parse error - {error}") from None
        if nesting_depth(text, BODY_MAX_DEPTH) > BODY_MAX_DEPTH:
            where = too_deep_at(text, BODY_MAX_DEPTH)
            raise ParseError(f"De inhoud is dieper genest dan {BODY_MAX_DEPTH} niveaus, bij {where}.")
        try:
            data = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
        except (ValueError, RecursionError) as error:  # also an integer of over 4300 digits
            raise ParseError(f"JSON parse error - {error}") from None
        if "\\u0000" in text.lower() and _has_nul(data):
            raise ParseError("JSON parse error - tekst mag geen NUL-teken (\\u0000) bevatten.")
        return data
