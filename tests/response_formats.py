"""What the response validation checks beyond openapi-core: two formats it does not know,
and how bodies of the non-JSON media types are read before they are compared with the schema."""

from __future__ import annotations

import decimal
import functools
import json
import re
from urllib.parse import urlsplit

import yaml

# RFC 3986 URI syntax: a scheme, then only the characters a URI may hold (percent-encoded
# otherwise). http(s) URIs need a host.
URI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#\[\]]|%[0-9A-Fa-f]{2})*")


def is_uri(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not URI.fullmatch(value):
        return False
    parts = urlsplit(value)
    return parts.scheme.lower() not in ("http", "https") or bool(parts.hostname)


def is_decimal(value: object) -> bool:
    if not isinstance(value, str):
        return True
    try:
        return decimal.Decimal(value).is_finite()
    except decimal.InvalidOperation:
        return False


# openapi-core asserts the formats jsonschema knows (uuid, date, date-time, email, ...); these
# two it does not know, and would let pass unchecked.
FORMATS = {"uri": is_uri, "decimal": is_decimal}


# Media types openapi-core would otherwise compare as raw bytes with the schema.
def _json(value, **parameters):
    return json.loads(value)


@functools.lru_cache(maxsize=16)
def _yaml(value, **parameters):
    """Parsed with libyaml, and once per content: the OpenAPI document as YAML is large and
    requested often, and the time spent here counts in the tests' bounds on answer times."""
    return yaml.load(value, Loader=yaml.CSafeLoader)


def _text(value, **parameters):
    """A text body (CSV) is a string in the contract."""
    return value.decode(parameters.get("charset", "utf-8")) if isinstance(value, bytes) else value


MEDIA_TYPES = {"application/problem+json": _json, "application/yaml": _yaml, "text/csv": _text}
