"""Conditional requests on offers: the ETag answers 304 until the representation changes."""

import datetime

import pytest
from django.utils import timezone

from tests.catalogus.api_requests import BASE
from tests.catalogus.factories import AanbiedingFactory, PrijsFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def test_aanbieding_detail_has_an_etag_that_answers_304_until_it_changes(client):
    aanbieding = AanbiedingFactory()
    prijs = PrijsFactory(
        aanbieding=aanbieding, geldig_vanaf=TODAY - datetime.timedelta(days=1), geldig_tot=None
    )
    path = f"{BASE}/aanbiedingen/{aanbieding.uuid}"

    first = client.get(path)
    tag = first["ETag"]
    assert first.status_code == 200 and tag.startswith('"')

    unchanged = client.get(path, headers={"If-None-Match": tag})
    assert unchanged.status_code == 304
    assert unchanged.content == b"" and unchanged["ETag"] == tag
    assert client.get(path, headers={"If-None-Match": '"iets-anders"'}).status_code == 200

    # A new price changes actuelePrijzen, so the representation and its tag.
    prijs.bedrag_excl_btw += 1
    prijs.save()
    changed = client.get(path, headers={"If-None-Match": tag})
    assert changed.status_code == 200
    assert changed["ETag"] != tag
    # Another selection of fields is another representation with its own tag.
    assert client.get(path + "?fields=url")["ETag"] not in (tag, changed["ETag"])
