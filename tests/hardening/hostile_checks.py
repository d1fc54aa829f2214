"""The hostile-input suite's checks of one operation: its body, its query parameters and its
headers (``test_hostile_input`` runs them on every operation of both documents)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import quote, quote_from_bytes

import jwt
import yaml

from softwarebroker.api.headers import DECLARED_HEADER_MAX_LENGTH
from softwarebroker.api.openapi import generate_schema
from tests.auth import SECRET
from tests.autorisaties.matrix_resources import RESOURCES
from tests.conformance.operations import Operation

from . import hostile
from .hostile import INVALID_UTF8, MEGABYTE, NUL, STRINGS, Input, Prober

# --- the request body ----------------------------------------------------------------------------


@dataclass
class Body:
    """A valid body of the operation, and the inputs in it."""

    value: object  # parsed: a dict (JSON) or the YAML document; the bytes of a binary body
    content_type: str
    inputs: list[Input]
    # What a 400 names when the body as a whole is wrong: ``body``, a binary body's name (the
    # part it is in the multipart alternative), nothing for YAML (it names what it lacks).
    refused_names: tuple[str, ...] = ("body",)

    @classmethod
    def of(cls, operation: Operation, world) -> Body | None:
        if not operation.has_body:
            return None
        resource = RESOURCES.get(operation.collection)
        make = resource.payload if resource else None
        if resource and operation.method == "patch" and resource.patch_payload:
            make = resource.patch_payload
        payload = make(world.party) if make else {}
        content_type = operation.request_media_type
        if isinstance(payload, bytes):  # a document (a PDF): no inputs inside, hostile as a whole
            return cls(payload, content_type, [], (_binary_name(operation),))
        if isinstance(payload, str):
            document = yaml.safe_load(payload)
            return cls(document, content_type, hostile.document_inputs(document), ())
        schema = operation.operation["requestBody"]["content"][content_type]["schema"]
        return cls(payload, content_type, hostile.body_inputs(generate_schema(operation.api), schema))

    @property
    def is_yaml(self) -> bool:
        return "yaml" in self.content_type

    @property
    def is_binary(self) -> bool:
        return isinstance(self.value, bytes)

    def encoded(self) -> bytes:
        return self.value if self.is_binary else self._text(self.value).encode()

    def with_value(self, path: str, literal) -> bytes:
        """The body with the literal (JSON text or bytes) at ``path``."""
        return hostile.encode(self._text(hostile.with_marker(self.value, path)), literal)

    def _text(self, value) -> str:
        if self.is_yaml:
            return yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=10**9)
        return json.dumps(value)


def _binary_name(operation: Operation) -> str:
    """The name of a binary body: its part in the operation's multipart alternative, if any."""
    content = operation.operation["requestBody"]["content"]
    multipart = content.get("multipart/form-data")
    if multipart is None:
        return "body"
    schema = hostile.resolve(generate_schema(operation.api), multipart["schema"])
    return next(iter(schema.get("properties", {})), "body")


def parameters(operation: Operation, where: str) -> list[dict]:
    document = generate_schema(operation.api)
    found = [hostile.resolve(document, parameter) for parameter in operation.operation.get("parameters", [])]
    return [parameter for parameter in found if parameter["in"] == where]


def required_query(operation: Operation) -> dict[str, str]:
    """A valid value for each required query parameter (a search term)."""
    return {
        parameter["name"]: "x" for parameter in parameters(operation, "query") if parameter.get("required")
    }


def query_string(values: dict) -> str:
    parts = []
    for name, value in values.items():
        encoded = quote_from_bytes(value) if isinstance(value, bytes) else quote(value, safe="")
        parts.append(f"{name}={encoded}")
    return "?" + "&".join(parts) if parts else ""


# --- the checks ----------------------------------------------------------------------------------


def check_body(prober: Prober, send, body: Body) -> None:
    for depth in hostile.DEPTHS:
        answer = send(f"body nested {depth} deep", hostile.nested(depth).encode())
        # A document nested 300 deep can still be a YAML mapping, refused for what it lacks.
        prober.refused(answer, *body.refused_names)
    if body.is_binary:  # no PDF at all: text with a NUL, bytes that are no UTF-8, 1 MB of text
        for label, value in STRINGS.items():
            raw = value if isinstance(value, bytes) else value.encode()
            prober.refused(send(f"body with {label}", raw), *body.refused_names)
    for item in body.inputs:
        if item.kind == "container":
            for label, value in hostile.CONTAINERS.items():
                answer = send(f"{item.path} {label}", body.with_value(item.path, value))
                prober.refused(answer, item.path, "body", *_under(answer, item.path))
        elif item.kind == "number":
            for label, literal in hostile.numbers(item.schema).items():
                answer = send(f"{item.path} = {label}", body.with_value(item.path, literal))
                if not hostile.within_bounds(item.schema, literal):
                    prober.refused(answer, item.path, "body")
        else:
            for label, value in hostile.BODY_STRINGS.items():
                answer = send(f"{item.path} with {label}", body.with_value(item.path, value))
                # Text that is no Unicode at all may make the whole body unreadable.
                names = (
                    (item.path, "body") if label in ("invalid UTF-8", "a lone surrogate") else (item.path,)
                )
                prober.refused(answer, *names)


def _under(answer, path: str) -> list[str]:
    """Names of answers that point inside ``path`` (a YAML document reports the deepest key)."""
    return [name for name in answer.names() if name and name.startswith(f"{path}.")]


def check_query(prober: Prober, send, operation: Operation) -> None:
    base = required_query(operation)
    for parameter in parameters(operation, "query"):
        name, schema = parameter["name"], parameter["schema"]
        if schema.get("type") == "integer":
            for label, literal in hostile.numbers(schema).items():
                value = literal.strip('"')
                answer = send(f"?{name}={label}", query={**base, name: value})
                if not hostile.within_bounds(schema, literal):
                    prober.refused(answer, name)
            continue
        for label, value in STRINGS.items():
            prober.refused(send(f"?{name} with {label}", query={**base, name: value}), name)


HEADER_VALUES = {"NUL": f"a{NUL}b", "invalid UTF-8": INVALID_UTF8.decode("latin-1"), "1 MB": "x" * MEGABYTE}
# Every header an operation declares (If-Match, Idempotency-Key, the NLX/FSC and trace headers,
# X-Audit-Toelichting, ...) is checked: refused when wrong. Every other header the server reads
# is only logged or used as a hint: never refused.
READ_HEADERS = (
    "X-Request-Id",  # logged (django-structlog)
    "X-Correlation-Id",
    "X-Forwarded-For",  # the source of failed authentications, behind trusted proxies
    "Origin",  # CORS
    "Accept-Language",
    "User-Agent",
    "Referer",
)


def _tokens(world, kind: str) -> list[str]:
    """Authorization values of ``kind`` that no client may pass with: the header itself, and a
    correctly signed token whose ``client_id`` claim carries it."""
    claim = {"NUL": f"onbekend-{world.next_unique()}{NUL}", "1 MB": "x" * MEGABYTE}.get(kind)
    values = [f"Bearer {HEADER_VALUES[kind]}"]
    if claim is not None:
        values.append(f"Bearer {jwt.encode({'client_id': claim, 'iat': 0}, SECRET, algorithm='HS256')}")
    return values


def check_headers(prober: Prober, send, operation: Operation, world, body: Body | None) -> None:
    declared = {parameter["name"] for parameter in parameters(operation, "header")}
    # The optional headers every operation declares are checked together and all named in one
    # answer; the others (If-Match, Idempotency-Key, ...) each by the view that reads it.
    together = sorted(declared & set(DECLARED_HEADER_MAX_LENGTH))
    for label, value in HEADER_VALUES.items():
        if together:
            answer = send(f"{', '.join(together)} with {label}", headers=dict.fromkeys(together, value))
            prober.refused(answer)
            if answer.status == 400 and answer.body is not None:
                missing = set(together) - answer.names()
                if missing:
                    prober.failures.append(f"{answer.label}: {sorted(missing)} not in invalidParams")
        for name in sorted(declared - set(together)):
            answer = send(f"{name} with {label}", headers={name: value})
            if label == "invalid UTF-8" and name.startswith("If-"):
                continue  # an entity tag may hold such octets (RFC 9110): it matches nothing
            prober.refused(answer, name)
    for label, value in HEADER_VALUES.items():
        if operation.operation.get("security"):
            for token in _tokens(world, label):
                answer = send(
                    f"Authorization with {label}",
                    headers={"Authorization": token, "X-Forwarded-For": value},
                    authenticated=False,
                )
                prober.refused(answer, statuses=(401, 429))
        prober.refused(send(f"Accept with {label}", headers={"Accept": value}))
        prober.refused(send(f"Host with {label}", headers={"Host": value}))
        if body is not None:
            prober.refused(send(f"Content-Type with {label}", content_type=value))


def tolerated_headers(operation: Operation, value: str) -> dict:
    return dict.fromkeys(READ_HEADERS, value)
