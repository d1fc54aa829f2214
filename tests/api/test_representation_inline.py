"""A one-row read (a detail, a write's answer) reads its list-valued fields inside the row's own
statement (``api.representation_inline``): the same representation as the page-wide queries
give, in one statement."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from softwarebroker.api import compiled_reads
from softwarebroker.api.representation_engine import Context, plan_for
from softwarebroker.api.representation_inline import InlineRelation
from softwarebroker.bestellingen.api.serializers import BestellingSerializer
from softwarebroker.bestellingen.models import Bestelling
from softwarebroker.catalogus.api.serializers import AanbiedingSerializer, PrijsSerializer
from softwarebroker.catalogus.models import Aanbieding, Prijs
from tests.bestellingen.factories import BestellingFactory
from tests.bestellingen.helpers import aanbieding_with_prijzen
from tests.catalogus.factories import PrijsFactory
from tests.verklaringen.support import goedgekeurde_verklaring

pytestmark = pytest.mark.django_db


def _both(serializer, model, pk, options=None):
    request = RequestFactory().get("/")
    queryset = model.objects.filter(pk=pk)
    per_page = plan_for(serializer).represent(queryset, Context(request, options))
    with CaptureQueriesContext(connection) as queries:
        single = plan_for(serializer, single=True).represent(queryset, Context(request, options))
    return per_page, single, len(queries)


def _offer():
    aanbieding = aanbieding_with_prijzen(vereiste_documenten=["verwerkersovereenkomst", "dpia", "exitplan"])
    # Prices of other days (not shown today) and one that starts on a later day.
    PrijsFactory(
        aanbieding=aanbieding, bedrag_excl_btw=Decimal("9.99"), geldig_vanaf=datetime.date(2019, 1, 1)
    )
    PrijsFactory(
        aanbieding=aanbieding,
        prijstype="eenmalig",
        periode="",
        grondslag="per_bestelling",
        bedrag_excl_btw=Decimal("1234.56"),
        geldig_vanaf=datetime.date(2099, 1, 1),
        geldig_tot=None,
    )
    goedgekeurde_verklaring(aanbieding.leverancier, "verwerkersovereenkomst")
    goedgekeurde_verklaring(aanbieding, "verwerkersovereenkomst", geldig_tot=datetime.date(2099, 1, 1))
    goedgekeurde_verklaring(aanbieding.softwarepakket, "dpia")
    return aanbieding


def test_an_offer_with_its_prices_and_declarations_in_one_statement():
    aanbieding = _offer()

    per_page, single, queries = _both(AanbiedingSerializer, Aanbieding, aanbieding.pk)

    assert single == per_page
    [body] = single
    assert [prijs["bedragExclBtw"] for prijs in body["actuelePrijzen"]] == ["100.00", "10.00"]
    assert body["actuelePrijzen"][1]["staffels"] == [{"vanafAantal": 50, "bedragExclBtw": "8.00"}]
    assert [v["type"] for v in body["verklaringen"]] == ["dpia", "verwerkersovereenkomst"]
    assert body["ontbrekendeVerklaringen"] == ["exitplan"]
    assert queries == 1


def test_the_day_of_the_prices_is_the_requests():
    aanbieding = _offer()

    per_page, single, queries = _both(
        AanbiedingSerializer, Aanbieding, aanbieding.pk, {"geldig_op": datetime.date(2099, 6, 1)}
    )

    assert single == per_page
    assert "1234.56" in [prijs["bedragExclBtw"] for prijs in single[0]["actuelePrijzen"]]
    assert queries == 1


def test_an_order_with_its_lines_in_one_statement():
    bestelling = BestellingFactory(aantal_regels=3, aantal=7)

    per_page, single, queries = _both(BestellingSerializer, Bestelling, bestelling.pk)

    assert single == per_page
    assert [regel["volgnummer"] for regel in single[0]["regels"]] == [1, 2, 3]
    assert queries == 1


def test_the_detail_equals_the_row_of_the_list(client):
    aanbieding = _offer()

    detail = client.get(f"/catalogus/api/v1/aanbiedingen/{aanbieding.uuid}").json()
    [row] = client.get("/catalogus/api/v1/aanbiedingen", {"naam": aanbieding.naam}).json()["results"]

    assert detail == row


def test_a_subquery_that_does_not_use_its_parent_is_refused():
    relation = InlineRelation(
        "prijzen", lambda: plan_for(PrijsSerializer), lambda parent: Prijs.objects.all(), ("pk",)
    )

    with pytest.raises(compiled_reads.NotCompilable, match="does not reach the SQL"):
        relation.compiled  # compiling is the point
