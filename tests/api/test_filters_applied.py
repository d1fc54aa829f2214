"""A list whose request names no filter builds no filter set (a django-filter form per request);
one that names one validates and applies it as before."""

import django_filters
import pytest

from softwarebroker import urls  # noqa: F401 - every resource's filter set is defined
from softwarebroker.api import filters
from tests.catalogus.factories import AanbiedingFactory

pytestmark = pytest.mark.django_db

URL = "/catalogus/api/v1/aanbiedingen"


def _all_filter_sets(base=django_filters.FilterSet):
    for subclass in base.__subclasses__():
        yield subclass
        yield from _all_filter_sets(subclass)


def test_no_filter_name_has_an_underscore():
    # The view tells a filter's parameters by the part before "_" (a range filter's "name_min").
    names = {name for filter_set in _all_filter_sets() for name in filter_set.base_filters}
    assert names and not [name for name in names if "_" in name]


@pytest.fixture
def built(monkeypatch):
    seen = []
    build = filters.FilterSet.__init__

    def counted(self, *args, **kwargs):
        seen.append(type(self).__name__)
        build(self, *args, **kwargs)

    monkeypatch.setattr(filters.FilterSet, "__init__", counted)
    return seen


def test_a_list_without_filters_builds_no_filter_set(client, built):
    AanbiedingFactory(naam="Zaakvlot")
    AanbiedingFactory(naam="Archiefkast")

    body = client.get(f"{URL}?fields=naam&pageSize=10").json()

    assert sorted(item["naam"] for item in body["results"]) == ["Archiefkast", "Zaakvlot"]
    assert built == []


def test_a_list_with_a_filter_validates_and_applies_it_once(client, built):
    AanbiedingFactory(naam="Zaakvlot", status="gepubliceerd")
    AanbiedingFactory(naam="Archiefkast", status="ingetrokken")

    body = client.get(f"{URL}?status=ingetrokken&fields=naam").json()
    wrong = client.get(f"{URL}?status=bestaat-niet")

    assert [item["naam"] for item in body["results"]] == ["Archiefkast"]
    assert built == ["AanbiedingFilter", "AanbiedingFilter"]  # one per request, not two
    assert wrong.status_code == 400 and wrong.json()["invalidParams"][0]["name"] == "status"
