"""Contract terms of an offer through the Catalogus API: notice period, renewals and indexation,
every problem at once with its path, nothing changed on a refusal (also for PATCH, which is
checked on the merged state)."""

from decimal import Decimal

import pytest

from softwarebroker.catalogus.models import Aanbieding
from tests.catalogus.api_requests import send, url
from tests.catalogus.factories import AanbiedingFactory, LeverancierFactory, SoftwarepakketFactory
from tests.conftest import invalid_param, problem

pytestmark = pytest.mark.django_db


def _nieuw(**fields):
    return {
        "softwarepakket": url("softwarepakketten", SoftwarepakketFactory()),
        "leverancier": url("leveranciers", LeverancierFactory()),
        "naam": "Zaaksysteem als dienst",
        "leveringsvorm": "saas",
        "licentiemodel": "per_gebruiker",
        "eenheid": "gebruiker",
        "geldigVanaf": "2026-01-01",
        "looptijdMaanden": 36,
        "verlenging": "automatisch",
        **fields,
    }


def _names(body) -> set[str]:
    return {param["name"] for param in body["invalidParams"]}


def test_an_offer_keeps_and_shows_its_contract_terms(client):
    response = send(
        client,
        "POST",
        "aanbiedingen",
        _nieuw(
            opzegtermijnDagen=90,
            verlengingstermijnMaanden=12,
            maxVerlengingen=2,
            indexering={"methode": "cpi", "percentage": None, "plafondPercentage": "4.00"},
        ),
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert (
        body["opzegtermijnDagen"],
        body["verlengingstermijnMaanden"],
        body["maxVerlengingen"],
        body["indexering"],
    ) == (90, 12, 2, {"methode": "cpi", "percentage": None, "plafondPercentage": "4.00"})
    aanbieding = Aanbieding.objects.get(naam="Zaaksysteem als dienst")
    assert (aanbieding.indexering, aanbieding.indexering_plafond) == ("cpi", Decimal("4.00"))
    assert client.get(body["url"]).json()["indexering"]["plafondPercentage"] == "4.00"


def test_without_terms_an_offer_has_the_defaults(client):
    response = send(client, "POST", "aanbiedingen", _nieuw())

    assert response.status_code == 201, response.content
    body = response.json()
    assert (
        body["opzegtermijnDagen"],
        body["verlengingstermijnMaanden"],
        body["maxVerlengingen"],
        body["indexering"],
    ) == (0, None, None, {"methode": "geen", "percentage": None, "plafondPercentage": None})


def test_a_fixed_indexation_with_a_cap(client):
    response = send(
        client,
        "POST",
        "aanbiedingen",
        _nieuw(indexering={"methode": "vast", "percentage": "2.5", "plafondPercentage": "4"}),
    )

    assert response.status_code == 201, response.content
    assert response.json()["indexering"] == {
        "methode": "vast",
        "percentage": "2.50",
        "plafondPercentage": "4.00",
    }


def test_a_notice_period_longer_than_the_term_is_refused(client):
    response = send(client, "POST", "aanbiedingen", _nieuw(looptijdMaanden=12, opzegtermijnDagen=400))

    body = problem(response)
    assert response.status_code == 400
    assert invalid_param(body, "opzegtermijnDagen")["code"] == "langer_dan_looptijd"
    assert not Aanbieding.objects.exists()


def test_the_notice_period_must_be_below_the_shortest_term(client):
    # 12 months are at least 12 x 28 = 336 days: 335 days' notice fits, 336 does not.
    assert (
        send(client, "POST", "aanbiedingen", _nieuw(looptijdMaanden=12, opzegtermijnDagen=335)).status_code
        == 201
    )
    response = send(client, "POST", "aanbiedingen", _nieuw(looptijdMaanden=12, opzegtermijnDagen=336))
    assert invalid_param(problem(response), "opzegtermijnDagen")["code"] == "langer_dan_looptijd"
    # Without a fixed term there is nothing to compare with.
    response = send(client, "POST", "aanbiedingen", _nieuw(looptijdMaanden=None, opzegtermijnDagen=400))
    assert response.status_code == 201, response.content


def test_every_problem_of_the_terms_at_once_with_its_path(client):
    response = send(
        client,
        "POST",
        "aanbiedingen",
        _nieuw(
            looptijdMaanden=1,
            opzegtermijnDagen=28,
            verlenging="geen",
            verlengingstermijnMaanden=12,
            maxVerlengingen=0,
            indexering={"methode": "geen", "percentage": "2.00", "plafondPercentage": "4.00"},
        ),
    )

    body = problem(response)
    assert response.status_code == 400
    assert _names(body) == {
        "opzegtermijnDagen",
        "verlengingstermijnMaanden",
        "maxVerlengingen",
        "indexering.percentage",
        "indexering.plafondPercentage",
    }
    assert not Aanbieding.objects.exists()


@pytest.mark.parametrize(
    ("indexering", "name", "code"),
    [
        ({"methode": "vast"}, "indexering.percentage", "required"),
        ({"methode": "vast", "percentage": None}, "indexering.percentage", "required"),
        ({"methode": "cpi", "percentage": "2.00"}, "indexering.percentage", "not_allowed"),
        ({"methode": "vast", "percentage": "100.01"}, "indexering.percentage", "max_value"),
        ({"methode": "cpi", "plafondPercentage": "-1.00"}, "indexering.plafondPercentage", "min_value"),
        ({"methode": "inflatie"}, "indexering.methode", "invalid_choice"),
        ({"percentage": "2.00"}, "indexering.methode", "required"),
    ],
)
def test_bad_indexation_is_refused_with_its_path(client, indexering, name, code):
    response = send(client, "POST", "aanbiedingen", _nieuw(indexering=indexering))

    body = problem(response)
    assert response.status_code == 400
    assert invalid_param(body, name)["code"] == code
    assert not Aanbieding.objects.exists()


def test_bad_renewal_numbers_are_refused_with_their_path(client):
    response = send(
        client,
        "POST",
        "aanbiedingen",
        _nieuw(verlengingstermijnMaanden=0, maxVerlengingen=-1, opzegtermijnDagen=-1),
    )

    body = problem(response)
    assert _names(body) == {"verlengingstermijnMaanden", "maxVerlengingen", "opzegtermijnDagen"}


def test_patch_checks_the_merged_terms_and_changes_nothing_when_refused(client):
    aanbieding = AanbiedingFactory(
        looptijd_maanden=36,
        opzegtermijn_dagen=90,
        verlengingstermijn_maanden=12,
        max_verlengingen=2,
        indexering="vast",
        indexering_percentage=Decimal("2.50"),
    )
    path = f"aanbiedingen/{aanbieding.uuid}"

    shorter = send(client, "PATCH", path, {"looptijdMaanden": 3})
    assert invalid_param(problem(shorter), "opzegtermijnDagen")["code"] == "langer_dan_looptijd"
    no_renewal = send(client, "PATCH", path, {"verlenging": "geen"})
    assert _names(problem(no_renewal)) == {"verlengingstermijnMaanden", "maxVerlengingen"}
    geen = send(
        client,
        "PATCH",
        path,
        {"indexering": {"methode": "geen"}},
    )
    assert invalid_param(problem(geen), "indexering.percentage")["code"] == "not_allowed"

    aanbieding.refresh_from_db()
    assert (
        aanbieding.looptijd_maanden,
        aanbieding.verlenging,
        aanbieding.indexering,
        aanbieding.indexering_percentage,
    ) == (36, "handmatig", "vast", Decimal("2.50"))

    allowed = send(
        client,
        "PATCH",
        path,
        {
            "verlenging": "geen",
            "verlengingstermijnMaanden": None,
            "maxVerlengingen": None,
            "indexering": {"methode": "cpi", "percentage": None, "plafondPercentage": "3.00"},
        },
    )
    assert allowed.status_code == 200, allowed.content
    aanbieding.refresh_from_db()
    assert (
        aanbieding.verlenging,
        aanbieding.max_verlengingen,
        aanbieding.indexering,
        aanbieding.indexering_percentage,
        aanbieding.indexering_plafond,
    ) == ("geen", None, "cpi", None, Decimal("3.00"))
