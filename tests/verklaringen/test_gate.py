"""The declaration gate: an order is submitted (a round joined or awarded) only when every
required document of its offers is covered by a valid, approved declaration; the order line
freezes the declarations that covered it."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from softwarebroker.autorisaties.context import Acting
from softwarebroker.bestellingen import services as bestellingen
from softwarebroker.bestellingen.models import Bestelling, Bestelregel, Statuswijziging
from softwarebroker.catalogus import services as catalogus
from softwarebroker.catalogus.verklaringen import services as verklaringen
from softwarebroker.core import errors
from softwarebroker.vraagbundelingen.models import Deelname
from tests.bestellingen.api_world import API, CATALOGUS, transition
from tests.bestellingen.factories import BestellingFactory, LicentieFactory
from tests.bestellingen.helpers import Partijen, aanbieding_with_prijzen
from tests.catalogus.factories import AanbiedingFactory, LeverancierFactory
from tests.conftest import problem
from tests.vraagbundelingen.support import Deelnemer, bundel_aanbieding, gun, open_ronde, refused, rows, sluit

from .support import goedgekeurde_verklaring, leverancier_acting

pytestmark = pytest.mark.django_db

VEREIST = ["verwerkersovereenkomst", "dpia"]


def _url(verklaring):
    return f"{CATALOGUS}/verklaringen/{verklaring.uuid}"


def _order(world, *aanbiedingen):
    payload = {
        "besteller": f"{API}/organisaties/{world['organisatie'].uuid}",
        "kostenplaats": "ICT-2026",
        "regels": [{"aanbieding": f"{CATALOGUS}/aanbiedingen/{a.uuid}", "aantal": 10} for a in aanbiedingen],
    }
    response = world["afnemer"].post(f"{API}/bestellingen", payload)
    assert response.status_code == 201, response.content
    return response.json()["url"]


def _state(url):
    bestelling = Bestelling.objects.get(uuid=url.rsplit("/", 1)[1])
    return (
        bestelling.status,
        bestelling.versie,
        bestelling.ingediend_op,
        list(Bestelregel.objects.filter(bestelling=bestelling).order_by("pk").values()),
        Statuswijziging.objects.filter(bestelling=bestelling).count(),
    )


def test_every_missing_type_of_every_line_in_one_409_and_nothing_changed(world):
    leverancier = world["aanbieding"].leverancier
    eerste = aanbieding_with_prijzen(leverancier=leverancier, vereiste_documenten=VEREIST)
    tweede = aanbieding_with_prijzen(leverancier=leverancier, vereiste_documenten=["sla", "exitplan", "dpia"])
    goedgekeurde_verklaring(leverancier, "verwerkersovereenkomst")
    goedgekeurde_verklaring(tweede, "exitplan")
    url = _order(world, eerste, tweede)
    before = _state(url)

    response = transition(world["afnemer"], url, "ter_goedkeuring")

    assert response.status_code == 409
    body = problem(response)
    assert body["code"] == "verklaring_ontbreekt"
    assert [(p["name"], p["code"], p["reason"]) for p in body["invalidParams"]] == [
        (
            "regels.0.aanbieding",
            "verklaring_ontbreekt",
            "Geen geldige, goedgekeurde verklaring van het type 'dpia' (DPIA).",
        ),
        (
            "regels.1.aanbieding",
            "verklaring_ontbreekt",
            "Geen geldige, goedgekeurde verklaring van het type 'sla' (Service level agreement).",
        ),
        (
            "regels.1.aanbieding",
            "verklaring_ontbreekt",
            "Geen geldige, goedgekeurde verklaring van het type 'dpia' (DPIA).",
        ),
    ]
    assert body["detail"].endswith(
        "Ontbreekt: regels.0.aanbieding: DPIA; regels.1.aanbieding: Service level agreement, DPIA."
    )
    assert _state(url) == before


def test_a_suppliers_declarations_cover_its_offers_and_are_frozen_with_the_prices(world):
    aanbieding = aanbieding_with_prijzen(
        leverancier=world["aanbieding"].leverancier, vereiste_documenten=VEREIST
    )
    leverancier = aanbieding.leverancier
    verwerkers = goedgekeurde_verklaring(leverancier, "verwerkersovereenkomst")
    dpia = goedgekeurde_verklaring(
        leverancier, "dpia", geldig_vanaf=datetime.date(2025, 6, 1), geldig_tot=datetime.date(2099, 5, 31)
    )
    url = _order(world, aanbieding)

    response = transition(world["afnemer"], url, "ter_goedkeuring")

    assert response.status_code == 201, response.content
    regel = world["afnemer"].get(url).json()["regels"][0]
    frozen = [
        {"type": "dpia", "verklaring": _url(dpia), "geldigVanaf": "2025-06-01", "geldigTot": "2099-05-31"},
        {
            "type": "verwerkersovereenkomst",
            "verklaring": _url(verwerkers),
            "geldigVanaf": "2025-01-01",
            "geldigTot": None,
        },
    ]
    assert regel["verklaringenMomentopname"] == frozen
    assert regel["prijsMomentopname"] is not None

    # A later, more specific declaration does not change what the submitted order froze.
    goedgekeurde_verklaring(aanbieding, "dpia")
    assert world["afnemer"].get(url).json()["regels"][0]["verklaringenMomentopname"] == frozen


def test_a_packages_dpia_covers_the_offers_of_that_package_of_any_supplier():
    fabrikant_offer = AanbiedingFactory(vereiste_documenten=["dpia"])
    pakket = fabrikant_offer.softwarepakket
    reseller = aanbieding_with_prijzen(
        softwarepakket=pakket, leverancier=LeverancierFactory(), vereiste_documenten=["dpia"]
    )
    ander_pakket = aanbieding_with_prijzen(leverancier=reseller.leverancier, vereiste_documenten=["dpia"])
    dpia = goedgekeurde_verklaring(pakket, "dpia")
    partijen = Partijen(aanbieding=reseller)

    bestelling = partijen.ingediend()
    assert bestelling.regels.get().verklaringen_momentopname[0]["verklaring"].endswith(str(dpia.uuid))

    partijen.aanbieding = ander_pakket
    with pytest.raises(errors.Conflict) as refused_:
        bestellingen.change_status(
            acting=partijen.afnemer, bestelling=partijen.bestelling(), naar="ter_goedkeuring"
        )
    assert [(p.field, p.code) for p in refused_.value.problems] == [
        ("regels.0.aanbieding", "verklaring_ontbreekt")
    ]


def _submit(partijen):
    bestellingen.change_status(
        acting=partijen.afnemer, bestelling=partijen.bestelling(), naar="ter_goedkeuring"
    )


def test_an_expired_or_unapproved_declaration_does_not_count():
    aanbieding = aanbieding_with_prijzen(
        vereiste_documenten=["verwerkersovereenkomst", "dpia", "sla", "pentest"]
    )
    leverancier = aanbieding.leverancier
    eigenaar = leverancier_acting(leverancier)
    today = timezone.localdate()
    goedgekeurde_verklaring(
        leverancier, "verwerkersovereenkomst", geldig_tot=today + datetime.timedelta(days=5)
    )
    ingediend = verklaringen.create_verklaring(
        acting=eigenaar, onderwerp=leverancier, type="dpia", geldig_vanaf=datetime.date(2025, 1, 1),
        bewijs_url="https://leverancier.example/dpia.pdf",
    )  # fmt: skip
    verklaringen.submit_verklaring(acting=eigenaar, verklaring=ingediend)  # ter beoordeling, not approved
    verklaringen.create_verklaring(
        acting=eigenaar, onderwerp=leverancier, type="sla", geldig_vanaf=datetime.date(2025, 1, 1)
    )  # a concept
    goedgekeurde_verklaring(
        leverancier, "pentest", geldig_vanaf=today + datetime.timedelta(days=30)
    )  # not yet
    partijen = Partijen(aanbieding=aanbieding)

    with pytest.raises(errors.Conflict) as today_refused:
        _submit(partijen)
    assert [p.message for p in today_refused.value.problems] == [
        "Geen geldige, goedgekeurde verklaring van het type 'dpia' (DPIA).",
        "Geen geldige, goedgekeurde verklaring van het type 'sla' (Service level agreement).",
        "Geen geldige, goedgekeurde verklaring van het type 'pentest' (Pentest).",
    ]
    # Still approved in the table (the nightly job has not run), but no longer valid.
    later_day = timezone.now() + datetime.timedelta(days=10)
    with time_machine.travel(later_day, tick=False), pytest.raises(errors.Conflict) as later:
        _submit(partijen)
    assert "verwerkersovereenkomst" in later.value.problems[0].message


def test_cancelling_or_reducing_a_licence_is_not_held_back_by_missing_declarations():
    licentie = LicentieFactory()
    aanbieding = licentie.aanbieding
    catalogus.update_aanbieding(
        acting=Acting.system("test"), aanbieding=aanbieding, partial=True, vereiste_documenten=["dpia"]
    )

    for actie, aantal in (("verminderen", 5), ("opzeggen", licentie.aantal)):
        bestelling = BestellingFactory(
            besteller=licentie.organisatie,
            aanbieding=aanbieding,
            aantal=aantal,
            actie=actie,
            licentie=licentie,
            status="ter_goedkeuring",
        )
        assert bestelling.regels.get().verklaringen_momentopname == []
    with pytest.raises(errors.Conflict):
        BestellingFactory(besteller=licentie.organisatie, aanbieding=aanbieding, status="ter_goedkeuring")


def _offers(count, vereist, leverancier):
    return [
        aanbieding_with_prijzen(leverancier=leverancier, vereiste_documenten=vereist) for _ in range(count)
    ]


def _submission_queries(count, vereist):
    leverancier = LeverancierFactory()
    for soort in vereist:
        goedgekeurde_verklaring(leverancier, soort)
    offers = _offers(count, vereist, leverancier)
    partijen = Partijen(aanbieding=offers[0])
    bestelling = bestellingen.create_bestelling(
        acting=partijen.afnemer,
        besteller=partijen.organisatie,
        regels=[{"aanbieding": offer, "aantal": 10} for offer in offers],
    )
    with CaptureQueriesContext(connection) as queries:
        bestellingen.change_status(acting=partijen.afnemer, bestelling=bestelling, naar="ter_goedkeuring")
    assert all(regel.verklaringen_momentopname is not None for regel in bestelling.regels.all())
    statements = [query["sql"] for query in queries.captured_queries]
    return len(statements), sum("catalogus_verklaring" in sql for sql in statements)


def test_the_gate_costs_one_query_whatever_the_number_of_lines():
    vier = ["verwerkersovereenkomst", "dpia", "sla", "exitplan"]
    one_plain, gate_one_plain = _submission_queries(1, [])
    ten_plain, gate_ten_plain = _submission_queries(10, [])
    one, gate_one = _submission_queries(1, vier)
    ten, gate_ten = _submission_queries(10, vier)

    assert gate_one_plain == gate_ten_plain == gate_one == gate_ten == 1
    # Requirements on every line cost nothing more: the lines' own work (prices) is all that grows.
    assert (one, ten) == (one_plain, ten_plain)


def test_joining_a_round_is_refused_without_the_offers_declarations_and_nothing_changes():
    ronde = open_ronde(bundel_aanbieding(vereiste_documenten=VEREIST))
    goedgekeurde_verklaring(ronde.aanbieding.leverancier, "dpia")
    deelnemer = Deelnemer()
    before = rows()

    error = refused(lambda: deelnemer.doe_mee(ronde, 50), 409)

    assert error.code == "verklaring_ontbreekt"
    assert [(p.field, p.code) for p in error.problems] == [("vraagbundeling", "verklaring_ontbreekt")]
    assert "Verwerkersovereenkomst" in error.message
    assert rows() == before


def test_a_round_whose_offers_declaration_expired_after_joining_is_not_awarded():
    aanbieding = bundel_aanbieding(vereiste_documenten=["dpia"])
    goedgekeurde_verklaring(aanbieding, "dpia", geldig_tot=timezone.localdate() + datetime.timedelta(days=3))
    ronde = open_ronde(aanbieding, dagen=2)
    Deelnemer().doe_mee(ronde, 120)
    Deelnemer().doe_mee(ronde, 90)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=5), tick=False):
        sluit(ronde)
        ronde.refresh_from_db()
        before = rows()
        error = refused(lambda: gun(ronde), 409)
        assert error.code == "verklaring_ontbreekt"
        assert rows() == before
    assert not Deelname.objects.filter(bestelling__isnull=False).exists()


def test_an_awarded_rounds_orders_freeze_the_offers_declarations():
    aanbieding = bundel_aanbieding(vereiste_documenten=["dpia"])
    dpia = goedgekeurde_verklaring(aanbieding.softwarepakket, "dpia")
    ronde = open_ronde(aanbieding)
    Deelnemer().doe_mee(ronde, 120)
    sluit(ronde)
    ronde.refresh_from_db()
    gun(ronde)

    regel = Bestelregel.objects.get(aanbieding=aanbieding)
    assert [(v["type"], v["verklaring"].rsplit("/", 1)[1]) for v in regel.verklaringen_momentopname] == [
        ("dpia", str(dpia.uuid))
    ]
