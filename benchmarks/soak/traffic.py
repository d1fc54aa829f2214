"""The soak's traffic: a locustfile (run by ``benchmarks.soak``, not on its own).

Each simulated client acts for one organisation (``SOAK_PLAN``, written by ``benchmarks.soak.data``)
and picks, per request, from the mix of the issue: 70 % catalogue reads (lists of offers with
filters, searches, details, packages), 20 % reads of its organisation's orders (list pages,
details) and 10 % writes, each write one step of an order it walks through the state machine
the way the parties do (created and submitted by the afnemer, approved by the budget holder,
accepted, started and delivered by the supplier; now and then withdrawn, rejected, sent back
or refused). Every write the API acknowledged is appended to ``SOAK_WRITES`` (JSON lines), so
the database can be checked against it afterwards.

At ``SOAK_END`` (seconds since the epoch) each client stops once its request in flight is
answered, and locust quits when the last has stopped: every request of the run is in the
statistics, and nothing is cut off halfway.

Imports only locust and the standard library: it runs in locust's own process.
"""

from __future__ import annotations

import itertools
import json
import os
import random as randomness
import time
import uuid
from urllib.parse import urlencode, urlsplit

import gevent
from locust import FastHttpUser, constant, events, task
from locust.exception import StopUser

CATALOGUS = "/catalogus/api/v1"
BESTELLINGEN = "/bestellingen/api/v1"

with open(os.environ["SOAK_PLAN"]) as _file:
    PLAN = json.load(_file)
_WRITES = open(os.environ["SOAK_WRITES"], "a", buffering=1)  # noqa: SIM115 - open for the whole run
END = float(os.environ["SOAK_END"])


@events.test_start.add_listener
def _quit_when_all_stopped(environment, **kwargs):
    def watch():
        while not (time.time() >= END and environment.runner.user_count == 0):
            gevent.sleep(0.5)
        environment.runner.quit()

    gevent.spawn(watch)


def _log(**write) -> None:
    # One line per write; locust's users are greenlets of one thread, so lines never interleave.
    _WRITES.write(json.dumps(write) + "\n")


def _path(url: str) -> str:
    return urlsplit(url).path


def _uuid(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[1]


class Order:
    """An order being walked through the state machine by one client."""

    def __init__(self, leverancier: dict):
        self.leverancier = leverancier
        self.url = ""
        self.status = "nieuw"
        self.regels: list[int] = []  # volgnummers
        self.geleverd: list[int] = []
        self.sent_back = False


class SoakClient(FastHttpUser):
    wait_time = constant(float(os.environ.get("SOAK_WAIT", "0")))
    _numbers = itertools.count()

    def on_start(self):
        self.number = next(SoakClient._numbers)
        # Which request comes next, not a secret.
        self.random = randomness.Random(f"{PLAN['run']}-{self.number}")  # noqa: S311
        organisaties = PLAN["organisaties"]
        self.organisatie = organisaties[self.number % len(organisaties)]
        self.afnemer = {"Authorization": f"Bearer {self.organisatie['afnemer']}"}
        self.budgethouder = {"Authorization": f"Bearer {self.organisatie['budgethouder']}"}
        self.own: list[str] = []  # uuids of the orders this client made, for its detail reads
        self.order: Order | None = None

    # --- requests -------------------------------------------------------------------------

    def _get(self, path: str, name: str, params: dict | None = None) -> None:
        url = f"{path}?{urlencode(params)}" if params else path
        with self.client.get(url, headers=self.afnemer, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}: {(response.text or '')[:600]}")

    def _post(self, path: str, body: dict, headers: dict, name: str) -> dict | None:
        headers = {**headers, "Content-Type": "application/json", "Idempotency-Key": str(uuid.uuid4())}
        with self.client.post(
            path, data=json.dumps(body), headers=headers, name=name, catch_response=True
        ) as response:
            if response.status_code != 201:
                response.failure(f"{response.status_code}: {(response.text or '')[:600]}")
                return None
            return response.json()

    # --- 70 %: the catalogue --------------------------------------------------------------

    def _stop_at_the_end(self) -> None:
        if time.time() >= END:
            raise StopUser()

    @task(70)
    def catalogus(self):
        self._stop_at_the_end()
        random = self.random
        choice = random.choices(
            ["list", "zoek", "detail", "pakketten", "pakket"], weights=[20, 15, 20, 7, 8]
        )[0]
        if choice == "list":
            # The broad filters are paged through (their first pages), the narrow ones not.
            params = random.choice(
                [
                    {"page": random.randint(1, 3)},
                    {"leveringsvorm": "saas", "page": random.randint(1, 3)},
                    {"licentiemodel": "per_gebruiker", "page": random.randint(1, 2)},
                    {"hostinglocatie": "nl", "leveringsvorm": "saas"},
                    {"categorie": random.choice(PLAN["filter_categorieen"])},
                    {"leverancier": random.choice(PLAN["filter_leveranciers"])},
                    {"volledigVerklaard": "true"},
                ]
            )
            if random.random() < 0.2:
                params["pageSize"] = 100
            self._get(f"{CATALOGUS}/aanbiedingen", "catalogue: aanbiedingen list (filters)", params)
        elif choice == "zoek":
            params = {"zoek": random.choice(PLAN["zoektermen"]), "pageSize": 20}
            self._get(f"{CATALOGUS}/aanbiedingen", "catalogue: aanbiedingen zoek", params)
        elif choice == "detail":
            uuid_ = random.choice(PLAN["aanbiedingen"])
            self._get(f"{CATALOGUS}/aanbiedingen/{uuid_}", "catalogue: aanbieding detail")
        elif choice == "pakketten":
            params = random.choice(
                [{"page": random.randint(1, 3)}, {"categorie": random.choice(PLAN["filter_categorieen"])}]
            )
            self._get(f"{CATALOGUS}/softwarepakketten", "catalogue: softwarepakketten list", params)
        else:
            uuid_ = random.choice(PLAN["softwarepakketten"])
            self._get(f"{CATALOGUS}/softwarepakketten/{uuid_}", "catalogue: softwarepakket detail")

    # --- 20 %: the organisation's orders --------------------------------------------------

    @task(20)
    def bestellingen_lezen(self):
        self._stop_at_the_end()
        random = self.random
        if random.random() < 0.5:
            params = random.choice(
                [{"page": random.randint(1, 3)}, {"status": "geleverd"}, {"status": "ter_goedkeuring"}]
            )
            self._get(f"{BESTELLINGEN}/bestellingen", "order read: list (own organisation)", params)
        else:
            pool = self.own if self.own and random.random() < 0.5 else self.organisatie["bestellingen"]
            self._get(f"{BESTELLINGEN}/bestellingen/{random.choice(pool)}", "order read: detail")

    # --- 10 %: one step of an order's life ------------------------------------------------

    @task(10)
    def bestellingen_schrijven(self):
        self._stop_at_the_end()
        order = self.order
        if order is None:
            order = self.order = Order(self.random.choice(PLAN["leveranciers"]))
        step = {
            "nieuw": self._create,
            "concept": self._submit,
            "ter_goedkeuring": self._assess,
            "ingediend": self._accept,
            "geaccepteerd": self._start,
            "in_behandeling": self._deliver,
        }[order.status]
        if not step(order):
            self.order = None  # failed (counted by locust) or finished: the next write starts anew

    def _transition(self, order: Order, naar: str, headers: dict, name: str, toelichting: str = "") -> bool:
        body = {"naarStatus": naar, **({"toelichting": toelichting} if toelichting else {})}
        if self._post(f"{_path(order.url)}/statuswijzigingen", body, headers, name) is None:
            return False
        _log(bestelling=_uuid(order.url), naar=naar)
        order.status = naar
        return True

    def _create(self, order: Order) -> bool:
        aanbiedingen = self.random.sample(order.leverancier["aanbiedingen"], self.random.randint(1, 3))
        body = {
            "besteller": self.organisatie["url"],
            "kostenplaats": PLAN["run"],
            "regels": [{"aanbieding": url, "aantal": self.random.randint(1, 40)} for url in aanbiedingen],
        }
        created = self._post(f"{BESTELLINGEN}/bestellingen", body, self.afnemer, "order write: create")
        if created is None:
            return False
        order.url, order.status = created["url"], "concept"
        order.regels = [regel["volgnummer"] for regel in created["regels"]]
        self.own.append(_uuid(order.url))
        _log(bestelling=_uuid(order.url), naar="concept")
        return True

    def _submit(self, order: Order) -> bool:
        return self._transition(order, "ter_goedkeuring", self.afnemer, "order write: submit (afnemer)")

    def _assess(self, order: Order) -> bool:
        draw = self.random.random()
        if draw < 0.05:
            self._transition(order, "ingetrokken", self.afnemer, "order write: withdraw (afnemer)")
            return False
        besluit, naar, toelichting = "goedgekeurd", "ingediend", ""
        if draw < 0.15:
            besluit, naar, toelichting = "afgewezen", "afgewezen", "Past niet in de begroting."
        elif draw < 0.20 and not order.sent_back:
            besluit, naar, toelichting = "aanvulling_gevraagd", "concept", "Graag het aantal toelichten."
        body = {"besluit": besluit, **({"toelichting": toelichting} if toelichting else {})}
        name = f"order write: assess {besluit} (budgethouder)"
        if self._post(f"{_path(order.url)}/beoordelingen", body, self.budgethouder, name) is None:
            return False
        _log(bestelling=_uuid(order.url), naar=naar)
        order.status, order.sent_back = naar, order.sent_back or naar == "concept"
        return naar not in ("afgewezen",)

    def _supplier(self, order: Order) -> dict:
        return {"Authorization": f"Bearer {order.leverancier['token']}"}

    def _accept(self, order: Order) -> bool:
        if self.random.random() < 0.05:
            name = "order write: refuse (leverancier)"
            self._transition(order, "geweigerd", self._supplier(order), name, "Niet leverbaar.")
            return False
        return self._transition(
            order, "geaccepteerd", self._supplier(order), "order write: accept (leverancier)"
        )

    def _start(self, order: Order) -> bool:
        return self._transition(
            order, "in_behandeling", self._supplier(order), "order write: start (leverancier)"
        )

    def _deliver(self, order: Order) -> bool:
        open_regels = [regel for regel in order.regels if regel not in order.geleverd]
        if not open_regels:
            self._transition(order, "geleverd", self._supplier(order), "order write: complete (leverancier)")
            return False
        regel = open_regels[0]
        body = {"regel": regel, "type": "licentiesleutel", "geheim": f"SOAK-{uuid.uuid4()}"}
        name = "order write: delivery (leverancier)"
        if self._post(f"{_path(order.url)}/leveringen", body, self._supplier(order), name) is None:
            return False
        order.geleverd.append(regel)
        _log(bestelling=_uuid(order.url), levering=regel)
        return True
