"""A detail's statement is compiled once per client, request options and day
(``api.compiled_reads.one_row``) and answers exactly what building it with the ORM each time
answers; what cannot be compiled once is read through the ORM."""

import datetime
import uuid

import pytest
import time_machine
from django.db import connection
from django.db.models import Q
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from softwarebroker.api import compiled_reads
from softwarebroker.catalogus.models import Aanbieding
from tests.api.offers import offer_with_prices_and_declarations, one_time_price_from
from tests.auth import bearer
from tests.autorisaties.factories import make_applicatie
from tests.bestellingen.factories import BestellingFactory
from tests.bestellingen.helpers import aanbieding_with_prijzen
from tests.catalogus.factories import AanbiedingFactory
from tests.concurrency import run_concurrently

pytestmark = pytest.mark.django_db

CATALOGUS = "/catalogus/api/v1"
BESTELLINGEN = "/bestellingen/api/v1"


@pytest.fixture(autouse=True)
def _no_compiled_shapes(monkeypatch):
    monkeypatch.setattr(compiled_reads, "_shapes", {})


@pytest.fixture
def compiles(monkeypatch):
    """The statements compiled for details (one entry per compilation)."""
    seen = []
    compile_once = compiled_reads.statement

    def counted(queryset_for, first, second):
        if isinstance(first[0], uuid.UUID):  # a detail's (not the reads by keys of lists)
            seen.append(first)
        return compile_once(queryset_for, first, second)

    monkeypatch.setattr(compiled_reads, "statement", counted)
    return seen


def client_of(applicatie) -> Client:
    return Client(headers=bearer(applicatie.client_id))


def _answers(client, urls) -> list:
    answers = []
    for url in urls:
        response = client.get(url)
        body = response.content if response.status_code == 200 else b""  # a problem has its own id
        answers.append((url, response.status_code, response.get("ETag"), body))
    return answers


def test_a_compiled_detail_answers_what_the_orm_answers(client, compiles, monkeypatch):
    aanbieding, andere = offer_with_prices_and_declarations(), offer_with_prices_and_declarations()
    bestelling = BestellingFactory(aantal_regels=3)
    urls = [
        f"{CATALOGUS}/aanbiedingen/{aanbieding.uuid}",
        f"{CATALOGUS}/aanbiedingen/{andere.uuid}",
        f"{CATALOGUS}/aanbiedingen/{aanbieding.uuid}?fields=naam,actuelePrijzen&expand=leverancier",
        f"{CATALOGUS}/softwarepakketten/{aanbieding.softwarepakket.uuid}",
        f"{BESTELLINGEN}/bestellingen/{bestelling.uuid}",
        f"{BESTELLINGEN}/bestellingen/{bestelling.uuid}?expand=besteller",
        f"{BESTELLINGEN}/bestellingen/00000000-0000-4000-8000-000000000000",
    ]

    compiled = _answers(client, urls)
    again = _answers(client, urls)  # now from the compiled statements
    monkeypatch.setattr(compiled_reads, "_shapes", {})
    monkeypatch.setattr(compiled_reads, "statement", _never_compiled)
    through_the_orm = _answers(client, urls)

    assert compiled == again == through_the_orm
    assert [status for _, status, _, _ in compiled] == [200] * 6 + [404]
    assert len(compiles) == 5  # one per shape: the two offers share one, so do the orders
    assert b'"actuelePrijzen"' in compiled[0][3] and b'"regels"' in compiled[4][3]


def _never_compiled(queryset_for, first, second):
    raise compiled_reads.NotCompilable("this test reads every detail through the ORM")


def test_a_second_detail_of_the_same_shape_is_one_query_and_no_compilation(client, compiles):
    first, second = offer_with_prices_and_declarations(), offer_with_prices_and_declarations()
    client.get(f"{CATALOGUS}/aanbiedingen/{first.uuid}")

    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"{CATALOGUS}/aanbiedingen/{second.uuid}")

    assert response.status_code == 200 and response.json()["naam"] == second.naam
    assert len(compiles) == 1
    reads = [q["sql"] for q in queries.captured_queries if "catalogus_aanbieding" in q["sql"]]
    assert len(reads) == 1


def test_each_client_reads_with_its_own_statement(compiles):
    concept = AanbiedingFactory(status="concept")
    eigen = client_of(make_applicatie("leverancier", leverancier=concept.leverancier))
    ander = client_of(make_applicatie("leverancier", leverancier=AanbiedingFactory().leverancier))
    url = f"{CATALOGUS}/aanbiedingen/{concept.uuid}"

    lezer = client_of(make_applicatie("lezer"))

    seen = [client.get(url).status_code for client in (eigen, ander, eigen, ander, lezer, eigen)]

    assert seen == [200, 404, 200, 404, 404, 200]
    assert len(compiles) == 3  # the supplier, the other supplier, the reader


def test_a_new_day_is_a_new_statement(broker, compiles):
    aanbieding = aanbieding_with_prijzen()
    today = timezone.localdate()
    one_time_price_from(aanbieding, today + datetime.timedelta(days=1), "777.00")
    url = f"{CATALOGUS}/aanbiedingen/{aanbieding.uuid}"

    def prices():
        client = client_of(broker)  # a token of the day
        return [prijs["bedragExclBtw"] for prijs in client.get(url).json()["actuelePrijzen"]]

    assert "777.00" not in prices()
    with time_machine.travel(timezone.now() + datetime.timedelta(days=1), tick=False):
        assert "777.00" in prices()
    assert "777.00" not in prices()
    assert len(compiles) == 2


def test_a_setting_changed_forgets_the_compiled_statements(client):
    aanbieding = aanbieding_with_prijzen()
    client.get(f"{CATALOGUS}/aanbiedingen/{aanbieding.uuid}")
    assert compiled_reads._shapes

    with override_settings(API_EXACT_COUNT_LIMIT=7):
        assert not compiled_reads._shapes


def test_only_so_many_shapes_are_kept(client, monkeypatch):
    monkeypatch.setattr(compiled_reads, "MAX_SHAPES", 2)
    aanbieding = aanbieding_with_prijzen()
    for fields in ("naam", "status", "eenheid"):
        assert client.get(f"{CATALOGUS}/aanbiedingen/{aanbieding.uuid}?fields={fields}").status_code == 200

    assert len(compiled_reads._shapes) == 2


# --- what cannot be compiled once --------------------------------------------------------------


def _by_uuid(value, *conditions):
    return Aanbieding.objects.filter(uuid=value, *conditions).values("naam")[:1]


STAND_INS = compiled_reads._UUID_STAND_INS


def test_the_arguments_take_the_places_of_the_stand_ins():
    _, _, sql, params = compiled_reads.parameterised(_by_uuid, STAND_INS[:1], STAND_INS[1:])

    assert compiled_reads.Slot(0) in params and STAND_INS[0] not in params
    assert sql.count("%s") == len(params)


@pytest.mark.parametrize(
    "queryset_for, why",
    [
        # a value computed while building: it would be fixed in the SQL
        (lambda value: _by_uuid(value, ~Q(naam=f"{timezone.now()}")), "changes from one build"),
        # a value read while building: so would it
        (lambda value: _by_uuid(value, Q(pk__gte=Aanbieding.objects.count())), "queried the database"),
        # the argument does not reach the SQL
        (lambda value: Aanbieding.objects.values("naam")[:1], "does not reach the SQL"),
        # a read that matches nothing whatever the values
        (lambda value: _by_uuid(value, Q(pk__in=[])), "matches nothing"),
    ],
)
def test_what_depends_on_more_than_its_arguments_is_not_compiled(queryset_for, why):
    with pytest.raises(compiled_reads.NotCompilable, match=why):
        compiled_reads.parameterised(queryset_for, STAND_INS[:1], STAND_INS[1:])


def test_a_detail_that_is_not_compilable_is_read_through_the_orm():
    eerste, tweede = AanbiedingFactory(naam="Eerste"), AanbiedingFactory(naam="Tweede")

    def queryset_for(value):
        return _by_uuid(value, ~Q(naam=f"{timezone.now()}"))

    found = [compiled_reads.one_row("tijd", queryset_for, offer.uuid) for offer in (eerste, tweede)]

    assert found == [{"naam": "Eerste"}, {"naam": "Tweede"}]
    assert compiled_reads._shapes == {"tijd": None}


def test_threads_compiling_shapes_at_once_keep_at_most_so_many(monkeypatch):
    monkeypatch.setattr(compiled_reads, "MAX_SHAPES", 3)
    monkeypatch.setattr(compiled_reads, "statement", _never_compiled)  # no database needed

    def reader(thread):
        def read():
            return [
                compiled_reads.one_row((thread, n), lambda value: [{"n": n}], STAND_INS[0])
                for n in range(200)
            ]

        return read

    results = run_concurrently([reader(thread) for thread in range(8)])

    assert results == [[{"n": n} for n in range(200)]] * 8
    assert len(compiled_reads._shapes) == 3
