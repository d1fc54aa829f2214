"""Order lines naming another instance's offer, with the peer at its worst: a real server on
127.0.0.1 that trickles its answer or sends too much of it. The offer is read within the peer
Service's timeout and up to a size cap; past either, nothing is saved."""

import json
import time
import uuid

import pytest
import requests_mock
from zgw_consumers.constants import APITypes, AuthTypes
from zgw_consumers.models import Service

from softwarebroker.bestellingen.models import Bestelling, Bestelregel, Statuswijziging
from softwarebroker.federatie import aanbiedingen as peer
from softwarebroker.federatie.models import PeerAanbieding
from tests.conftest import invalid_param, problem
from tests.federatie.peer_offers import order, peer_aanbieding
from tests.federatie.support import LargePeer

pytestmark = pytest.mark.django_db


def local_service(port: int, timeout: int) -> Service:
    return Service.objects.create(
        label="Catalogus van Regio Peer",
        slug="peer-catalogus",
        api_type=APITypes.orc,
        api_root=f"http://127.0.0.1:{port}/catalogus/api/v1/",
        auth_type=AuthTypes.no_auth,
        timeout=timeout,
    )


def local_offer_url(port: int) -> str:
    return f"http://127.0.0.1:{port}/catalogus/api/v1/aanbiedingen/{uuid.uuid4()}"


@pytest.mark.parametrize("slow_headers", [False, True], ids=["body", "headers"])
def test_a_peer_trickling_its_offer_is_cut_off_at_the_services_timeout(gemeente, trickling, slow_headers):
    # A byte a second: each wait for a byte is shorter than the Service's timeout, so only a
    # deadline for the whole read ends it (the peer would send for days; it gives up after 8 s).
    druppel = trickling(interval=1.0, slow_headers=slow_headers, give_up_after=8)
    local_service(druppel.port, timeout=2)

    started = time.monotonic()
    response = order(gemeente, local_offer_url(druppel.port))
    elapsed = time.monotonic() - started

    assert elapsed < 2 + 1.5, elapsed  # the timeout plus a margin
    assert response.status_code == 502, response.content
    assert problem(response)["code"] == "peer_onbereikbaar"
    assert "geen antwoord binnen de tijdslimiet" in problem(response)["detail"]
    assert not Bestelling.objects.exists() and not Bestelregel.objects.exists()
    assert not PeerAanbieding.objects.exists()
    assert druppel.idle_within(1.5), "the call to the trickling peer is still open"


def test_a_peer_trickling_at_submission_leaves_the_order_as_it_was(gemeente, trickling):
    druppel = trickling(interval=1.0, give_up_after=8)
    local_service(druppel.port, timeout=2)
    url = local_offer_url(druppel.port)
    aanbieding = peer_aanbieding(url=url)
    with requests_mock.Mocker() as mock:  # the peer was fine when the order was made
        mock.get(url, json=aanbieding, headers={"ETag": '"v1"'})
        created = order(gemeente, url).json()

    started = time.monotonic()
    response = gemeente["afnemer"].post(
        f"{created['url']}/statuswijzigingen", {"naarStatus": "ter_goedkeuring"}
    )
    elapsed = time.monotonic() - started

    assert response.status_code == 502, response.content
    assert problem(response)["code"] == "peer_onbereikbaar"
    assert elapsed < 2 + 1.5, elapsed
    bestelling = Bestelling.objects.get(nummer=created["nummer"])
    assert bestelling.status == "concept" and bestelling.ingediend_op is None
    assert not Statuswijziging.objects.filter(bestelling=bestelling).exists()
    assert Bestelregel.objects.get(bestelling=bestelling).prijs_momentopname is None
    assert PeerAanbieding.objects.get().etag == '"v1"'


@pytest.mark.parametrize("declare_length", [True, False], ids=["content-length", "until-closed"])
def test_an_offer_larger_than_the_limit_is_refused_without_reading_it_all(gemeente, declare_length):
    # A valid aanbieding followed by 64 MB of spaces: still valid JSON, far too large.
    groot = LargePeer(64 * 1024 * 1024, declare_length=declare_length)
    try:
        url = local_offer_url(groot.port)
        groot.body = json.dumps(peer_aanbieding(url=url)).encode()
        local_service(groot.port, timeout=10)

        response = order(gemeente, url)

        assert response.status_code == 400, response.content
        error = invalid_param(response.json(), "regels.0.aanbieding")
        assert error["code"] == "invalid-resource"
        assert f"groter dan {peer.MAX_AANBIEDING} bytes" in error["reason"]
        assert not Bestelling.objects.exists() and not PeerAanbieding.objects.exists()
        assert groot.finished.wait(5), "the peer is still sending"
        assert groot.sent < groot.total, "the whole answer was read"
    finally:
        groot.stop()


def test_a_large_error_page_is_an_unreachable_peer(gemeente):
    groot = LargePeer(8 * 1024 * 1024, status=503)
    groot.body = b"<html>onderhoud</html>"
    try:
        local_service(groot.port, timeout=10)
        response = order(gemeente, local_offer_url(groot.port))
    finally:
        groot.stop()

    assert response.status_code == 502, response.content
    assert problem(response)["code"] == "peer_onbereikbaar"
    assert not Bestelling.objects.exists()
