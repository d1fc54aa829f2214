"""A one-row read (a detail, a write's answer) reads its list-valued fields inside the row's own
statement (``api.representation_inline``): the same representation as the page-wide queries
give, in one statement."""

import datetime

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
from tests.api.offers import offer_with_prices_and_declarations
from tests.bestellingen.factories import BestellingFactory

pytestmark = pytest.mark.django_db


def _both(serializer, model, pk, options=None):
    request = RequestFactory().get("/")
    queryset = model.objects.filter(pk=pk)
    per_page = plan_for(serializer).represent(queryset, Context(request, options))
    with CaptureQueriesContext(connection) as queries:
        single = plan_for(serializer, single=True).represent(queryset, Context(request, options))
    return per_page, single, len(queries)


def test_an_offer_with_its_prices_and_declarations_in_one_statement():
    aanbieding = offer_with_prices_and_declarations()

    per_page, single, queries = _both(AanbiedingSerializer, Aanbieding, aanbieding.pk)

    assert single == per_page
    [body] = single
    assert [prijs["bedragExclBtw"] for prijs in body["actuelePrijzen"]] == ["100.00", "10.00"]
    assert body["actuelePrijzen"][1]["staffels"] == [{"vanafAantal": 50, "bedragExclBtw": "8.00"}]
    assert [v["type"] for v in body["verklaringen"]] == ["dpia", "verwerkersovereenkomst"]
    assert body["ontbrekendeVerklaringen"] == ["exitplan"]
    assert queries == 1


def test_the_day_of_the_prices_is_the_requests():
    aanbieding = offer_with_prices_and_declarations()

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
    aanbieding = offer_with_prices_and_declarations()

    detail = client.get(f"/catalogus/api/v1/aanbiedingen/{aanbieding.uuid}").json()
    [row] = client.get("/catalogus/api/v1/aanbiedingen", {"naam": aanbieding.naam}).json()["results"]

    assert detail == row


def test_a_subquery_that_does_not_use_its_parent_is_refused():
    relation = InlineRelation(
        "prijzen", lambda: plan_for(PrijsSerializer), lambda parent: Prijs.objects.all(), ("pk",)
    )

    with pytest.raises(compiled_reads.NotCompilable, match="does not reach the SQL"):
        relation.compiled  # compiling is the point
