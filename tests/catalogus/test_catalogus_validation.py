"""Catalogue resources through the API: every rule of a change is checked, all problems reported."""

import datetime

import pytest

from softwarebroker.catalogus.models import Prijs
from tests.catalogus.api_requests import send, url
from tests.catalogus.factories import (
    AanbiedingFactory,
    LeverancierFactory,
    PrijsFactory,
    SoftwarepakketFactory,
)
from tests.conftest import invalid_param, problem

pytestmark = pytest.mark.django_db


def test_aanbieding_lists_every_problem_at_once(client):
    response = send(
        client,
        "POST",
        "aanbiedingen",
        {
            "softwarepakket": url("softwarepakketten", SoftwarepakketFactory()),
            "leverancier": "https://elders.example/leveranciers/1",
            "naam": "",
            "leveringsvorm": "per_post",
            "licentiemodel": "per_gebruiker",
            "eenheid": "gebruiker",
            "geldigVanaf": "2026-06-01",
            "geldigTot": "2026-01-01",
            "bestelparametersSchema": {"type": "objekt"},
        },
    )

    body = problem(response)
    assert {param["name"] for param in body["invalidParams"]} >= {"leverancier", "naam", "leveringsvorm"}
    # Cross-field rules run once the fields themselves are valid:
    response = send(
        client,
        "POST",
        "aanbiedingen",
        {
            "softwarepakket": url("softwarepakketten", SoftwarepakketFactory()),
            "leverancier": url("leveranciers", LeverancierFactory()),
            "naam": "Test",
            "leveringsvorm": "saas",
            "licentiemodel": "per_gebruiker",
            "eenheid": "gebruiker",
            "geldigVanaf": "2026-06-01",
            "geldigTot": "2026-01-01",
            "bestelparametersSchema": {"type": "objekt"},
        },
    )
    body = problem(response)
    assert invalid_param(body, "geldigTot")["code"] == "period"
    assert invalid_param(body, "bestelparametersSchema")["code"] == "json_schema"


def test_prijs_amounts_and_staffels(client):
    aanbieding = AanbiedingFactory()
    response = send(
        client,
        "POST",
        "prijzen",
        {
            "aanbieding": url("aanbiedingen", aanbieding),
            "prijstype": "terugkerend",
            "grondslag": "per_eenheid",
            "bedragExclBtw": "-1.005",
            "geldigVanaf": "2026-01-01",
            "staffels": [
                {"vanafAantal": 10, "bedragExclBtw": "9.00"},
                {"vanafAantal": 5, "bedragExclBtw": "8.00"},
            ],
        },
    )
    body = problem(response)
    assert invalid_param(body, "bedragExclBtw")["code"] in {"min_value", "max_decimal_places", "max_digits"}

    response = send(
        client,
        "POST",
        "prijzen",
        {
            "aanbieding": url("aanbiedingen", aanbieding),
            "prijstype": "terugkerend",
            "grondslag": "per_eenheid",
            "bedragExclBtw": "10.00",
            "geldigVanaf": "2026-01-01",
            "staffels": [
                {"vanafAantal": 10, "bedragExclBtw": "9.00"},
                {"vanafAantal": 5, "bedragExclBtw": "8.00"},
            ],
        },
    )
    body = problem(response)
    assert invalid_param(body, "staffels.1.vanafAantal")["code"] == "order"
    assert invalid_param(body, "periode")["code"] == "required"


def test_no_two_prices_valid_on_the_same_day(client):
    aanbieding = AanbiedingFactory()
    PrijsFactory(
        aanbieding=aanbieding,
        prijstype="eenmalig",
        periode="",
        geldig_vanaf=datetime.date(2026, 1, 1),
        geldig_tot=None,
    )

    response = send(
        client,
        "POST",
        "prijzen",
        {
            "aanbieding": url("aanbiedingen", aanbieding),
            "prijstype": "eenmalig",
            "grondslag": "per_eenheid",
            "bedragExclBtw": "5.00",
            "geldigVanaf": "2026-03-01",
        },
    )

    assert invalid_param(problem(response), "geldigVanaf")["code"] == "overlap"
    assert Prijs.objects.filter(aanbieding=aanbieding).count() == 1


def test_other_field_rules(client):
    spdx = send(
        client,
        "POST",
        "softwarepakketten",
        {"naam": "X", "licentie": "Geen-Licentie-1.0", "openSource": True},
    )
    semver = send(
        client,
        "POST",
        "softwarepakketversies",
        {"softwarepakket": url("softwarepakketten", SoftwarepakketFactory()), "versie": "1.2"},
    )
    kvk = send(client, "POST", "leveranciers", {"naam": "X", "kvkNummer": "1234"})

    assert invalid_param(problem(spdx), "licentie")["code"] == "spdx"
    assert invalid_param(problem(spdx), "openSource")["code"] == "licence"
    assert invalid_param(problem(semver), "versie")["code"] == "semver"
    assert invalid_param(problem(kvk), "kvkNummer")["code"] == "kvk"


def test_status_only_along_the_allowed_path(client):
    aanbieding = AanbiedingFactory(status="gepubliceerd")
    concept_pakket = SoftwarepakketFactory(status="concept")
    concept = AanbiedingFactory(status="concept", softwarepakket=concept_pakket)

    back = send(client, "PATCH", f"aanbiedingen/{aanbieding.uuid}", {"status": "concept"})
    publish_too_early = send(client, "PATCH", f"aanbiedingen/{concept.uuid}", {"status": "gepubliceerd"})
    withdraw = send(client, "PATCH", f"aanbiedingen/{aanbieding.uuid}", {"status": "ingetrokken"})

    assert invalid_param(problem(back), "status")["code"] == "status_transition"
    assert invalid_param(problem(publish_too_early), "status")["code"] == "softwarepakket"
    assert withdraw.json()["status"] == "ingetrokken"
