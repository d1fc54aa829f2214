"""Federated search against real local peers: fast, slow, trickling, down or too large."""

import http.server
import json
import socket
import threading
import time

import pytest
from django.db import connections
from django.test import Client
from zgw_consumers.constants import APITypes, AuthTypes
from zgw_consumers.models import Service

from softwarebroker.catalogus import search
from softwarebroker.federatie import search as federatie
from softwarebroker.federatie.models import PeerCatalogus
from tests.auth import bearer
from tests.catalogus.factories import AanbiedingFactory

pytestmark = pytest.mark.django_db
URL = "/catalogus/api/v1/aanbiedingen/_zoeken"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def peer_server(results: list[dict], delay: float = 0.0, declare_length: bool = True):
    """A peer's Catalogus API on 127.0.0.1 answering every search with ``results`` (without
    ``declare_length``, the body's end is where the connection closes)."""
    return _server_on(free_port(), results, delay, declare_length)


def _server_on(port: int, results: list[dict], delay: float = 0.0, declare_length: bool = True):
    seen = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            seen.append((self.path, dict(self.headers)))
            time.sleep(delay)
            body = json.dumps(
                {"count": len(results), "next": None, "previous": None, "results": results}
            ).encode()
            try:
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                if declare_length:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up waiting: that is the point of the slow peer

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, seen


def add_peer(naam: str, port: int) -> PeerCatalogus:
    service = Service.objects.create(
        label=f"Catalogus {naam}",
        slug=f"catalogus-{naam}",
        api_type=APITypes.orc,
        api_root=f"http://127.0.0.1:{port}/catalogus/api/v1/",
        auth_type=AuthTypes.no_auth,
    )
    return PeerCatalogus.objects.create(naam=naam, service=service)


def remote(naam: str, number: int) -> dict:
    return {
        "url": f"http://{naam}.example/catalogus/api/v1/aanbiedingen/{number}",
        "naam": f"Zaaksysteem {naam} {number}",
    }


def test_a_slow_and_a_dead_peer_cost_at_most_the_timeout(client, settings):
    settings.FEDERATIE_TIMEOUT = 1
    AanbiedingFactory(naam="Zaaksysteem lokaal")
    search.refresh_aanbiedingen()
    fast, fast_seen = peer_server([remote("snel", 1), remote("snel", 2)])
    slow, _ = peer_server([remote("traag", 1)], delay=3)
    add_peer("snel", fast.server_port)
    add_peer("traag", slow.server_port)
    add_peer("weg", free_port())  # nothing listens there
    try:
        started = time.monotonic()
        response = client.get(f"{URL}?zoek=zaaksysteem&aantal=10")
        elapsed = time.monotonic() - started
    finally:
        fast.shutdown()
        slow.shutdown()

    assert response.status_code == 200, response.content
    body = response.json()
    assert elapsed < 1 + 1.5, elapsed  # the timeout plus a margin, not the slow peer's 3 s
    outcomes = {bron["naam"]: bron["status"] for bron in body["bronnen"]}
    assert outcomes == {"lokaal": "ok", "snel": "ok", "traag": "timeout", "weg": "fout"}
    assert [item["bron"] for item in body["results"]] == ["lokaal", "snel", "snel"]  # by rank, per source
    assert body["results"][0]["naam"] == "Zaaksysteem lokaal"
    assert fast_seen and "zoek=zaaksysteem" in fast_seen[0][0]


def test_results_found_twice_are_shown_once(client, settings):
    settings.FEDERATIE_TIMEOUT = 1
    shared = remote("gedeeld", 1)
    one, _ = peer_server([shared])
    two, _ = peer_server([shared, remote("twee", 2)])
    add_peer("een", one.server_port)
    add_peer("twee", two.server_port)
    try:
        body = client.get(f"{URL}?zoek=iets").json()
    finally:
        one.shutdown()
        two.shutdown()

    urls = [item["url"] for item in body["results"]]
    assert urls == [shared["url"], remote("twee", 2)["url"]]


def older_price(number: int, **values) -> dict:
    """A complete price of the peer (every property a price has), with ``values``."""
    return {
        "url": f"http://ouder.example/catalogus/api/v1/prijzen/{number}",
        "aanbieding": "http://ouder.example/catalogus/api/v1/aanbiedingen/1",
        "bedragExclBtw": "100.00",
        "btwPercentage": "21.00",
        "staffels": [],
        "doelgroep": "iedereen",
        "geldigVanaf": "2026-01-01",
        "geldigTot": None,
        **values,
    }


def test_a_peer_of_an_earlier_version_sending_empty_strings_is_shown_with_null(client, settings):
    settings.FEDERATIE_TIMEOUT = 1
    older = {
        **remote("ouder", 1),
        "hostinglocatie": "",
        "omschrijving": "",
        "actuelePrijzen": [
            older_price(1, prijstype="eenmalig", periode=""),
            older_price(2, prijstype="terugkerend", periode="jaar"),
        ],
    }
    peer, _ = peer_server([older])
    add_peer("ouder", peer.server_port)
    try:
        body = client.get(f"{URL}?zoek=iets").json()
    finally:
        peer.shutdown()

    (result,) = body["results"]
    assert result["hostinglocatie"] is None
    assert result["omschrijving"] == ""  # a text without a format is just empty
    assert [prijs["periode"] for prijs in result["actuelePrijzen"]] == [None, "jaar"]


def test_a_peer_answering_nonsense_is_a_fout(client, settings):
    settings.FEDERATIE_TIMEOUT = 1

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b'{"results": "geen lijst"}')

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    add_peer("vreemd", server.server_port)
    try:
        body = client.get(f"{URL}?zoek=iets").json()
    finally:
        server.shutdown()

    assert {bron["naam"]: bron["status"] for bron in body["bronnen"]}["vreemd"] == "fout"


def test_the_search_term_is_required(client):
    response = client.get(URL)

    assert response.status_code == 400
    assert {param["name"] for param in response.json()["invalidParams"]} == {"zoek"}


def test_outgoing_calls_carry_the_transaction_and_trace(client, settings):
    settings.FEDERATIE_TIMEOUT = 1
    peer, seen = peer_server([remote("snel", 1)])
    add_peer("snel", peer.server_port)
    traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
    try:
        client.get(URL + "?zoek=iets", HTTP_FSC_TRANSACTION_ID="tx-123", HTTP_TRACEPARENT=traceparent)
    finally:
        peer.shutdown()

    headers = seen[0][1]
    assert headers["Fsc-Transaction-Id"] == "tx-123"
    assert headers["traceparent"] == traceparent
    assert headers["X-NLX-Request-User-Id"] == "beheerder@broker.nl"


@pytest.mark.django_db(transaction=True)  # the client's thread reads the Service from the database
def test_a_peer_behind_an_nlx_outway_is_called_through_it_and_its_urls_rewritten_back(client, settings):
    settings.FEDERATIE_TIMEOUT = 1
    port = free_port()
    outway = f"http://127.0.0.1:{port}/00000001001589623000/softwarebroker/catalogus/api/v1/"
    fake_outway, seen = _server_on(port, [{"url": f"{outway}aanbiedingen/42", "naam": "Via de outway"}])
    service = Service.objects.create(
        label="Catalogus Andere Gemeente",
        slug="catalogus-andere-gemeente",
        api_type=APITypes.orc,
        api_root="https://softwarebroker.andere-gemeente.example/catalogus/api/v1/",
        nlx=outway,
        auth_type=AuthTypes.no_auth,
    )
    PeerCatalogus.objects.create(naam="andere-gemeente", service=service)
    try:
        body = client.get(URL + "?zoek=iets").json()
    finally:
        fake_outway.shutdown()

    assert seen[0][0].startswith("/00000001001589623000/softwarebroker/catalogus/api/v1/aanbiedingen?")
    result = next(item for item in body["results"] if item["bron"] == "andere-gemeente")
    assert result["url"] == "https://softwarebroker.andere-gemeente.example/catalogus/api/v1/aanbiedingen/42"


@pytest.fixture
def healthy():
    server, _ = peer_server([remote("gezond", 1), remote("gezond", 2)])
    yield server
    server.shutdown()
    server.server_close()


def search_timed(client) -> tuple[float, dict]:
    started = time.monotonic()
    response = client.get(f"{URL}?zoek=zaaksysteem&aantal=10")
    elapsed = time.monotonic() - started
    assert response.status_code == 200, response.content
    return elapsed, response.json()


# A trickling peer (a byte every 0.25 s of a megabyte) would hold a search for days: a search
# must end at its deadline of 1 s, plus the time its cut-off calls get to end (0.5 s), plus a
# margin for a machine busy with other tests (a search took 2.6-6.7 s there while they ran).
TRICKLING_BOUND = 1 + 0.5 + 6


def assert_healthy_ok_and_trickling_timeout(elapsed: float, body: dict):
    assert elapsed < TRICKLING_BOUND, elapsed  # the deadline, whatever the trickling peer does
    bronnen = {bron["naam"]: bron for bron in body["bronnen"]}
    assert bronnen["gezond"]["status"] == "ok", bronnen
    assert bronnen["gezond"]["aantal"] == 2
    assert bronnen["druppel"]["status"] == "timeout", bronnen
    assert bronnen["druppel"]["duurMs"] == 1000  # a timeout lasts the deadline
    assert [item["bron"] for item in body["results"]] == ["gezond", "gezond"]


@pytest.mark.django_db(transaction=True)  # the concurrent searches read the peers in their own threads
def test_a_trickling_peer_never_costs_a_healthy_peer_anything(client, broker, settings, trickling, healthy):
    settings.FEDERATIE_TIMEOUT = 1
    druppel = trickling()
    add_peer("gezond", healthy.server_port)
    add_peer("druppel", druppel.port)

    # More searches than the pool has threads: each one a trickling call that must not stay.
    for _ in range(federatie.POOL_SIZE + 4):
        assert_healthy_ok_and_trickling_timeout(*search_timed(client))

    # And a few at once, each with its own client.
    def concurrent_search(outcomes):
        try:
            outcomes.append(search_timed(Client(headers=bearer(broker.client_id))))
        finally:
            connections.close_all()

    outcomes = []
    threads = [threading.Thread(target=concurrent_search, args=(outcomes,)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(outcomes) == 4
    for outcome in outcomes:
        assert_healthy_ok_and_trickling_timeout(*outcome)

    assert druppel.served == federatie.POOL_SIZE + 4 + 4
    assert druppel.idle_within(1), f"{druppel.open} calls to the trickling peer still open"


def test_a_peer_trickling_its_headers_is_cut_off_at_the_deadline(client, settings, trickling, healthy):
    settings.FEDERATIE_TIMEOUT = 1
    druppel = trickling(slow_headers=True)
    add_peer("gezond", healthy.server_port)
    add_peer("druppel", druppel.port)

    for _ in range(3):
        assert_healthy_ok_and_trickling_timeout(*search_timed(client))

    assert druppel.served == 3
    assert druppel.idle_within(1), f"{druppel.open} calls to the trickling peer still open"


def test_each_source_reports_its_own_duration(client, settings):
    settings.FEDERATIE_TIMEOUT = 2
    AanbiedingFactory(naam="Zaaksysteem lokaal")
    search.refresh_aanbiedingen()
    fast, _ = peer_server([remote("snel", 1)])
    slow, _ = peer_server([remote("traag", 1)], delay=0.5)
    add_peer("snel", fast.server_port)
    add_peer("traag", slow.server_port)
    try:
        _, body = search_timed(client)
    finally:
        fast.shutdown()
        slow.shutdown()

    bronnen = {bron["naam"]: bron for bron in body["bronnen"]}
    assert [bron["status"] for bron in bronnen.values()] == ["ok", "ok", "ok"]
    assert 500 <= bronnen["traag"]["duurMs"] < 2000
    assert bronnen["snel"]["duurMs"] < bronnen["traag"]["duurMs"] - 200, bronnen
    assert bronnen["lokaal"]["duurMs"] < bronnen["traag"]["duurMs"] - 200, bronnen


def test_a_call_that_finds_no_free_thread_in_time_says_so(client, settings, trickling, healthy, monkeypatch):
    settings.FEDERATIE_TIMEOUT = 1
    one_thread = federatie.ThreadPoolExecutor(max_workers=1)
    monkeypatch.setattr(federatie, "_executor", one_thread)
    druppel = trickling()
    add_peer("a-druppel", druppel.port)  # first in line (peers go by name), holding the one thread
    add_peer("gezond", healthy.server_port)
    try:
        elapsed, body = search_timed(client)
    finally:
        one_thread.shutdown(wait=False, cancel_futures=True)

    assert elapsed < TRICKLING_BOUND, elapsed
    bronnen = {bron["naam"]: bron for bron in body["bronnen"]}
    assert bronnen["a-druppel"]["status"] == "timeout"
    assert bronnen["a-druppel"]["melding"] == "geen antwoord binnen 1 s"
    assert bronnen["gezond"]["status"] == "timeout"
    assert bronnen["gezond"]["melding"].startswith("niet gestart binnen 1 s")
    assert druppel.idle_within(1)


@pytest.mark.parametrize("declare_length", [True, False])
def test_an_answer_larger_than_the_limit_is_a_fout(client, settings, declare_length):
    settings.FEDERATIE_TIMEOUT = 2
    padding = "x" * (federatie.MAX_ANTWOORD + 1)
    item = {"url": "http://groot.example/catalogus/api/v1/aanbiedingen/1", "naam": padding}
    big, _ = peer_server([item], declare_length=declare_length)
    add_peer("groot", big.server_port)
    try:
        _, body = search_timed(client)
    finally:
        big.shutdown()

    bron = next(bron for bron in body["bronnen"] if bron["naam"] == "groot")
    assert (bron["status"], bron["melding"]) == ("fout", "ResponseTooLarge")
    assert body["results"] == []
