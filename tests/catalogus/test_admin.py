"""The catalogue admin: Dutch list screens, the API's rules, changes through the services."""

import pytest

from softwarebroker.catalogus.models import Aanbieding, Prijs, Softwarepakket
from softwarebroker.core import events
from tests.catalogus.factories import (
    AanbiedingFactory,
    LeverancierFactory,
    PrijsFactory,
    RaamovereenkomstFactory,
    SoftwarepakketFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "model", ["categorie", "leverancier", "softwarepakket", "aanbieding", "raamovereenkomst"]
)
def test_list_screens_render_with_search(admin_client, model):
    AanbiedingFactory()
    RaamovereenkomstFactory()

    response = admin_client.get(f"/admin/catalogus/{model}/?q=a")

    assert response.status_code == 200
    assert 'lang="nl"' in response.content.decode()


def test_add_and_change_screens_render(admin_client):
    aanbieding = AanbiedingFactory()
    PrijsFactory(aanbieding=aanbieding)

    assert admin_client.get("/admin/catalogus/aanbieding/add/").status_code == 200
    assert admin_client.get(f"/admin/catalogus/aanbieding/{aanbieding.pk}/change/").status_code == 200
    assert (
        admin_client.get(
            f"/admin/catalogus/softwarepakket/{aanbieding.softwarepakket.pk}/change/"
        ).status_code
        == 200
    )


def test_publish_action_goes_through_the_service(admin_client):
    pakket = SoftwarepakketFactory(status="concept")
    seen = []
    events.subscribe(seen.append)
    try:
        response = admin_client.post(
            "/admin/catalogus/softwarepakket/",
            {"action": "naar_gepubliceerd", "_selected_action": [pakket.pk]},
        )
    finally:
        events.unsubscribe(seen.append)

    assert response.status_code == 302
    pakket.refresh_from_db()
    assert pakket.status == "gepubliceerd"
    assert [(event.kanaal.label, event.actie) for event in seen] == [("softwarepakketten", "status")]


def test_status_action_refuses_a_transition_the_api_refuses(admin_client):
    pakket = SoftwarepakketFactory(status="ingetrokken")

    admin_client.post(
        "/admin/catalogus/softwarepakket/", {"action": "naar_gepubliceerd", "_selected_action": [pakket.pk]}
    )

    pakket.refresh_from_db()
    assert pakket.status == "ingetrokken"


def _aanbieding_form(aanbieding, prijzen):
    data = {
        "softwarepakket": aanbieding.softwarepakket.pk,
        "leverancier": aanbieding.leverancier.pk,
        "naam": aanbieding.naam,
        "omschrijving": "",
        "leveringsvorm": "saas",
        "hostinglocatie": "nl",
        "licentiemodel": "per_gebruiker",
        "eenheid": "gebruiker",
        "minimale_afname": 1,
        "verlenging": "handmatig",
        "opzegtermijn_dagen": 0,
        "indexering": "geen",
        "bestelparameters_schema": "{}",
        "geldig_vanaf": "2026-01-01",
        "status": aanbieding.status,
        "prijzen-TOTAL_FORMS": str(len(prijzen)),
        "prijzen-INITIAL_FORMS": "0",
    }
    for index, prijs in enumerate(prijzen):
        for key, value in prijs.items():
            data[f"prijzen-{index}-{key}"] = value
        data[f"prijzen-{index}-aanbieding"] = aanbieding.pk
    return data


def test_price_inline_uses_the_api_rules(admin_client):
    aanbieding = AanbiedingFactory()
    good = {
        "prijstype": "eenmalig",
        "grondslag": "per_bestelling",
        "bedrag_excl_btw": "10.00",
        "btw_percentage": "21",
        "staffels": "[]",
        "doelgroep": "iedereen",
        "geldig_vanaf": "2026-01-01",
    }
    bad = {**good, "prijstype": "terugkerend", "staffels": '[{"vanafAantal": 1, "bedragExclBtw": "x"}]'}
    tiers_per_order = {**good, "staffels": '[{"vanafAantal": 5, "bedragExclBtw": "8.00"}]'}
    url = f"/admin/catalogus/aanbieding/{aanbieding.pk}/change/"

    refused = admin_client.post(url, _aanbieding_form(aanbieding, [bad]))
    refused_tiers = admin_client.post(url, _aanbieding_form(aanbieding, [tiers_per_order]))
    saved = admin_client.post(url, _aanbieding_form(aanbieding, [good]))

    assert refused.status_code == 200  # the form again, with errors
    content = refused.content.decode()
    assert "periode" in content.lower() and "staffel" in content.lower()
    assert refused_tiers.status_code == 200
    assert "Staffels horen bij een prijs per eenheid" in refused_tiers.content.decode()
    assert saved.status_code == 302, saved.content[:2000]
    prijs = Prijs.objects.get(aanbieding=aanbieding)
    assert (prijs.bedrag_excl_btw, prijs.grondslag) == (10, "per_bestelling")


def test_price_inline_shows_the_grondslag(admin_client):
    aanbieding = AanbiedingFactory()
    PrijsFactory(aanbieding=aanbieding, prijstype="eenmalig", periode="", grondslag="per_bestelling")

    page = admin_client.get(f"/admin/catalogus/aanbieding/{aanbieding.pk}/change/").content.decode()

    assert 'name="prijzen-0-grondslag"' in page
    assert '<option value="per_bestelling" selected>' in page


def test_contract_terms_in_the_admin_use_the_api_rules(admin_client):
    aanbieding = AanbiedingFactory()
    url = f"/admin/catalogus/aanbieding/{aanbieding.pk}/change/"
    bad = {
        **_aanbieding_form(aanbieding, []),
        "looptijd_maanden": 1,
        "opzegtermijn_dagen": 30,
        "indexering": "cpi",
        "indexering_percentage": "2.00",
    }

    refused = admin_client.post(url, bad)

    assert refused.status_code == 200  # the form again, with errors
    content = refused.content.decode()
    assert "niet korter dan de looptijd" in content
    assert "Alleen een vaste indexering heeft een percentage." in content
    aanbieding.refresh_from_db()
    assert (aanbieding.looptijd_maanden, aanbieding.opzegtermijn_dagen, aanbieding.indexering) == (
        None,
        0,
        "geen",
    )


def test_invalid_spdx_in_the_admin(admin_client):
    leverancier = LeverancierFactory()
    response = admin_client.post(
        "/admin/catalogus/softwarepakket/add/",
        {
            "naam": "X",
            "fabrikant": leverancier.pk,
            "licentie": "Geen-Licentie",
            "software_type": "standalone_web",
            "status": "concept",
            "versies-TOTAL_FORMS": "0",
            "versies-INITIAL_FORMS": "0",
            "referentiecomponenten": "",
            "standaarden": "",
            "platforms": "",
        },
    )

    assert response.status_code == 200
    assert "SPDX" in response.content.decode()
    assert not Softwarepakket.objects.filter(naam="X").exists()
    assert Aanbieding.objects.count() == 0
