"""The representation engine's reads compiled once per shape give what the ORM gives."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from softwarebroker.api import compiled_reads, resources
from softwarebroker.api.representation_engine import Context, plan_for
from softwarebroker.bestellingen import services
from softwarebroker.bestellingen.api.serializers import BestellingSerializer
from softwarebroker.bestellingen.models import Bestelling, Licentie, Statuswijziging
from tests.api.offers import offer_with_prices_and_declarations
from tests.bestellingen.helpers import Partijen, aanbieding_with_prijzen

pytestmark = pytest.mark.django_db


@pytest.fixture
def ingediend():
    """Two submitted orders of two lines each (so two licences, each with its source line)."""
    partijen = Partijen()
    tweede = aanbieding_with_prijzen(leverancier=partijen.aanbieding.leverancier)
    bestellingen = []
    for aantal in (3, 7):
        bestelling = services.create_bestelling(
            acting=partijen.afnemer,
            besteller=partijen.organisatie,
            regels=[
                {"aanbieding": partijen.aanbieding, "aantal": aantal},
                {"aanbieding": tweede, "aantal": 2},
            ],
            kostenplaats="ICT",
        )
        services.change_status(acting=partijen.afnemer, bestelling=bestelling, naar="ter_goedkeuring")
        bestellingen.append(bestelling)
    return bestellingen


def _everything(bestellingen):
    licenties = list(Licentie.objects.order_by("pk"))
    statuswijzigingen = list(Statuswijziging.objects.order_by("pk"))
    expanded = plan_for(BestellingSerializer, None, ("besteller",))
    return {
        "bestellingen": [resources.represent(bestelling) for bestelling in bestellingen],
        "licenties": [resources.represent(licentie) for licentie in licenties],
        "statuswijzigingen": [resources.represent(statuswijziging) for statuswijziging in statuswijzigingen],
        "many": resources.represent_many(Bestelling, [bestelling.pk for bestelling in bestellingen]),
        "expanded": expanded.represent_keys([bestelling.pk for bestelling in bestellingen], Context(None)),
    }


def test_compiled_reads_give_what_the_orm_gives(ingediend, monkeypatch):
    monkeypatch.setattr(compiled_reads, "_compiled", {})
    compiled = _everything(ingediend)
    assert compiled_reads._compiled and all(compiled_reads._compiled.values())

    monkeypatch.setattr(compiled_reads, "_compiled", {})
    monkeypatch.setattr(compiled_reads, "_compile", lambda *arguments: None)  # every read through the ORM
    through_the_orm = _everything(ingediend)

    assert compiled == through_the_orm
    shown = compiled["bestellingen"][0]
    assert [regel["aantal"] for regel in shown["regels"]] == [3, 2]
    assert shown["totaalEenmaligExclBtw"] == "500.00" and shown["status"] == "ter_goedkeuring"
    assert len(compiled["licenties"]) == 4 and all(
        len(licentie["bronregels"]) == 1 for licentie in compiled["licenties"]
    )
    assert compiled["expanded"][0]["_expand"]["besteller"]["naam"] == ingediend[0].besteller.naam


def test_a_shape_is_compiled_once_and_read_again_with_other_keys(ingediend, monkeypatch):
    monkeypatch.setattr(compiled_reads, "_compiled", {})
    compiles = []
    compile_once = compiled_reads._compile
    monkeypatch.setattr(
        compiled_reads, "_compile", lambda *arguments: compiles.append(1) or compile_once(*arguments)
    )
    first, second = ingediend

    with CaptureQueriesContext(connection) as one:
        resources.represent(first)
    compiled_after_one = len(compiles)
    with CaptureQueriesContext(connection) as other:
        resources.represent(second)

    assert compiled_after_one == 2  # the order's row and its lines
    assert len(compiles) == 2  # nothing compiled again
    assert [query["sql"].split(" = ANY(")[0] for query in one.captured_queries] == [
        query["sql"].split(" = ANY(")[0] for query in other.captured_queries
    ]
    assert len(other.captured_queries) == 2
    assert resources.represent(Bestelling(pk=-1)) is None


def test_a_pages_current_prices_compiled_once_are_the_orms_for_every_day(client, monkeypatch):
    offers = [offer_with_prices_and_declarations() for _ in range(3)]
    urls = [
        "/catalogus/api/v1/aanbiedingen?fields=actuelePrijzen",
        "/catalogus/api/v1/aanbiedingen?fields=actuelePrijzen&geldigOp=2099-06-01",
    ]
    monkeypatch.setattr(compiled_reads, "_compiled", {})
    compiled = [client.get(url).json()["results"] for url in urls]
    assert compiled_reads._compiled[("actuelePrijzen",)] is not None

    monkeypatch.setattr(compiled_reads, "_compiled", {})
    monkeypatch.setattr(compiled_reads, "_compile", lambda *arguments: None)  # every read through the ORM
    through_the_orm = [client.get(url).json()["results"] for url in urls]

    assert compiled == through_the_orm
    today, later = ([len(offer["actuelePrijzen"]) for offer in page] for page in compiled)
    assert today == [2] * len(offers) and later == [3] * len(offers)  # the 2099 fee from 2099 on
