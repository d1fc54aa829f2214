"""Order lines that name an aanbieding of another instance.

The peer's Catalogus API is another organisation's API, so it is mocked with requests-mock on
the zgw-consumers client; everything of this instance (database, services, API) is real. A peer
at its worst (trickling or sending too much): test_peer_deadlines.py.
"""

import datetime
import uuid

import pytest
import requests
import requests_mock
from django.utils import timezone

from softwarebroker.bestellingen.kanalen import BESTELLINGEN
from softwarebroker.bestellingen.models import Bestelling, Bestelregel, Statuswijziging
from softwarebroker.federatie import aanbiedingen as peer
from softwarebroker.federatie.models import PeerAanbieding
from softwarebroker.federatie.prijzen import PeerPrijs
from tests.conftest import invalid_param, problem
from tests.federatie.peer_offers import API, PEER, order, peer_aanbieding, peer_prijs

pytestmark = pytest.mark.django_db


def test_a_line_with_a_peers_offer_shows_the_peers_offer_supplier_and_prices(service, gemeente):
    aanbieding = peer_aanbieding()
    with requests_mock.Mocker() as mock:
        mock.get(aanbieding["url"], json=aanbieding, headers={"ETag": '"v1"'})
        response = order(gemeente, aanbieding["url"])

        assert response.status_code == 201, response.json()
        # Read through the Service's client: its credentials went along.
        assert mock.call_count == 1
        assert mock.last_request.headers["Authorization"] == "Token peer-sleutel"
    body = response.json()
    assert body["regels"][0]["aanbieding"] == aanbieding["url"]
    assert body["leverancier"] == aanbieding["leverancier"]
    assert body["regels"][0]["bedragEenmaligExclBtw"] == "500.00"
    assert body["regels"][0]["bedragPerJaarExclBtw"] == "50.00"
    assert body["totaalBtw"] == "115.50"
    copy = PeerAanbieding.objects.get(url=aanbieding["url"])
    assert (copy.etag, copy.service, copy.gegevens["naam"]) == ('"v1"', service, aanbieding["naam"])
    # Its notifications name the peer's supplier too.
    bestelling = Bestelling.objects.get(nummer=body["nummer"])
    assert BESTELLINGEN.get_kenmerken(bestelling)["leverancier"] == (aanbieding["leverancier"])
    # The detail reads it back the same way.
    detail = gemeente["afnemer"].get(body["url"]).json()
    assert detail["regels"][0]["aanbieding"] == aanbieding["url"]
    assert detail["leverancier"] == aanbieding["leverancier"]


@pytest.mark.parametrize("none", [None, ""], ids=["null", "empty-string-of-an-earlier-version"])
def test_a_peer_says_none_with_null_or_as_an_earlier_version_did(service, gemeente, none):
    aanbieding = peer_aanbieding(hostinglocatie=none)
    aanbieding["actuelePrijzen"][0]["periode"] = none  # the one-time price
    with requests_mock.Mocker() as mock:
        mock.get(aanbieding["url"], json=aanbieding)
        response = order(gemeente, aanbieding["url"])

    assert response.status_code == 201, response.json()
    assert response.json()["regels"][0]["bedragEenmaligExclBtw"] == "500.00"
    copy = PeerAanbieding.objects.get(url=aanbieding["url"]).gegevens
    assert copy["hostinglocatie"] is None  # kept as this version shows it
    assert [prijs["periode"] for prijs in copy["actuelePrijzen"]] == [None, "jaar"]


def test_a_peers_fee_per_order_counts_once_and_a_price_without_grondslag_per_unit(service, gemeente):
    aanbieding = peer_aanbieding()
    fee, per_year = aanbieding["actuelePrijzen"]
    fee["grondslag"] = "per_bestelling"
    assert "grondslag" not in per_year  # as a peer of an earlier version sends it
    with requests_mock.Mocker() as mock:
        mock.get(aanbieding["url"], json=aanbieding)
        response = order(gemeente, aanbieding["url"], aantal=5)

    assert response.status_code == 201, response.json()
    regel = response.json()["regels"][0]
    assert (regel["bedragEenmaligExclBtw"], regel["bedragPerJaarExclBtw"]) == ("100.00", "50.00")
    copy = PeerAanbieding.objects.get(url=aanbieding["url"])
    assert [prijs["grondslag"] for prijs in copy.gegevens["actuelePrijzen"]] == [
        "per_bestelling",
        "per_eenheid",
    ]
    assert [prijs.grondslag for prijs in copy.prijzen_valid_on(timezone.localdate())] == [
        "per_bestelling",
        "per_eenheid",
    ]


def test_a_peer_price_stored_without_grondslag_reads_per_unit():
    prijs = PeerPrijs.from_representation(peer_prijs(uuid.uuid4(), "eenmalig", None, "100.00"))

    assert prijs.grondslag == "per_eenheid"


def test_a_url_under_no_service_is_bad_url(service, gemeente):
    response = order(gemeente, f"https://elders.example.org/catalogus/api/v1/aanbiedingen/{uuid.uuid4()}")

    assert response.status_code == 400
    assert invalid_param(response.json(), "regels.0.aanbieding")["code"] == "bad-url"
    assert not Bestelling.objects.exists()


@pytest.mark.parametrize(
    "answer, reason",
    [
        ({"url": "x", "naam": "Leverancier BV", "kvkNummer": "12345678"}, "softwarepakket"),
        (peer_aanbieding(licentiemodel="gratis"), "licentiemodel"),
        (peer_aanbieding(actuelePrijzen=[{"bedragExclBtw": 12.5}]), "actuelePrijzen.0"),
        ([1, 2, 3], "geen JSON-object"),
    ],
    ids=["a-supplier", "unknown-licence-model", "broken-price", "a-list"],
)
def test_an_answer_that_is_no_offer_is_invalid_resource(service, gemeente, answer, reason):
    url = f"{PEER}aanbiedingen/{uuid.uuid4()}"
    if isinstance(answer, dict) and "actuelePrijzen" in answer:
        answer["url"] = url
    with requests_mock.Mocker() as mock:
        mock.get(url, json=answer)
        response = order(gemeente, url)

    assert response.status_code == 400
    error = invalid_param(response.json(), "regels.0.aanbieding")
    assert error["code"] == "invalid-resource"
    assert reason in error["reason"]
    assert not Bestelling.objects.exists() and not PeerAanbieding.objects.exists()


def test_an_offer_the_peer_does_not_know_is_reported_on_the_line(service, gemeente):
    url = f"{PEER}aanbiedingen/{uuid.uuid4()}"
    with requests_mock.Mocker() as mock:
        mock.get(url, status_code=404, json={"title": "Niet gevonden."})
        response = order(gemeente, url)

    assert response.status_code == 400
    assert invalid_param(response.json(), "regels.0.aanbieding")["code"] == "onbekend"


@pytest.mark.parametrize(
    "failure",
    [
        {"exc": requests.ConnectionError},
        {"exc": requests.ConnectTimeout},
        {"status_code": 503, "text": "onderhoud"},
    ],
    ids=["refused", "timeout", "5xx"],
)
def test_a_peer_that_is_down_when_ordering_is_a_clear_problem_and_saves_nothing(service, gemeente, failure):
    url = f"{PEER}aanbiedingen/{uuid.uuid4()}"
    with requests_mock.Mocker() as mock:
        mock.get(url, **failure)
        response = order(gemeente, url)

    assert response.status_code == 502
    assert problem(response)["code"] == "peer_onbereikbaar"
    assert "Catalogus van Regio Peer" in problem(response)["detail"]
    assert not Bestelling.objects.exists() and not Bestelregel.objects.exists()


def test_a_peer_framework_offer_is_ordered_at_the_peer(service, gemeente):
    aanbieding = peer_aanbieding(raamovereenkomst=f"{PEER}raamovereenkomsten/{uuid.uuid4()}")
    with requests_mock.Mocker() as mock:
        mock.get(aanbieding["url"], json=aanbieding)
        response = order(gemeente, aanbieding["url"])

    assert response.status_code == 400
    assert invalid_param(response.json(), "regels.0.aanbieding")["code"] == "raamovereenkomst_peer"


def test_the_copy_is_reused_while_fresh_and_revalidated_with_its_etag(service, gemeente, settings):
    settings.FEDERATIE_CACHE_SECONDS = 300
    aanbieding = peer_aanbieding()
    with requests_mock.Mocker() as mock:
        mock.get(aanbieding["url"], json=aanbieding, headers={"ETag": '"v1"'})
        assert order(gemeente, aanbieding["url"]).status_code == 201
        assert order(gemeente, aanbieding["url"]).status_code == 201
        assert mock.call_count == 1  # the second order used the copy

        # A notification of the peer marks it stale: the next use asks again, conditionally.
        assert peer.mark_stale([aanbieding["url"]]) == 1
        mock.get(aanbieding["url"], status_code=304, headers={"ETag": '"v1"'})
        assert order(gemeente, aanbieding["url"]).status_code == 201
        assert mock.call_count == 2
        assert mock.last_request.headers["If-None-Match"] == '"v1"'
    assert PeerAanbieding.objects.get().verouderd is False


def test_submission_reads_the_offer_again_and_freezes_the_peers_current_price(service, gemeente):
    aanbieding = peer_aanbieding()
    with requests_mock.Mocker() as mock:
        mock.get(aanbieding["url"], json=aanbieding, headers={"ETag": '"v1"'})
        created = order(gemeente, aanbieding["url"]).json()
        bestelling = Bestelling.objects.get(nummer=created["nummer"])

        # The peer raised its yearly price since.
        changed = peer_aanbieding(aanbieding["url"].rsplit("/", 1)[1])
        changed["actuelePrijzen"][1]["bedragExclBtw"] = "12.00"
        mock.get(aanbieding["url"], json=changed, headers={"ETag": '"v2"'})
        response = gemeente["afnemer"].post(
            f"{created['url']}/statuswijzigingen", {"naarStatus": "ter_goedkeuring"}
        )
        assert response.status_code == 201, response.json()
        assert mock.last_request.headers["If-None-Match"] == '"v1"'

    regel = Bestelregel.objects.get(bestelling=bestelling)
    assert str(regel.bedrag_per_jaar_excl_btw) == "60.00"
    assert regel.prijs_momentopname["perJaarExclBtw"] == "60.00"
    assert {prijs["prijs"] for prijs in regel.prijs_momentopname["prijzen"]} == {
        prijs["url"] for prijs in changed["actuelePrijzen"]
    }
    assert PeerAanbieding.objects.get().etag == '"v2"'


def test_a_peer_down_at_submission_leaves_the_order_as_it_was(service, gemeente):
    aanbieding = peer_aanbieding()
    with requests_mock.Mocker() as mock:
        mock.get(aanbieding["url"], json=aanbieding, headers={"ETag": '"v1"'})
        created = order(gemeente, aanbieding["url"]).json()
        mock.get(aanbieding["url"], exc=requests.ConnectionError)
        response = gemeente["afnemer"].post(
            f"{created['url']}/statuswijzigingen", {"naarStatus": "ter_goedkeuring"}
        )

    assert response.status_code == 502
    assert problem(response)["code"] == "peer_onbereikbaar"
    bestelling = Bestelling.objects.get(nummer=created["nummer"])
    assert bestelling.status == "concept" and bestelling.ingediend_op is None
    assert not Statuswijziging.objects.filter(bestelling=bestelling).exists()
    assert Bestelregel.objects.get(bestelling=bestelling).prijs_momentopname is None


def test_a_delivered_peer_line_gives_a_licence_naming_the_peers_offer(service, gemeente):
    aanbieding = peer_aanbieding()
    with requests_mock.Mocker() as mock:
        mock.get(aanbieding["url"], json=aanbieding, headers={"ETag": '"v1"'})
        created = order(gemeente, aanbieding["url"]).json()
        afnemer, budgethouder, broker = gemeente["afnemer"], gemeente["budgethouder"], gemeente["broker"]
        steps = [
            (afnemer, "statuswijzigingen", {"naarStatus": "ter_goedkeuring"}),
            (budgethouder, "beoordelingen", {"besluit": "goedgekeurd"}),
            # The supplier lives in the peer's catalogue: this instance's broker handles the order.
            (broker, "statuswijzigingen", {"naarStatus": "geaccepteerd"}),
            (broker, "statuswijzigingen", {"naarStatus": "in_behandeling"}),
            (
                broker,
                "leveringen",
                {"regel": 1, "type": "saas_omgeving", "verwijzing": "https://zaken.example"},
            ),
            (broker, "statuswijzigingen", {"naarStatus": "geleverd"}),
        ]
        for party, collection, data in steps:
            response = party.post(f"{created['url']}/{collection}", data)
            assert response.status_code == 201, (collection, data, response.json())

    # The list filters take the peer's URLs as shown.
    for query in (f"aanbieding={aanbieding['url']}", f"leverancier={aanbieding['leverancier']}"):
        found = afnemer.get(f"{API}/bestellingen?{query}").json()["results"]
        assert [item["url"] for item in found] == [created["url"]], query
    other = f"{PEER}aanbiedingen/{uuid.uuid4()}"
    assert afnemer.get(f"{API}/bestellingen?aanbieding={other}").json()["results"] == []
    by_softwarepakket = afnemer.get(f"{API}/licenties?softwarepakket={aanbieding['softwarepakket']}").json()[
        "results"
    ]
    assert [item["aanbieding"] for item in by_softwarepakket] == [aanbieding["url"]]

    licenties = afnemer.get(f"{API}/licenties").json()["results"]
    assert [(item["aanbieding"], item["aantal"]) for item in licenties] == [(aanbieding["url"], 5)]
    ingangsdatum = datetime.date.fromisoformat(licenties[0]["ingangsdatum"])
    assert licenties[0]["einddatum"] == ingangsdatum.replace(year=ingangsdatum.year + 1).isoformat()
