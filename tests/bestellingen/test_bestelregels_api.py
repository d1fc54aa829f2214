"""The lines of an order as resources of their own (``/bestellingen/{uuid}/regels``): read by
exactly whoever may read the order, the same as the lines inline in the order; and a licence's
``bronregels``, the URLs of the lines that made and changed it."""

import datetime
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from softwarebroker.bestellingen.constants import BestellingStatus
from softwarebroker.bestellingen.models import Bestelling
from tests.catalogus.factories import LeverancierFactory
from tests.conftest import problem
from tests.organisaties.factories import OrganisatieFactory

from .factories import BestellingFactory, LicentieFactory
from .helpers import aanbieding_with_prijzen
from .test_api import API, Party

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    organisatie = OrganisatieFactory(naam="Gemeente Voorbeeldstad")
    aanbieding = aanbieding_with_prijzen()
    bestelling = BestellingFactory(besteller=organisatie, aanbieding=aanbieding, aantal_regels=2)
    return {
        "organisatie": organisatie,
        "aanbieding": aanbieding,
        "bestelling": bestelling,
        "afnemer": Party("afnemer", "afnemer", organisatie=organisatie, user_id="inkoper@voorbeeldstad.nl"),
        "leverancier": Party(
            "leverancier", "leverancier", leverancier=aanbieding.leverancier, user_id="support@leverancier.nl"
        ),
        "broker": Party("broker", "broker", user_id="beheer@broker.nl"),
        "andere_afnemer": Party(
            "andere-afnemer", "afnemer", organisatie=OrganisatieFactory(), user_id="inkoper@elders.nl"
        ),
        "andere_leverancier": Party(
            "andere-leverancier", "leverancier", leverancier=LeverancierFactory(), user_id="x@elders.nl"
        ),
    }


def regel_url(regel) -> str:
    return f"{API}/bestellingen/{regel.bestelling.uuid}/regels/{regel.uuid}"


@pytest.mark.parametrize("party", ["afnemer", "leverancier", "broker"])
def test_the_lines_are_read_by_whoever_reads_the_order(world, party):
    bestelling = world["bestelling"]
    client = world[party]
    inline = client.get(f"{API}/bestellingen/{bestelling.uuid}").json()["regels"]

    listed = client.get(f"{API}/bestellingen/{bestelling.uuid}/regels")
    first = client.get(inline[0]["url"])

    assert listed.status_code == 200
    body = listed.json()
    assert (body["count"], body["results"]) == (2, inline)
    assert [regel["url"] for regel in body["results"]] == [
        regel_url(regel) for regel in bestelling.regels.order_by("volgnummer")
    ]
    assert [regel["volgnummer"] for regel in body["results"]] == [1, 2]
    assert first.status_code == 200
    assert first.json() == inline[0]


def test_every_line_url_in_the_order_resolves_to_that_line(world):
    bestelling = world["bestelling"]
    for regel in world["afnemer"].get(f"{API}/bestellingen/{bestelling.uuid}").json()["regels"]:
        response = world["afnemer"].get(regel["url"])
        assert response.status_code == 200
        assert response.json() == regel
        assert response.json()["aanbieding"].endswith(f"/aanbiedingen/{world['aanbieding'].uuid}")


@pytest.mark.parametrize("party", ["andere_afnemer", "andere_leverancier"])
def test_another_tenant_gets_404_as_for_an_unknown_order(world, party):
    bestelling = world["bestelling"]
    regel = bestelling.regels.order_by("volgnummer").first()
    unknown = world[party].get(f"{API}/bestellingen/{uuid.uuid4()}/regels")

    listed = world[party].get(f"{API}/bestellingen/{bestelling.uuid}/regels")
    read = world[party].get(regel_url(regel))

    for response in (unknown, listed, read):
        assert response.status_code == 404
    assert {key: value for key, value in problem(listed).items() if key != "instance"} == {
        key: value for key, value in problem(unknown).items() if key != "instance"
    }
    assert problem(read)["code"] == problem(unknown)["code"]
    assert "Voorbeeldstad" not in listed.content.decode() + read.content.decode()


def test_the_supplier_does_not_see_the_lines_of_an_order_not_sent(world):
    concept = BestellingFactory(
        besteller=world["organisatie"], aanbieding=world["aanbieding"], status=BestellingStatus.CONCEPT
    )

    assert world["afnemer"].get(f"{API}/bestellingen/{concept.uuid}/regels").status_code == 200
    assert world["leverancier"].get(f"{API}/bestellingen/{concept.uuid}/regels").status_code == 404
    assert world["leverancier"].get(regel_url(concept.regels.get())).status_code == 404


def test_a_line_is_found_only_under_its_own_order(world):
    ander = BestellingFactory(besteller=world["organisatie"], aanbieding=world["aanbieding"])
    regel = ander.regels.get()

    response = world["afnemer"].get(f"{API}/bestellingen/{world['bestelling'].uuid}/regels/{regel.uuid}")

    assert response.status_code == 404


def test_lines_are_read_only(world):
    url = f"{API}/bestellingen/{world['bestelling'].uuid}/regels"
    regel = world["bestelling"].regels.order_by("volgnummer").first()

    assert world["afnemer"].post(url, {"aanbieding": "x", "aantal": 1}).status_code == 405
    assert world["afnemer"].send("PATCH", regel_url(regel), {"aantal": 1}).status_code == 405
    assert world["afnemer"].send("DELETE", regel_url(regel), {}).status_code == 405


# --- a licence's bronregels -------------------------------------------------------------------


def test_bronregels_are_the_urls_of_the_lines_that_made_and_changed_the_licence(world):
    aanbieding = aanbieding_with_prijzen(
        looptijd_maanden=12, verlengingstermijn_maanden=6, max_verlengingen=3, opzegtermijn_dagen=14
    )
    ingang = timezone.localdate() - datetime.timedelta(days=30)
    licentie = LicentieFactory(
        organisatie=world["organisatie"],
        aanbieding=aanbieding,
        ingangsdatum=ingang,
        einddatum=ingang.replace(year=ingang.year + 1),
        opzegtermijn_dagen=14,
    )
    verlenging = BestellingFactory(
        besteller=world["organisatie"],
        aanbieding=aanbieding,
        actie="verlengen",
        licentie=licentie,
        status=BestellingStatus.GELEVERD,
    )
    aanschaf = Bestelling.objects.filter(regels__aanbieding=aanbieding).exclude(pk=verlenging.pk).get()
    licentie_url = f"{API}/licenties/{licentie.uuid}"

    body = world["afnemer"].get(licentie_url).json()

    assert body["bronregels"] == [regel_url(aanschaf.regels.get()), regel_url(verlenging.regels.get())]
    made, renewed = (world["afnemer"].get(url) for url in body["bronregels"])
    assert (made.status_code, renewed.status_code) == (200, 200)
    assert (made.json()["actie"], made.json()["status"]) == ("nieuw", "geleverd")
    assert (renewed.json()["actie"], renewed.json()["licentie"]) == ("verlengen", licentie_url)


def test_the_licence_list_reads_bronregels_in_one_query_for_the_page(world):
    # The order of ``world`` has asked for a licence per line already.
    def count_queries() -> tuple[int, list]:
        with CaptureQueriesContext(connection) as queries:
            response = world["afnemer"].get(f"{API}/licenties")
        assert response.status_code == 200
        return len(queries), response.json()["results"]

    LicentieFactory(organisatie=world["organisatie"])
    few, results = count_queries()
    for _ in range(3):
        LicentieFactory(organisatie=world["organisatie"])
    many, more = count_queries()

    assert len(more) == len(results) + 3 == 6
    assert all(len(licentie["bronregels"]) == 1 for licentie in more)
    assert many == few
