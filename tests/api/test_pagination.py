from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from softwarebroker.api.pagination import estimated_count
from softwarebroker.catalogus.models import Categorie
from tests.catalogus.factories import CategorieFactory
from tests.conftest import invalid_param, problem

pytestmark = pytest.mark.django_db

URL = "/catalogus/api/v1/categorieen"


def test_default_page_size_is_20_and_next_previous_links(client):
    CategorieFactory.create_batch(45)

    first = client.get(URL).json()
    second = client.get(URL + "?page=2").json()
    third = client.get(URL + "?page=3").json()

    assert first["count"] == 45
    assert len(first["results"]) == 20
    assert first["previous"] is None
    assert first["next"].endswith("?page=2")
    assert second["previous"] == "http://testserver" + URL
    assert len(third["results"]) == 5
    assert third["next"] is None


def test_page_size_is_capped_at_100(client):
    response = client.get(URL + "?pageSize=101")

    assert invalid_param(problem(response), "pageSize")["code"] == "maximum"


def test_page_past_the_end_gives_400_page(client):
    CategorieFactory.create_batch(3)

    response = client.get(URL + "?page=2")

    assert invalid_param(problem(response), "page")["code"] == "page"


def test_empty_first_page_is_fine(client):
    response = client.get(URL)

    assert response.json() == {"count": 0, "next": None, "previous": None, "results": []}


def test_link_header_has_first_prev_next_last(client):
    CategorieFactory.create_batch(7)

    response = client.get(URL + "?pageSize=2&page=2")

    links = {}
    for link in response["Link"].split(", "):
        target, rel = link.split("; ")
        url = urlsplit(target.strip("<>"))
        links[rel] = (url.path, parse_qs(url.query))
    assert links == {
        'rel="first"': (URL, {"pageSize": ["2"]}),
        'rel="prev"': (URL, {"pageSize": ["2"]}),
        'rel="next"': (URL, {"pageSize": ["2"], "page": ["3"]}),
        'rel="last"': (URL, {"pageSize": ["2"], "page": ["4"]}),
    }


def test_last_page_needs_no_count_query(client):
    CategorieFactory.create_batch(3)

    with CaptureQueriesContext(connection) as queries:
        client.get(URL)

    assert not any("COUNT(" in query["sql"].upper() for query in queries.captured_queries)


def test_count_above_the_exact_limit_is_an_estimate(client, settings):
    settings.API_EXACT_COUNT_LIMIT = 10
    CategorieFactory.create_batch(30)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE catalogus_categorie")

    response = client.get(URL + "?pageSize=5")

    body = response.json()
    assert response["X-Aantal-Geschat"] == "true"
    assert body["count"] >= 11
    assert 'rel="last"' not in response["Link"]
    assert len(body["results"]) == 5


def test_estimated_count_follows_the_planner(settings):
    CategorieFactory.create_batch(50)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE catalogus_categorie")

    assert 40 <= estimated_count(Categorie.objects.all()) <= 60


def test_sorting_descending_is_stable(client):
    for naam in ("b", "a", "c"):
        CategorieFactory(naam=naam)

    names = [item["naam"] for item in client.get(URL + "?sorteer=-naam").json()["results"]]

    assert names == ["c", "b", "a"]
