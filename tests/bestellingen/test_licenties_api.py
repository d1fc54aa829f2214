"""Licences over HTTP: the inventory, registering an external contract, cancelling and changing
one; every refusal a problem+json naming the field, with nothing changed."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from softwarebroker.audit.models import AuditTrail
from softwarebroker.bestellingen.constants import BestellingStatus
from softwarebroker.bestellingen.models import Licentie
from tests.catalogus.factories import LeverancierFactory, SoftwarepakketFactory
from tests.conftest import invalid_param, problem
from tests.organisaties.factories import OrganisatieFactory

from .factories import BestellingFactory, LicentieFactory
from .helpers import aanbieding_with_prijzen
from .test_api import API, CATALOGUS, Party

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


@pytest.fixture
def parties():
    organisatie = OrganisatieFactory(naam="Gemeente Voorbeeldstad")
    leverancier = LeverancierFactory()
    return {
        "organisatie": organisatie,
        "afnemer": Party("afnemer", "afnemer", organisatie=organisatie, user_id="inkoper@voorbeeldstad.nl"),
        "budgethouder": Party(
            "budgethouder", "budgethouder", organisatie=organisatie, user_id="budget@voorbeeldstad.nl"
        ),
        "leverancier": Party(
            "leverancier", "leverancier", leverancier=leverancier, user_id="x@leverancier.nl"
        ),
        "broker": Party("broker", "broker", user_id="beheer@broker.nl"),
    }


def _organisatie_url(organisatie) -> str:
    return f"{API}/organisaties/{organisatie.uuid}"


def extern(organisatie, **overrides) -> dict:
    return {
        "organisatie": _organisatie_url(organisatie),
        "leverancierNaam": "Buiten de broker B.V.",
        "softwarepakketNaam": "Eigen pakket",
        "contractnummer": "C-2026-1",
        "kostenplaats": "ICT-9",
        "aantal": 40,
        "bedragEenmaligExclBtw": "1000.00",
        "bedragPerJaarExclBtw": "4800.50",
        "ingangsdatum": (TODAY() - datetime.timedelta(days=30)).isoformat(),
        "einddatum": (TODAY() + datetime.timedelta(days=335)).isoformat(),
        "automatischVerlengen": True,
        "opzegtermijnDagen": 60,
        "looptijdMaanden": 12,
        "verlengingstermijnMaanden": 12,
        "maxVerlengingen": 2,
        "indexering": {"methode": "vast", "percentage": "2.50", "plafondPercentage": None},
        **overrides,
    }


def unchanged(before_licenties: int, before_audit: int) -> None:
    assert Licentie.objects.count() == before_licenties
    assert AuditTrail.objects.count() == before_audit


# --- registering ------------------------------------------------------------------------------


def test_an_afnemer_registers_an_external_contract(parties):
    response = parties["afnemer"].post(f"{API}/licenties", extern(parties["organisatie"]))

    assert response.status_code == 201, response.content
    body = response.json()
    assert response["Location"] == body["url"]
    einde = TODAY() + datetime.timedelta(days=335)
    assert {key: body[key] for key in ("bron", "status", "leverancier", "leverancierNaam", "aantal")} == {
        "bron": "extern",
        "status": "actief",
        "leverancier": None,
        "leverancierNaam": "Buiten de broker B.V.",
        "aantal": 40,
    }
    assert (body["bedragEenmaligExclBtw"], body["bedragPerJaarExclBtw"]) == ("1000.00", "4800.50")
    assert body["indexering"] == {"methode": "vast", "percentage": "2.50", "plafondPercentage": None}
    assert body["opzegdatum"] == (einde - datetime.timedelta(days=60)).isoformat()
    assert body["uitersteEinddatum"] is not None
    assert (body["bronregels"], body["opgezegdOp"], body["aantalVerlengingen"]) == ([], None, 0)
    licentie = Licentie.objects.get()
    assert AuditTrail.objects.filter(hoofd_object_uuid=licentie.uuid, actie="create").count() == 1


def test_supplier_and_package_by_url(parties):
    leverancier, pakket = LeverancierFactory(), SoftwarepakketFactory()
    payload = extern(
        parties["organisatie"],
        leverancier=f"{CATALOGUS}/leveranciers/{leverancier.uuid}",
        softwarepakket=f"{CATALOGUS}/softwarepakketten/{pakket.uuid}",
        leverancierNaam="",
        softwarepakketNaam="",
    )
    body = parties["afnemer"].post(f"{API}/licenties", payload).json()

    assert (body["leverancier"], body["softwarepakket"]) == (
        payload["leverancier"],
        payload["softwarepakket"],
    )


def test_an_external_contract_is_in_the_same_inventory(parties):
    BestellingFactory(besteller=parties["organisatie"], status=BestellingStatus.GELEVERD)
    parties["afnemer"].post(f"{API}/licenties", extern(parties["organisatie"]))
    LicentieFactory()  # another organisation's

    everything = parties["afnemer"].get(f"{API}/licenties").json()["results"]
    external = parties["afnemer"].get(f"{API}/licenties?bron=extern").json()["results"]
    requested = parties["afnemer"].get(f"{API}/licenties?status=aangevraagd").json()["results"]

    assert sorted(item["bron"] for item in everything) == ["broker", "extern"]
    assert [item["leverancierNaam"] for item in external] == ["Buiten de broker B.V."]
    assert requested == []


def test_every_problem_at_once_and_nothing_changed(parties):
    counts = Licentie.objects.count(), AuditTrail.objects.count()
    payload = extern(
        parties["organisatie"],
        leverancierNaam="",
        aantal=0,
        bedragPerJaarExclBtw="-1.00",
        ingangsdatum="2026-06-01",
        einddatum="2026-05-01",
        indexering={"methode": "geen", "percentage": "3.00"},
    )

    response = parties["afnemer"].post(f"{API}/licenties", payload)

    assert response.status_code == 400
    body = problem(response)
    names = {param["name"] for param in body["invalidParams"]}
    assert names == {"leverancier", "aantal", "bedragPerJaarExclBtw", "einddatum", "indexering.percentage"}
    assert invalid_param(body, "einddatum")["code"] == "einde_voor_ingang"
    unchanged(*counts)


@pytest.mark.parametrize(
    ("overrides", "name", "code"),
    [
        ({"ingangsdatum": "2026-06-01", "einddatum": "2026-05-31"}, "einddatum", "einde_voor_ingang"),
        ({"bedragEenmaligExclBtw": "-0.01"}, "bedragEenmaligExclBtw", "min_value"),
        (
            {"ingangsdatum": "2026-01-01", "einddatum": "2026-03-01", "opzegtermijnDagen": 60},
            "opzegtermijnDagen",
            "langer_dan_looptijd",
        ),
        ({"softwarepakketNaam": ""}, "softwarepakket", "required"),
        ({"bedragPerJaarExclBtw": "1.001"}, "bedragPerJaarExclBtw", "max_decimal_places"),
    ],
)
def test_bad_input_is_refused_with_its_path(parties, overrides, name, code):
    counts = Licentie.objects.count(), AuditTrail.objects.count()
    response = parties["afnemer"].post(f"{API}/licenties", extern(parties["organisatie"], **overrides))

    assert response.status_code == 400
    assert invalid_param(problem(response), name)["code"] == code
    unchanged(*counts)


def test_a_contract_of_another_organisation_is_refused_as_unknown(parties):
    other = OrganisatieFactory()
    response = parties["afnemer"].post(f"{API}/licenties", extern(other))

    assert response.status_code == 400
    assert invalid_param(problem(response), "organisatie")["code"] == "does_not_exist"
    assert not Licentie.objects.exists()
    # The broker registers for any organisation.
    assert parties["broker"].post(f"{API}/licenties", extern(other)).status_code == 201


@pytest.mark.parametrize("party", ["leverancier", "budgethouder"])
def test_a_supplier_or_budget_holder_registers_nothing(parties, party):
    response = parties[party].post(f"{API}/licenties", extern(parties["organisatie"]))
    assert response.status_code == 403
    assert problem(response)["code"] == "autorisatie"
    assert not Licentie.objects.exists()


def test_a_repeated_registration_creates_once(parties):
    payload = extern(parties["organisatie"])
    first = parties["afnemer"].post(f"{API}/licenties", payload, **{"Idempotency-Key": "reg-1"})
    again = parties["afnemer"].post(f"{API}/licenties", payload, **{"Idempotency-Key": "reg-1"})

    assert (first.status_code, again.status_code) == (201, 201)
    assert again["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    assert Licentie.objects.count() == 1


# --- an order's licence -----------------------------------------------------------------------


def test_a_delivered_licence_shows_its_order_line_and_copied_terms(parties):
    aanbieding = aanbieding_with_prijzen(
        looptijd_maanden=12, opzegtermijn_dagen=30, indexering="cpi", indexering_plafond=Decimal("4.00")
    )
    bestelling = BestellingFactory(
        besteller=parties["organisatie"], aanbieding=aanbieding, status=BestellingStatus.GELEVERD
    )

    [item] = parties["afnemer"].get(f"{API}/licenties").json()["results"]

    regel = bestelling.regels.get()
    assert item["bronregels"] == [f"{API}/bestellingen/{bestelling.uuid}/regels/{regel.uuid}"]
    assert item["aanbieding"] == f"{CATALOGUS}/aanbiedingen/{aanbieding.uuid}"
    assert item["leverancier"] == f"{CATALOGUS}/leveranciers/{aanbieding.leverancier.uuid}"
    assert item["softwarepakket"] == f"{CATALOGUS}/softwarepakketten/{aanbieding.softwarepakket.uuid}"
    assert item["indexering"] == {"methode": "cpi", "percentage": None, "plafondPercentage": "4.00"}
    assert (item["status"], item["contractnummer"], item["opzegtermijnDagen"]) == (
        "actief",
        bestelling.nummer,
        30,
    )


# --- cancelling -------------------------------------------------------------------------------


def _registered(parties, **overrides) -> dict:
    response = parties["afnemer"].post(f"{API}/licenties", extern(parties["organisatie"], **overrides))
    assert response.status_code == 201, response.content
    return response.json()


def test_cancelling_then_cancelling_again(parties):
    licentie = _registered(parties)

    response = parties["afnemer"].post(f"{licentie['url']}/opzeggen", {"toelichting": "Overgestapt"})

    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["status"], body["einddatum"]) == ("opgezegd", licentie["einddatum"])
    assert body["opgezegdOp"] is not None
    counts = Licentie.objects.count(), AuditTrail.objects.count()

    again = parties["afnemer"].post(f"{licentie['url']}/opzeggen", {})

    assert again.status_code == 409
    assert problem(again)["code"] == "al_opgezegd"
    unchanged(*counts)


def test_cancelling_after_the_opzegdatum_names_the_next_end_date(parties):
    einde = TODAY() + datetime.timedelta(days=20)
    licentie = _registered(
        parties, ingangsdatum=(einde - datetime.timedelta(days=365)).isoformat(), einddatum=einde.isoformat()
    )
    counts = Licentie.objects.count(), AuditTrail.objects.count()

    response = parties["afnemer"].post(f"{licentie['url']}/opzeggen", {})

    assert response.status_code == 409
    body = problem(response)
    assert body["code"] == "opzegdatum_verstreken"
    assert einde.replace(year=einde.year + 1).strftime("%d-%m-%Y") in body["detail"]
    unchanged(*counts)
    assert Licentie.objects.get().status == "actief"


def test_cancelling_another_organisations_licence_is_not_found(parties):
    licentie = LicentieFactory(einddatum=datetime.date(2040, 1, 1))
    counts = Licentie.objects.count(), AuditTrail.objects.count()

    response = parties["afnemer"].post(f"{API}/licenties/{licentie.uuid}/opzeggen", {})

    assert response.status_code == 404
    problem(response)
    unchanged(*counts)


def test_a_supplier_cancels_nothing(parties):
    licentie = _registered(parties)
    response = parties["leverancier"].post(f"{licentie['url']}/opzeggen", {})
    assert response.status_code == 403
    assert Licentie.objects.get().status == "actief"


# --- changing ---------------------------------------------------------------------------------


def test_changing_its_own_fields(parties):
    licentie = _registered(parties)

    response = parties["afnemer"].send(
        "PATCH", licentie["url"], {"automatischVerlengen": False, "kostenplaats": "ICT-10"}
    )

    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["automatischVerlengen"], body["kostenplaats"], body["contractnummer"]) == (
        False,
        "ICT-10",
        "C-2026-1",
    )
    assert (body["opzegdatum"], body["uitersteEinddatum"]) == (
        licentie["opzegdatum"],
        licentie["uitersteEinddatum"],
    )


def test_changing_another_field_is_refused_naming_it(parties):
    licentie = _registered(parties)
    counts = Licentie.objects.count(), AuditTrail.objects.count()

    response = parties["afnemer"].send(
        "PATCH", licentie["url"], {"kostenplaats": "ICT-10", "einddatum": "2040-01-01", "aantal": 1}
    )

    assert response.status_code == 400
    body = problem(response)
    assert {param["name"] for param in body["invalidParams"]} == {"einddatum", "aantal"}
    unchanged(*counts)
    assert Licentie.objects.get().kostenplaats == "ICT-9"


def test_only_an_active_licence_changes(parties):
    licentie = _registered(parties, ingangsdatum="2020-01-01", einddatum="2021-01-01", opzegtermijnDagen=0)
    assert licentie["status"] == "verlopen"

    response = parties["afnemer"].send("PATCH", licentie["url"], {"kostenplaats": "X"})

    assert response.status_code == 409
    assert problem(response)["code"] == "status"
