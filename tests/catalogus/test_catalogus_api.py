"""Catalogue resources through the API: validation, finding things, prices, ownership, events."""

import datetime
import json

import pytest
import yaml
from django.test import Client

from softwarebroker.catalogus import events, search
from softwarebroker.catalogus.models import Aanbieding, Prijs
from tests.auth import bearer
from tests.autorisaties.factories import make_applicatie
from tests.catalogus.factories import (
    AanbiedingFactory,
    CategorieFactory,
    LeverancierFactory,
    PrijsFactory,
    SoftwarepakketFactory,
)
from tests.conftest import invalid_param, problem

pytestmark = pytest.mark.django_db

BASE = "/catalogus/api/v1"
TODAY = datetime.date.today()
LATER = TODAY + datetime.timedelta(days=5)


def url(collection, obj):
    return f"http://testserver{BASE}/{collection}/{obj.uuid}"


def send(client, method, path, data):
    return client.generic(method, f"{BASE}/{path}", json.dumps(data), content_type="application/json")


def names(response):
    assert response.status_code == 200, response.content[:300]
    return [item["naam"] for item in response.json()["results"]]


@pytest.fixture
def captured_events():
    seen = []
    events.subscribe(seen.append)
    yield seen
    events.unsubscribe(seen.append)


# --- validation -----------------------------------------------------------------------------


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
    assert {p["name"] for p in body["invalidParams"]} >= {"leverancier", "naam", "leveringsvorm"}
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


# --- finding things ------------------------------------------------------------------------


def test_search_with_dutch_stemming_typos_and_relevance(client):
    SoftwarepakketFactory(naam="Zaaksysteem Noord", korte_omschrijving="Zaken afhandelen")
    SoftwarepakketFactory(naam="Documentbeheer Zuid", omschrijving="Werkt samen met elk zaaksysteem")
    SoftwarepakketFactory(naam="Kantoorpakket", korte_omschrijving="Tekstverwerker")
    search.refresh_softwarepakketten()  # the services do this on every change; factories don't

    plural = names(client.get(f"{BASE}/softwarepakketten?zoek=zaaksystemen"))
    typo = names(client.get(f"{BASE}/softwarepakketten?zoek=zaaksysteen"))

    assert plural == ["Zaaksysteem Noord", "Documentbeheer Zuid"]  # name match ranks first
    assert typo[0] == "Zaaksysteem Noord"
    assert "Kantoorpakket" not in plural + typo


def test_search_on_aanbiedingen_covers_supplier_and_category(client):
    categorie = CategorieFactory(naam="Klantcontactsystemen")
    pakket = SoftwarepakketFactory(naam="Contactcentrum")
    pakket.categorieen.add(categorie)
    aanbieding = AanbiedingFactory(
        softwarepakket=pakket, leverancier=LeverancierFactory(naam="Polderdata B.V.")
    )
    AanbiedingFactory(naam="Iets anders")
    search.refresh_aanbiedingen()

    assert names(client.get(f"{BASE}/aanbiedingen?zoek=polderdata")) == [aanbieding.naam]
    assert names(client.get(f"{BASE}/aanbiedingen?zoek=klantcontactsysteem")) == [aanbieding.naam]


def test_category_filter_includes_sub_categories(client):
    hoofd = CategorieFactory(naam="Zaakgericht werken")
    sub = CategorieFactory(naam="Zaaksystemen", bovenliggende_categorie=hoofd)
    in_sub = SoftwarepakketFactory(naam="In sub")
    in_sub.categorieen.add(sub)
    SoftwarepakketFactory(naam="Elders")

    assert names(client.get(f"{BASE}/softwarepakketten?categorie={url('categorieen', hoofd)}")) == ["In sub"]
    assert names(client.get(f"{BASE}/aanbiedingen?categorie={url('categorieen', hoofd)}")) == []


def test_filters_on_offers(client):
    open_source = SoftwarepakketFactory(
        open_source=True, referentiecomponenten=["https://gemma.example/zrc"], standaarden=["ZGW API's"]
    )
    gesloten = SoftwarepakketFactory(open_source=False, licentie="LicenseRef-proprietary")
    a = AanbiedingFactory(naam="A", softwarepakket=open_source, licentiemodel="per_inwoner")
    AanbiedingFactory(
        naam="B", softwarepakket=gesloten, licentiemodel="per_gebruiker", geldig_tot=datetime.date(2026, 2, 1)
    )

    assert names(client.get(f"{BASE}/aanbiedingen?openSource=true")) == ["A"]
    assert names(client.get(f"{BASE}/aanbiedingen?licentiemodel=per_inwoner")) == ["A"]
    assert names(client.get(f"{BASE}/aanbiedingen?referentiecomponent=https://gemma.example/zrc")) == ["A"]
    assert names(client.get(f"{BASE}/aanbiedingen?standaard=ZGW API's")) == ["A"]
    assert names(client.get(f"{BASE}/aanbiedingen?geldigOp=2026-03-01")) == ["A"]
    assert names(client.get(f"{BASE}/aanbiedingen?geldigOp=2026-01-15&sorteer=-naam")) == ["B", "A"]
    assert a.uuid


def test_actuele_prijzen_follow_today_or_geldig_op(client):
    aanbieding = AanbiedingFactory()
    PrijsFactory(
        aanbieding=aanbieding,
        bedrag_excl_btw="10.00",
        geldig_vanaf=TODAY - datetime.timedelta(days=30),
        geldig_tot=TODAY + datetime.timedelta(days=1),
    )
    PrijsFactory(
        aanbieding=aanbieding,
        bedrag_excl_btw="12.00",
        geldig_vanaf=TODAY + datetime.timedelta(days=1),
        geldig_tot=None,
    )

    today = client.get(f"{BASE}/aanbiedingen/{aanbieding.uuid}").json()["actuelePrijzen"]
    later = client.get(f"{BASE}/aanbiedingen?geldigOp={TODAY + datetime.timedelta(days=5)}").json()[
        "results"
    ][0]
    prijzen_later = client.get(
        f"{BASE}/prijzen?aanbieding={url('aanbiedingen', aanbieding)}&geldigOp={LATER}"
    )

    assert [p["bedragExclBtw"] for p in today] == ["10.00"]
    assert [p["bedragExclBtw"] for p in later["actuelePrijzen"]] == ["12.00"]
    assert [p["bedragExclBtw"] for p in prijzen_later.json()["results"]] == ["12.00"]


def test_expand_softwarepakket_leverancier_prijzen(client):
    prijs = PrijsFactory()

    body = client.get(f"{BASE}/aanbiedingen?expand=softwarepakket,leverancier,prijzen").json()["results"][0]

    assert body["_expand"]["softwarepakket"]["naam"] == prijs.aanbieding.softwarepakket.naam
    assert body["_expand"]["leverancier"]["kvkNummer"] == prijs.aanbieding.leverancier.kvk_nummer
    assert [p["url"] for p in body["_expand"]["prijzen"]] == [url("prijzen", prijs)]


# --- ownership and visibility -----------------------------------------------------------------


def test_suppliers_manage_only_their_own_offers_and_see_concepts_only_of_their_own():
    eigen, ander = LeverancierFactory(), LeverancierFactory()
    supplier = Client(headers=bearer(make_applicatie("leverancier", leverancier=eigen).client_id))
    afnemer = Client(headers=bearer(make_applicatie("afnemer").client_id))
    concept = AanbiedingFactory(leverancier=eigen, status="concept")
    payload = {
        "softwarepakket": url("softwarepakketten", SoftwarepakketFactory()),
        "naam": "Nieuw",
        "leveringsvorm": "saas",
        "licentiemodel": "per_gebruiker",
        "eenheid": "gebruiker",
        "geldigVanaf": "2026-01-01",
    }

    own = send(supplier, "POST", "aanbiedingen", {**payload, "leverancier": url("leveranciers", eigen)})
    other = send(supplier, "POST", "aanbiedingen", {**payload, "leverancier": url("leveranciers", ander)})

    assert own.status_code == 201
    assert other.status_code == 403
    assert supplier.get(f"{BASE}/aanbiedingen/{concept.uuid}").status_code == 200
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


# --- events ---------------------------------------------------------------------------------------


def test_every_change_publishes_one_event_in_its_transaction(client, captured_events):
    aanbieding = AanbiedingFactory(
        status="concept", softwarepakket=SoftwarepakketFactory(status="gepubliceerd")
    )

    send(client, "PATCH", f"aanbiedingen/{aanbieding.uuid}", {"naam": "Hernoemd"})
    send(client, "PATCH", f"aanbiedingen/{aanbieding.uuid}", {"status": "gepubliceerd"})
    send(
        client,
        "POST",
        "prijzen",
        {
            "aanbieding": url("aanbiedingen", aanbieding),
            "prijstype": "eenmalig",
            "bedragExclBtw": "1.00",
            "geldigVanaf": "2026-01-01",
        },
    )
    send(client, "PATCH", f"aanbiedingen/{aanbieding.uuid}", {"status": "concept"})  # refused: no event

    assert [(e.kanaal, e.actie, e.resource) for e in captured_events] == [
        ("aanbiedingen", "update", "aanbieding"),
        ("aanbiedingen", "status", "aanbieding"),
        ("aanbiedingen", "create", "prijs"),
    ]
    assert captured_events[2].hoofd_object == aanbieding


@pytest.mark.django_db(transaction=True)
def test_publishing_outside_a_transaction_is_refused():
    with pytest.raises(RuntimeError):
        events.publish(kanaal=events.AANBIEDINGEN, actie="update", instance=AanbiedingFactory())


# --- publiccode.yml through the API -------------------------------------------------------------


def test_publiccode_export_and_import_endpoints(client):
    pakket = SoftwarepakketFactory(
        repository_url="https://code.example.org/zaken", website="https://zaken.example.org"
    )

    exported = client.get(f"{BASE}/softwarepakketten/{pakket.uuid}/publiccode")
    as_json = client.get(
        f"{BASE}/softwarepakketten/{pakket.uuid}/publiccode", headers={"Accept": "application/json"}
    )
    document = yaml.safe_load(exported.content)
    document["name"] = "Hernoemd"
    reimported = client.post(
        f"{BASE}/softwarepakketten/_importeer", yaml.safe_dump(document), content_type="application/yaml"
    )
    document["url"] = "https://code.example.org/nieuw"
    created = client.post(
        f"{BASE}/softwarepakketten/_importeer", yaml.safe_dump(document), content_type="application/yaml"
    )
    invalid = client.post(
        f"{BASE}/softwarepakketten/_importeer",
        yaml.safe_dump({**document, "softwareType": "desktop", "name": None, "legal": {"license": "Onzin"}}),
        content_type="application/yaml",
    )

    assert exported["Content-Type"].startswith("application/yaml")
    assert document["url"] and exported.status_code == 200
    assert as_json.status_code == 406
    assert reimported.status_code == 200 and reimported.json()["naam"] == "Hernoemd"
    assert created.status_code == 201 and created["Location"] == created.json()["url"]
    names_ = {p["name"] for p in problem(invalid)["invalidParams"]}
    assert {"softwareType", "name", "legal.license"} <= names_


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
