"""Hostile input for the generic suite (``test_hostile_input``): what to send, where to put it
in a request, and the checks every answer must pass.

The inputs of an operation come from the OpenAPI documents: the properties of its request
body (strings, numbers, objects and free-form values, nested ones by their dotted API name),
its query parameters and its header parameters. A value is set in a valid body as a marker
that is replaced in the encoded body, so it can be anything: ``1e400``, ``-0``, raw bytes.
"""

from __future__ import annotations

import copy
import itertools
import json
import time
from dataclasses import dataclass, field

from django.db import transaction

from .tally import Tally

NUL = "\u0000"
INVALID_UTF8 = b"\xff\xfe"
MEGABYTE = 1_000_000  # characters: with the rest of a body still under API_MAX_BODY_SIZE
DEPTHS = (300, 5000)
MAX_SECONDS = 2.0  # per request, whatever it carries
REPEATS = 2  # times a slower request is sent again before its time counts against it
MAX_PROBLEM_SIZE = 64 * 1024  # an answer never echoes an unbounded input back

# Every string input gets each of these; ``bytes`` are sent as they are (not UTF-8).
STRINGS = {"NUL": f"a{NUL}b", "invalid UTF-8": INVALID_UTF8, "1 MB": "x" * MEGABYTE}
_MARKER = "__HOSTILE_VALUE__"


def json_string(value) -> bytes | str:
    """A string value as a JSON literal (bytes stay raw, inside quotes)."""
    if isinstance(value, bytes):
        return b'"' + value + b'"'
    return json.dumps(value)


def nested(depth: int, inner: str = "1") -> str:
    """A JSON value nested ``depth`` objects deep."""
    return '{"a":' * depth + inner + "}" * depth


# In a body, as JSON literals: the strings above, and text no database can keep.
BODY_STRINGS = {
    **{label: json_string(value) for label, value in STRINGS.items()},
    "a lone surrogate": '"a\\ud800b"',
}
# In an object, list or free-form property of a body.
CONTAINERS = {
    **{f"nested {depth} deep": nested(depth) for depth in DEPTHS},
    "holding a NUL": '{"a": ["x\\u0000"]}',
    "holding a lone surrogate": '{"a": ["x\\ud800"]}',
}


def numbers(schema: dict) -> dict[str, str]:
    """JSON literals beyond ``schema``'s bounds (and the ones no bound admits), by label."""
    values = {"2**63": str(2**63), "10**30": str(10**30), "1e400": "1e400", "-0": "-0", "NaN": '"NaN"'}
    if schema.get("maximum") is not None:
        values["maximum+1"] = _plain(schema["maximum"] + 1)
    if schema.get("minimum") is not None:
        values["minimum-1"] = _plain(schema["minimum"] - 1)
    return values


def _plain(number) -> str:
    return str(int(number)) if number == int(number) else repr(number)


def within_bounds(schema: dict, literal: str) -> bool:
    """Whether ``literal`` is a number ``schema`` admits (``-0`` where 0 is allowed)."""
    try:
        value = float(json.loads(literal))
    except (TypeError, ValueError):
        return False
    if value != value or value in (float("inf"), float("-inf")):
        return False
    low, high = schema.get("minimum"), schema.get("maximum")
    return (low is None or value >= low) and (high is None or value <= high)


# --- the inputs of an operation, from its document --------------------------------------------


@dataclass(frozen=True)
class Input:
    path: str  # the API's name: ``regels.0.aantal``
    kind: str  # "string", "number" or "container"
    schema: dict


def resolve(document: dict, schema: dict) -> dict:
    while "$ref" in schema:
        node = document
        for part in schema["$ref"].lstrip("#/").split("/"):
            node = node[part]
        schema = node
    return schema


def body_inputs(document: dict, schema: dict) -> list[Input]:
    """Every writable input of a request body schema, once per path, in document order."""
    found: dict[tuple[str, str], Input] = {}
    _walk(document, schema, "", found, depth=0)
    return list(found.values())


def _walk(document, schema, path, found, depth) -> None:
    schema = resolve(document, schema)
    if schema.get("readOnly") or depth > 8:
        return
    for combined in ("allOf", "oneOf", "anyOf"):
        for alternative in schema.get(combined, []):
            _walk(document, alternative, path, found, depth + 1)
    kind = schema.get("type")
    if "properties" in schema or kind == "object":
        if path:
            found.setdefault((path, "container"), Input(path, "container", schema))
        for name, child in schema.get("properties", {}).items():
            _walk(document, child, f"{path}.{name}" if path else name, found, depth + 1)
    elif kind == "array":
        found.setdefault((path, "container"), Input(path, "container", schema))
        _walk(document, schema["items"], f"{path}.0", found, depth + 1)
    elif kind == "integer" or kind == "number" or schema.get("format") == "decimal":
        found.setdefault((path, "number"), Input(path, "number", schema))
        if kind == "string":  # a decimal as text is text too
            found.setdefault((path, "string"), Input(path, "string", schema))
    elif kind == "string" or (kind is None and "enum" in schema):
        found.setdefault((path, "string"), Input(path, "string", schema))
    elif kind is None and not any(key in schema for key in ("allOf", "oneOf", "anyOf")) and path:
        found.setdefault((path, "container"), Input(path, "container", schema))  # free-form


def document_inputs(value, path: str = "") -> list[Input]:
    """The leaves of a parsed document (a YAML body, whose schema is only ``string``)."""
    if isinstance(value, dict):
        return [leaf for key, child in value.items() for leaf in document_inputs(child, _join(path, key))]
    if isinstance(value, list):
        return [
            leaf for index, child in enumerate(value) for leaf in document_inputs(child, _join(path, index))
        ]
    return [Input(path, "string", {"type": "string"})] if isinstance(value, str) else []


def _join(path: str, key) -> str:
    return f"{path}.{key}" if path else str(key)


def with_marker(body, path: str):
    """A copy of ``body`` with the marker at ``path``; missing containers are made on the way."""
    body = copy.deepcopy(body)
    parts = path.split(".")
    node = body
    for part, following in itertools.pairwise(parts):
        empty = [] if following.isdigit() else {}
        if isinstance(node, list):
            index = int(part)
            while len(node) <= index:
                node.append(copy.deepcopy(empty))
            if not isinstance(node[index], list | dict):
                node[index] = empty
            node = node[index]
        else:
            if not isinstance(node.get(part), list | dict):
                node[part] = empty
            node = node[part]
    last = parts[-1]
    if isinstance(node, list):
        while len(node) <= int(last):
            node.append(None)
        node[int(last)] = _MARKER
    else:
        node[last] = _MARKER
    return body


def encode(text: str, value) -> bytes:
    """``text`` (an encoded body holding the marker once, quoted) with ``value`` in its place:
    ``bytes`` as they are, JSON literal text as it is."""
    quoted = json.dumps(_MARKER)
    head, marker, tail = text.partition(quoted)
    if not marker:  # YAML may leave the marker unquoted
        head, marker, tail = text.partition(_MARKER)
    assert marker, "the marker is not in the body"
    raw = value if isinstance(value, bytes) else value.encode()
    return head.encode() + raw + tail.encode()


# --- sending, timing and checking --------------------------------------------------------------


class _RolledBack(Exception):
    """Undoes a request that was only sent again to time it."""


@dataclass
class Answer:
    label: str
    status: int
    seconds: float
    body: dict | None = None  # the problem
    json: dict | None = None  # a 2xx answer's JSON
    headers: dict = field(default_factory=dict)
    error: str | None = None

    def names(self) -> set[str]:
        return {param.get("name") for param in (self.body or {}).get("invalidParams") or []}


class Prober:
    """Sends requests, each in a savepoint (a server error must not spoil the data of the
    next request), and collects everything wrong with the answers."""

    def __init__(self, client, tally: Tally, *, max_seconds: float | None = MAX_SECONDS):
        self.client = client
        self.tally = tally
        self.max_seconds = max_seconds  # None: the time is counted, not bounded
        self.failures: list[str] = []

    def send(self, label: str, method: str, url: str, *, body=None, content_type=None, headers=None):
        kwargs = {"headers": headers or {}}
        if body is not None:
            kwargs.update(data=body, content_type=content_type or "application/json")
        start = time.perf_counter()
        try:
            with transaction.atomic():
                response = self.client.generic(method.upper(), url, **kwargs)
        except Exception as error:  # noqa: BLE001 - a server error, reported as such
            seconds = time.perf_counter() - start
            self._count(label, seconds)
            answer = Answer(label, 500, seconds, error=f"{type(error).__name__}: {str(error)[:300]}")
            self.failures.append(f"{label}: 500 ({answer.error})")
            return answer
        seconds = time.perf_counter() - start
        self._count(label, seconds)
        answer = Answer(label, response.status_code, seconds, headers=dict(response.headers))
        if self.max_seconds is not None and seconds > self.max_seconds:
            answer.seconds = self._quickest_repeat(seconds, method, url, kwargs)
        self._check(answer, response)
        return answer

    def _quickest_repeat(self, seconds: float, method: str, url: str, kwargs: dict) -> float:
        """A slow answer is timed again (up to REPEATS times, each repeat rolled back): a
        request that stalls the server is slow every time, one that met a busy machine is not.
        The quickest time counts."""
        times = [seconds]
        for _ in range(REPEATS):
            start = time.perf_counter()
            try:
                with transaction.atomic():
                    self.client.generic(method.upper(), url, **kwargs)
                    raise _RolledBack
            except Exception:  # noqa: BLE001 - _RolledBack, or an error the first answer reported
                pass
            times.append(time.perf_counter() - start)
            if times[-1] <= self.max_seconds:
                break
        return min(times)

    def _count(self, label: str, seconds: float) -> None:
        self.tally.requests += 1
        self.tally.seconds += seconds
        if seconds > self.tally.slowest[0]:
            self.tally.slowest = (seconds, label)

    def _check(self, answer: Answer, response) -> None:
        if self.max_seconds is not None and answer.seconds > self.max_seconds:
            quickest = f"{answer.seconds:.2f} s, the quickest of {REPEATS + 1}"
            self.failures.append(f"{answer.label}: took {quickest}")
        if answer.status >= 500:
            self.failures.append(f"{answer.label}: {answer.status} {response.content[:300]!r}")
        content_type = response.get("Content-Type", "")
        if answer.status < 400:
            if content_type.startswith("application/json"):
                answer.json = response.json()
            return
        if not content_type.startswith("application/problem+json"):
            self.failures.append(f"{answer.label}: {answer.status} as {content_type!r}, not problem+json")
            return
        if len(response.content) > MAX_PROBLEM_SIZE:
            self.failures.append(f"{answer.label}: a problem of {len(response.content)} bytes")
        answer.body = response.json()

    def refused(self, answer: Answer, *names: str, statuses=range(400, 500)) -> None:
        """``answer`` must refuse the request, naming one of ``names`` (when given)."""
        if answer.status >= 500 or answer.error:
            return  # already reported
        if answer.status not in statuses:
            self.failures.append(f"{answer.label}: {answer.status}, expected it refused")
            return
        # Only a 400 names what was wrong (a 412 or 413 says it in its status).
        if names and answer.status == 400 and answer.body is not None and not answer.names() & set(names):
            self.failures.append(
                f"{answer.label}: {answer.status} without {' or '.join(names)} in invalidParams "
                f"({sorted(name for name in answer.names() if name)})"
            )

    def accepted(self, answer: Answer) -> None:
        if answer.status < 500 and not 200 <= answer.status < 300:
            body = json.dumps(answer.body)[:300] if answer.body else ""
            self.failures.append(f"{answer.label}: {answer.status}, expected it accepted {body}")
