"""Finding things in the catalogue: search, filters, current prices and expansion."""

import datetime

import pytest
from django.utils import timezone

from softwarebroker.catalogus import search
from softwarebroker.catalogus.models import Zoekwoord
from tests.catalogus.api_requests import BASE, url
from tests.catalogus.factories import (
    AanbiedingFactory,
    CategorieFactory,
    LeverancierFactory,
    PrijsFactory,
    SoftwarepakketFactory,
    referentiecomponent,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
LATER = TODAY + datetime.timedelta(days=5)


def names(response):
    assert response.status_code == 200, response.content[:300]
    return [item["naam"] for item in response.json()["results"]]


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


def test_typos_are_corrected_after_what_the_terms_find_as_typed(client):
    # "documnetbeheer" is in no name, so a word of the names one edit away ("documentbeheer",
    # two letters swapped) is searched for too; what the terms find as typed comes first.
    named = SoftwarepakketFactory(naam="Documentbeheer Zuid")
    described = SoftwarepakketFactory(naam="Archiefsuite", omschrijving="Vervangt het oude documnetbeheer")
    SoftwarepakketFactory(naam="Kantoorwolk Online")
    search.refresh_softwarepakketten()

    body = client.get(f"{BASE}/softwarepakketten?zoek=documnetbeheer").json()
    part_of_a_word = names(client.get(f"{BASE}/softwarepakketten?zoek=kantoorw"))
    known_word = names(client.get(f"{BASE}/softwarepakketten?zoek=archiefsuite"))

    assert [item["naam"] for item in body["results"]] == [described.naam, named.naam]
    assert body["count"] == 2
    assert part_of_a_word == ["Kantoorwolk Online"]  # no typo one edit away: trigram similarity
    assert known_word == ["Archiefsuite"]


def test_the_refresh_adds_the_words_of_new_names(client):
    # Two letters swapped in "zaaksysteem": too far for trigram similarity (0.5), one edit for
    # the vocabulary the refresh keeps.
    assert names(client.get(f"{BASE}/softwarepakketten?zoek=zaaksytseem")) == []

    pakket = SoftwarepakketFactory(naam="Zaaksysteem Noord")
    search.refresh_softwarepakketten([pakket.pk])

    assert {"zaaksysteem", "noord"} <= set(Zoekwoord.objects.values_list("woord", flat=True))
    assert names(client.get(f"{BASE}/softwarepakketten?zoek=zaaksytseem")) == ["Zaaksysteem Noord"]


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
    hoofdcategorie = CategorieFactory(naam="Zaakgericht werken")
    sub = CategorieFactory(naam="Zaaksystemen", bovenliggende_categorie=hoofdcategorie)
    in_sub = SoftwarepakketFactory(naam="In sub")
    in_sub.categorieen.add(sub)
    SoftwarepakketFactory(naam="Elders")

    assert names(client.get(f"{BASE}/softwarepakketten?categorie={url('categorieen', hoofdcategorie)}")) == [
        "In sub"
    ]
    assert names(client.get(f"{BASE}/aanbiedingen?categorie={url('categorieen', hoofdcategorie)}")) == []


def test_filters_on_offers(client):
    zrc = referentiecomponent("Zaakregistratiecomponent", gemma_id="id-a97b6545-d5a7-485d-9b13-3ce22db5b9cf")
    open_source = SoftwarepakketFactory(
        open_source=True, referentiecomponenten=[zrc.uri], standaarden=["ZGW API's"]
    )
    proprietary = SoftwarepakketFactory(open_source=False, licentie="LicenseRef-proprietary")
    aanbieding_a = AanbiedingFactory(naam="A", softwarepakket=open_source, licentiemodel="per_inwoner")
    AanbiedingFactory(
        naam="B",
        softwarepakket=proprietary,
        licentiemodel="per_gebruiker",
        geldig_tot=datetime.date(2026, 2, 1),
    )

    assert names(client.get(f"{BASE}/aanbiedingen?openSource=true")) == ["A"]
    assert names(client.get(f"{BASE}/aanbiedingen?licentiemodel=per_inwoner")) == ["A"]
    assert names(client.get(f"{BASE}/aanbiedingen?referentiecomponent={zrc.uri}")) == ["A"]
    assert names(client.get(f"{BASE}/aanbiedingen?standaard=ZGW API's")) == ["A"]
    assert names(client.get(f"{BASE}/aanbiedingen?geldigOp=2026-03-01")) == ["A"]
    assert names(client.get(f"{BASE}/aanbiedingen?geldigOp=2026-01-15&sorteer=-naam")) == ["B", "A"]
    assert aanbieding_a.uuid


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

    assert [item["bedragExclBtw"] for item in today] == ["10.00"]
    assert [item["bedragExclBtw"] for item in later["actuelePrijzen"]] == ["12.00"]
    assert [item["bedragExclBtw"] for item in prijzen_later.json()["results"]] == ["12.00"]


def test_expand_softwarepakket_leverancier_prijzen(client):
    prijs = PrijsFactory()

    body = client.get(f"{BASE}/aanbiedingen?expand=softwarepakket,leverancier,prijzen").json()["results"][0]

    assert body["_expand"]["softwarepakket"]["naam"] == prijs.aanbieding.softwarepakket.naam
    assert body["_expand"]["leverancier"]["kvkNummer"] == prijs.aanbieding.leverancier.kvk_nummer
    assert [item["url"] for item in body["_expand"]["prijzen"]] == [url("prijzen", prijs)]
