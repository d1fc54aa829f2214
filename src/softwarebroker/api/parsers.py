"""The JSON request parser: bounded in size and depth before parsing, and only what JSON means
and the database can keep.

Bodies over ``API_MAX_BODY_SIZE`` are a 413; nested deeper than ``BODY_MAX_DEPTH`` a 400 (found
by a scan without recursion, before the recursive JSON parser sees them). Bytes that are not
UTF-8, ``NaN`` and ``Infinity`` and a number too large for a float (``1e400`` would become
infinity) are a 400 ``parse_error`` naming the ``body`` (the message says where). Text with a
NUL character (``\\u0000``, which PostgreSQL stores neither in ``text`` nor in ``jsonb``) or a
lone surrogate (``\\ud800``, which UTF-8 cannot encode) is a 400 naming every such string by
its path, code ``notAllowedCharacter``. All of this before any field sees the value.
"""

from __future__ import annotations

import json
import math
import re

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework import parsers
from rest_framework.exceptions import ParseError

from softwarebroker.core.json_limits import BODY_MAX_DEPTH, path_text, unstorable_text

from .exceptions import DETAILS, APIProblem

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


def _path_of(text: str, limit: int | None = None) -> tuple:
    """The path (keys and indexes) where a scan of ``text`` ends, or, given ``limit``, of the
    first container nested deeper than that."""
    stack: list[list] = []  # per open container: [bracket, key or index]
    last_string = None
    for token in _TOKEN.finditer(text):
        value = token.group()
        if value in "[{":
            if limit is not None and len(stack) >= limit:
                break
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
    return tuple(position for _bracket, position in stack)


def too_deep_at(text: str, limit: int) -> str:
    """The path (``regels.0.bestelparameters.a``) of the first container nested deeper than
    ``limit``, for the message; only called for a body :func:`nesting_depth` refused."""
    return path_text(_path_of(text, limit))


def undecodable_at(raw: bytes, encoding: str, error: UnicodeDecodeError) -> str:
    """Where in the body the bytes that are not ``encoding`` are, for the message."""
    return path_text(_path_of(raw[: error.start].decode(encoding, errors="replace")))


def _refuse_constant(name: str):
    raise ValueError(f"{name} is geen JSON-getal.")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"Het getal {text[:40]} is te groot.")
    return value


# Enough to find them all, in a few requests at most; the answer stays small.
MAX_LISTED = 20


def refuse_unstorable_text(data) -> None:
    """400 naming the strings (and keys) with a NUL or a lone surrogate, which no column keeps:
    every one, up to :data:`MAX_LISTED`."""
    paths = unstorable_text(data)[:MAX_LISTED]
    if paths:
        raise APIProblem(
            status=400,
            code="invalid",
            detail=DETAILS["invalid"],
            invalid_params=[
                {
                    "name": path_text(path) if path else "body",
                    "code": "notAllowedCharacter",
                    "reason": "Tekst mag geen NUL-teken (\\u0000) of losse surrogaat (\\ud800-\\udfff) "
                    "bevatten.",
                }
                for path in paths
            ],
        )


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
        except LookupError as error:
            raise ParseError(f"JSON parse error - {error}") from None
        except UnicodeDecodeError as error:
            where = undecodable_at(raw, encoding, error)
            raise ParseError(f"De inhoud is geen geldige {encoding}-tekst, bij {where}.") from None
        if nesting_depth(text, BODY_MAX_DEPTH) > BODY_MAX_DEPTH:
            where = too_deep_at(text, BODY_MAX_DEPTH)
            raise ParseError(f"De inhoud is dieper genest dan {BODY_MAX_DEPTH} niveaus, bij {where}.")
        try:
            data = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
        except (ValueError, RecursionError) as error:  # also an integer of over 4300 digits
            raise ParseError(f"JSON parse error - {error}") from None
        if "\\u" in text:  # only an escape writes a NUL or a lone surrogate in valid JSON
            refuse_unstorable_text(data)
        return data


class PDFParser(parsers.BaseParser):
    """An ``application/pdf`` body as an uploaded file (``document.pdf``), read up to one byte
    over ``limit_setting`` (a setting's name) so the view can refuse an oversized one with its
    own problem; what the bytes are is the view's (and its service's) to check."""

    media_type = "application/pdf"
    limit_setting = "VERKLARING_DOCUMENT_MAX_BYTES"

    def parse(self, stream, media_type=None, parser_context=None):
        limit = getattr(settings, self.limit_setting)
        content = stream.read(limit + 1) if stream is not None else b""
        return {"document": SimpleUploadedFile("document.pdf", content, content_type=self.media_type)}
