"""Hostile input to every operation of both APIs, and every list read again afterwards.

For each operation of the two OpenAPI documents (the documents are the list; nothing here
names an operation but the states some need), called as a client that may perform it (the
authorisation matrix says which) on real objects made by the factories:

- a valid request first, to know the operation can be performed here (2xx);
- JSON nested 300 and 5,000 levels deep, as the body and inside every object, list and
  free-form property of the request body;
- numbers beyond the bounds of every number of the body and every integer query parameter
  (``maximum+1``, ``minimum-1``, ``2**63``, ``10**30``, ``1e400``, ``-0``, ``"NaN"``);
- a NUL character, invalid UTF-8 and a string of 1 MB in every string of the body, every
  query parameter and every header the server reads;

and expects every request the operation cannot accept refused with a 4xx problem naming what
was wrong, no answer slower than two seconds, no 5xx at all, and no problem that echoes a
huge input back. After the writes to a resource, every list of both APIs that could show
what was written is read as the broker and both parties: each must still answer.

The parties and their API clients are made once for the module (rolled back at its end), the
objects of each operation in its own test; every request runs in a savepoint, so a server error
cannot spoil the next one. Verified tokens are reused, as in production, so a request costs
what its input does. The summary line of the run says how many requests were sent and how
long they took.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import quote, quote_from_bytes

import jwt
import pytest
import yaml
from django.db import transaction
from django.test import Client, override_settings

from softwarebroker.api.headers import DECLARED_HEADER_MAX_LENGTH
from softwarebroker.api.openapi import generate_schema
from softwarebroker.autorisaties.authentication import verified_tokens
from tests.auth import SECRET, bearer
from tests.autorisaties.factories import make_applicatie
from tests.autorisaties.matrix_resources import RESOURCES, create_chain, owned_chain
from tests.autorisaties.test_matrix import EXPECTED
from tests.bestellingen import walk
from tests.bestellingen.factories import AnnuleringsverzoekFactory, BestellingFactory
from tests.catalogus.factories import (
    AanbiedingFactory,
    LeverancierFactory,
    PrijsFactory,
    SoftwarepakketFactory,
)
from tests.conformance.operations import OPERATIONS, Operation
from tests.organisaties.factories import OrganisatieFactory

from . import hostile
from .hostile import INVALID_UTF8, MEGABYTE, NUL, STRINGS, Input, Prober, Tally

# --- who acts, and on what ---------------------------------------------------------------------

USERS = {
    "broker": "beheerder@test",
    "afnemer": walk.AFNEMER,  # the orders' own afnemer: the budget holder is another person
    "budgethouder": walk.BUDGETHOUDER,
    "leverancier": walk.LEVERANCIER,
}
PREFERENCE = ("afnemer", "budgethouder", "leverancier", "broker")  # tenant roles act on their own
READERS = ("broker", "afnemer", "leverancier")


def role_for(operation: Operation) -> str:
    """A role that may perform the operation on its own object (409: it may, in another state)."""
    statuses = EXPECTED[operation.id]
    for wanted in (lambda status: 200 <= status < 300, lambda status: status == 409):
        for role in PREFERENCE:
            if wanted(statuses[role][0]):
                return role
    return "broker"


def _order(party, status):
    return BestellingFactory(besteller=party["organisatie"], leverancier=party["leverancier"], status=status)


def _waiting_for_approval(party):
    bestelling = _order(party, "ter_goedkeuring")
    walk.budgethouder(bestelling)  # a mandate that covers it
    return [bestelling]


def _cancellation_asked(party):
    bestelling = _order(party, "geaccepteerd")
    return [bestelling, AnnuleringsverzoekFactory(bestelling=bestelling)]


# The operations that can only be performed on objects in another state than the factories'
# default (a published catalogue object, a submitted order).
STATES = {
    ("delete", "/aanbiedingen/{uuid}"): lambda party: [
        AanbiedingFactory(leverancier=party["leverancier"], status="concept")
    ],
    ("delete", "/prijzen/{uuid}"): lambda party: [
        PrijsFactory(aanbieding=AanbiedingFactory(leverancier=party["leverancier"], status="concept"))
    ],
    ("delete", "/softwarepakketten/{uuid}"): lambda party: [SoftwarepakketFactory(status="concept")],
    **{
        (method, "/bestellingen/{uuid}"): lambda party: [_order(party, "concept")]
        for method in ("put", "patch", "delete")
    },
    ("post", "/bestellingen/{bestelling_uuid}/annuleringsverzoeken"): lambda party: [
        _order(party, "geaccepteerd")
    ],
    ("patch", "/bestellingen/{bestelling_uuid}/annuleringsverzoeken/{uuid}"): _cancellation_asked,
    ("post", "/bestellingen/{bestelling_uuid}/beoordelingen"): _waiting_for_approval,
    ("post", "/bestellingen/{bestelling_uuid}/leveringen"): lambda party: [_order(party, "in_behandeling")],
}


@dataclass
class World:
    party: dict
    tokens: dict[str, str]
    tally: Tally = field(default_factory=Tally)
    # Main objects written to (and under), per API and collection: their lists are read again.
    touched: dict[tuple[str, str], set] = field(default_factory=lambda: defaultdict(set))
    unique: int = 0

    def auth(self, role: str) -> dict:
        return {"Authorization": f"Bearer {self.tokens[role]}"}

    def next_unique(self) -> int:
        self.unique += 1
        return self.unique


@pytest.fixture(scope="module")
def world(request, django_db_setup, django_db_blocker):
    settings = override_settings(AUTH_CACHE_SECONDS=600, AUTH_TRUSTED_PROXIES=1)
    with django_db_blocker.unblock(), settings, transaction.atomic():
        verified_tokens.clear()
        party = {"organisatie": OrganisatieFactory(), "leverancier": LeverancierFactory()}
        tokens = {}
        for role in ("broker", "afnemer", "budgethouder", "leverancier"):
            applicatie = make_applicatie(
                role,
                organisatie=party["organisatie"] if role in ("afnemer", "budgethouder") else None,
                leverancier=party["leverancier"] if role == "leverancier" else None,
            )
            tokens[role] = bearer(applicatie.client_id, user_id=USERS[role])["Authorization"][7:]
        world = World(party, tokens)
        try:
            yield world
        finally:
            transaction.set_rollback(True)
            verified_tokens.clear()
            request.config.stash[hostile.TALLY] = world.tally  # shown in the summary (conftest)


def _top(path: str) -> str:
    return "/" + path.split("/")[1]


def new_objects(operation: Operation, role: str, world: World) -> list:
    """Objects for the path of ``operation`` (fresh ones, in a state it can be performed in)."""
    if not operation.has_path_parameters:
        return []
    state = STATES.get((operation.method, operation.path))
    if state is not None:
        chain = state(world.party)
    else:
        collection = operation.collection if operation.is_detail else RESOURCES[operation.collection].parent
        chain = create_chain(collection) if role == "broker" else owned_chain(collection, world.party)
    if operation.method != "get":
        world.touched[(operation.api.slug, _top(operation.path))].add(chain[0].uuid)
    return chain


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


# --- the request body ----------------------------------------------------------------------------


@dataclass
class Body:
    """A valid body of the operation, and the inputs in it."""

    value: object  # parsed: a dict (JSON) or the YAML document
    content_type: str
    inputs: list[Input]

    @classmethod
    def of(cls, operation: Operation, world: World) -> Body | None:
        if not operation.has_body:
            return None
        resource = RESOURCES.get(operation.collection)
        payload = resource.payload(world.party) if resource and resource.payload else {}
        content_type = operation.request_media_type
        if isinstance(payload, str):
            document = yaml.safe_load(payload)
            return cls(document, content_type, hostile.document_inputs(document))
        schema = operation.operation["requestBody"]["content"][content_type]["schema"]
        return cls(payload, content_type, hostile.body_inputs(generate_schema(operation.api), schema))

    @property
    def is_yaml(self) -> bool:
        return "yaml" in self.content_type

    def encoded(self) -> bytes:
        return self._text(self.value).encode()

    def with_value(self, path: str, literal) -> bytes:
        """The body with the literal (JSON text or bytes) at ``path``."""
        return hostile.encode(self._text(hostile.with_marker(self.value, path)), literal)

    def _text(self, value) -> str:
        if self.is_yaml:
            return yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=10**9)
        return json.dumps(value)


# --- the checks ----------------------------------------------------------------------------------


def check_body(prober: Prober, send, body: Body) -> None:
    for depth in hostile.DEPTHS:
        answer = send(f"body nested {depth} deep", hostile.nested(depth).encode())
        # A document nested 300 deep can still be a YAML mapping, refused for what it lacks.
        prober.refused(answer, *(() if body.is_yaml else ("body",)))
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


def _tokens(world: World, kind: str) -> list[str]:
    """Authorization values of ``kind`` that no client may pass with: the header itself, and a
    correctly signed token whose ``client_id`` claim carries it."""
    claim = {"NUL": f"onbekend-{world.next_unique()}{NUL}", "1 MB": "x" * MEGABYTE}.get(kind)
    values = [f"Bearer {HEADER_VALUES[kind]}"]
    if claim is not None:
        values.append(f"Bearer {jwt.encode({'client_id': claim, 'iat': 0}, SECRET, algorithm='HS256')}")
    return values


def check_headers(prober: Prober, send, operation: Operation, world: World, body: Body | None) -> None:
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


# --- the steps -----------------------------------------------------------------------------------


def check_operation(world: World, operation: Operation) -> list[str]:
    role = role_for(operation)
    prober = Prober(Client(), world.tally)
    base_query = required_query(operation)
    body = Body.of(operation, world)  # for the requests that must be refused: never stored
    shared = new_objects(operation, role, world)

    def send(label, data=None, *, query=None, headers=None, content_type=None, objects=None, **options):
        chain = shared if objects is None else objects
        query = base_query if query is None else query
        url = operation.url(*(obj.uuid for obj in chain)) + query_string(query)
        valid = options.get("valid", body)
        if data is None and valid is not None:
            data = valid.encoded()
        auth = world.auth(role) if options.get("authenticated", True) else {}
        answer = prober.send(
            f"{operation.id} as {role}: {label}",
            operation.method,
            url,
            body=data,
            content_type=content_type or (valid.content_type if valid else None),
            headers={**auth, **(headers or {})},
        )
        if 200 <= answer.status < 300:
            _touch(world, operation, chain, answer)
        return answer

    # What must work: on new objects each time (the same one for idempotent methods), with a
    # new valid body each time (names and numbers that must be unique).
    def accepted(label, **kwargs):
        objects = shared if operation.method in ("get", "put") else new_objects(operation, role, world)
        prober.accepted(send(label, objects=objects, valid=Body.of(operation, world), **kwargs))

    accepted("a valid request")
    for label, value in HEADER_VALUES.items():
        headers = tolerated_headers(operation, value)
        accepted(f"{', '.join(headers)} with {label}", headers=headers)
    check_headers(prober, send, operation, world, body)
    check_query(prober, send, operation)
    if body is not None:
        check_body(prober, send, body)
    return prober.failures


def _touch(world: World, operation: Operation, chain: list, answer) -> None:
    """Remember what a request that worked wrote to (and forget what it deleted)."""
    if operation.method == "delete" and len(chain) == 1:
        world.touched[(operation.api.slug, _top(operation.path))].discard(chain[0].uuid)
    if "Location" in answer.headers:
        _touch_location(world, operation, answer.headers["Location"])


def _touch_location(world: World, operation: Operation, location: str) -> None:
    match = re.search(re.escape(operation.api.base_path) + r"(/[^/]+)/([0-9a-f-]{36})", location)
    if match:
        world.touched[(operation.api.slug, match.group(1))].add(match.group(2))


LISTS = [operation for operation in OPERATIONS if operation.is_list]


def read_lists(world: World) -> list[str]:
    """Every list that can show what was written, as the broker and both parties: the lists of
    both APIs, and the lists under each object written to (its audit trail, an order's parts)."""
    prober = Prober(Client(), world.tally)
    for operation in LISTS:
        if not operation.has_path_parameters:
            urls = [operation.url()]
        else:
            uuids = world.touched[(operation.api.slug, _top(operation.path))]
            urls = [operation.url(uuid) for uuid in sorted(uuids, key=str)]
        expand = [parameter for parameter in parameters(operation, "query") if parameter["name"] == "expand"]
        query = (
            f"?pageSize=100&expand={','.join(operation.component(expand[0]['schema']['items'])['enum'])}"
            if expand
            else "?pageSize=100"
        )
        for role in READERS:
            allowed = {200} if role == "broker" else set(EXPECTED[operation.id][role])
            for url in urls:
                _read_all_pages(prober, world, role, operation, url + query, allowed)
    return prober.failures


def _read_all_pages(prober: Prober, world: World, role: str, operation: Operation, url: str, allowed) -> None:
    while url:
        answer = prober.send(f"{operation.id} as {role} ({url[-60:]})", "get", url, headers=world.auth(role))
        if answer.status not in allowed:
            prober.failures.append(f"{answer.label}: {answer.status}, expected {sorted(allowed)}")
        if answer.status != 200:
            return
        url = answer.json.get("next") if answer.json else None


@pytest.mark.django_db
@pytest.mark.parametrize("operation", OPERATIONS, ids=[operation.id for operation in OPERATIONS])
def test_hostile_input(world, operation):
    world.touched.clear()
    failures = check_operation(world, operation)
    if operation.method != "get":
        failures += read_lists(world)
    assert not failures, f"{len(failures)} wrong answers:\n" + "\n".join(failures)
