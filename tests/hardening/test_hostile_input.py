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

import re
from collections import defaultdict
from dataclasses import dataclass, field

import pytest
from django.db import transaction
from django.test import Client, override_settings

from softwarebroker.autorisaties.authentication import verified_tokens
from tests.auth import bearer
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
from tests.hardening.hostile_checks import (
    HEADER_VALUES,
    Body,
    check_body,
    check_headers,
    check_query,
    parameters,
    query_string,
    required_query,
    tolerated_headers,
)
from tests.organisaties.factories import OrganisatieFactory

from . import tally
from .hostile import Prober
from .tally import Tally

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
            tally.record(request.config, world.tally)  # shown in the run's summary


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
    both APIs, and the lists under each object written to (its audit trail, an order's parts).
    These are ordinary reads of 100 items with every expansion: what they must show is checked
    here, how fast they are by the benchmarks and the query-count tests, not by a clock on a
    shared machine."""
    prober = Prober(Client(), world.tally, max_seconds=None)
    for operation in LISTS:
        if not operation.has_path_parameters:
            urls = [operation.url()]
        else:
            uuids = world.touched[(operation.api.slug, _top(operation.path))]
            urls = _list_urls(world, operation, sorted(uuids, key=str))
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


def _list_urls(world: World, operation: Operation, uuids: list) -> list[str]:
    """The list's URLs under each object written to; a list two levels down (the status
    changes of a round's deelnames) under every item of the list above it, read as the broker."""
    placeholders = re.findall(r"\{[^}]+\}", operation.path)
    if len(placeholders) == 1:
        return [operation.url(uuid) for uuid in uuids]
    head, rest = operation.path.split("/" + placeholders[1], 1)
    client = Client()
    urls = []
    for uuid in uuids:
        parent = operation.api.base_path + head.replace(placeholders[0], str(uuid)) + "?pageSize=100"
        answer = client.get(parent, headers=world.auth("broker"))
        if answer.status_code == 200:
            urls += [item["url"] + rest for item in answer.json()["results"]]
    return urls


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
