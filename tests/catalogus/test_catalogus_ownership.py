"""Suppliers manage only their own offers; published offers are withdrawn, not deleted."""

import pytest
from django.test import Client

from softwarebroker.catalogus.models import Aanbieding, Prijs
from tests.auth import bearer
from tests.autorisaties.factories import make_applicatie
from tests.catalogus.api_requests import BASE, send, url
from tests.catalogus.factories import (
    AanbiedingFactory,
    LeverancierFactory,
    PrijsFactory,
    SoftwarepakketFactory,
)
from tests.conftest import problem

pytestmark = pytest.mark.django_db


def test_suppliers_manage_only_their_own_offers_and_see_concepts_only_of_their_own():
    own_leverancier, other_leverancier = LeverancierFactory(), LeverancierFactory()
    leverancier_client = Client(
        headers=bearer(make_applicatie("leverancier", leverancier=own_leverancier).client_id)
    )
    afnemer = Client(headers=bearer(make_applicatie("afnemer").client_id))
    concept = AanbiedingFactory(leverancier=own_leverancier, status="concept")
    payload = {
        "softwarepakket": url("softwarepakketten", SoftwarepakketFactory()),
        "naam": "Nieuw",
        "leveringsvorm": "saas",
        "licentiemodel": "per_gebruiker",
        "eenheid": "gebruiker",
        "geldigVanaf": "2026-01-01",
    }

    own = send(
        leverancier_client,
        "POST",
        "aanbiedingen",
        {**payload, "leverancier": url("leveranciers", own_leverancier)},
    )
    other = send(
        leverancier_client,
        "POST",
        "aanbiedingen",
        {**payload, "leverancier": url("leveranciers", other_leverancier)},
    )

    assert own.status_code == 201
    assert other.status_code == 403
    assert leverancier_client.get(f"{BASE}/aanbiedingen/{concept.uuid}").status_code == 200
    assert afnemer.get(f"{BASE}/aanbiedingen/{concept.uuid}").status_code == 404
    assert str(concept.uuid) not in afnemer.get(f"{BASE}/aanbiedingen").content.decode()


def test_published_offers_are_withdrawn_not_deleted(client):
    published = AanbiedingFactory(status="gepubliceerd")
    concept = AanbiedingFactory(status="concept")
    PrijsFactory(aanbieding=concept)

    assert problem(client.delete(f"{BASE}/aanbiedingen/{published.uuid}"))["code"] == "in_use"
    assert client.delete(f"{BASE}/aanbiedingen/{concept.uuid}").status_code == 204
    assert not Aanbieding.objects.filter(pk=concept.pk).exists()
    assert not Prijs.objects.filter(aanbieding_id=concept.pk).exists()
