"""JSON request bodies: only what JSON means and the database can keep.

REST framework's parser already refuses ``NaN`` and ``Infinity``; this one also refuses a
number too large for a float (``1e400`` would become infinity) and text with a NUL character
(``\\u0000``), which PostgreSQL stores neither in ``text`` nor in ``jsonb``. Both are a 400
``parse_error`` naming the ``body``, before any field sees the value.
"""

from __future__ import annotations

import codecs
import json
import math

from django.conf import settings
from rest_framework import parsers
from rest_framework.exceptions import ParseError


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
    def parse(self, stream, media_type=None, parser_context=None):
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            text = codecs.getreader(encoding)(stream).read()
            data = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
        except ValueError as exc:  # also a decoding error and an integer of over 4300 digits
            raise ParseError(f"JSON parse error - {exc}") from None
        if "\\u0000" in text.lower() and _has_nul(data):
            raise ParseError("JSON parse error - tekst mag geen NUL-teken (\\u0000) bevatten.")
        return data
