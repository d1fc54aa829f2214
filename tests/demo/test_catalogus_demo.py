import datetime
import itertools
import re
from collections import defaultdict
from decimal import Decimal

import jsonschema
import pytest
import semver
from django.core.management import call_command
from django.db.models import Count
from license_expression import get_spdx_licensing

from softwarebroker.catalogus.constants import (
    Doelgroep,
    Grondslag,
    Hostinglocatie,
    Leveringsvorm,
    Licentiemodel,
    Periode,
    Prijstype,
)
from softwarebroker.catalogus.models import (
    Aanbieding,
    Categorie,
    Leverancier,
    Prijs,
    Raamovereenkomst,
    Softwarepakket,
)
from softwarebroker.catalogus.search import search
from softwarebroker.demo import data
from softwarebroker.demo.catalogus import load_catalogus_demo
from softwarebroker.organisaties.models import Organisatie

pytestmark = pytest.mark.django_db

# SPDX lets a licence outside its list be named "LicenseRef-<idstring>" (e.g. a proprietary one).
LICENSE_REF = re.compile(r"^LicenseRef-[A-Za-z0-9.-]+$")
licensing = get_spdx_licensing()


@pytest.fixture
def catalogus():
    return load_catalogus_demo()


def counts():
    return {
        model.__name__: model.objects.count() for model in (Leverancier, Softwarepakket, Aanbieding, Prijs)
    }


def test_loading_twice_creates_nothing_the_second_time(catalogus):
    before = counts()

    assert catalogus > 0
    assert load_catalogus_demo() == 0
    assert counts() == before


def test_works_together_with_load_demo_data(catalogus):
    call_command("load_demo_data", verbosity=0)
    load_catalogus_demo()

    assert not Categorie.objects.values("naam").annotate(n=Count("id")).filter(n__gt=1).exists()
    assert Leverancier.objects.filter(kvk_nummer="12345678").get().naam == "Voorbeeld Software B.V."
    assert Organisatie.objects.filter(oin__in=[oin for oin, *_ in data.ORGANISATIES]).count() == len(
        data.ORGANISATIES
    )


def test_is_a_realistic_catalogue(catalogus):
    assert Softwarepakket.objects.count() >= 25
    assert Leverancier.objects.filter(status="actief").count() >= 5
    assert Softwarepakket.objects.filter(status="concept").exists()
    assert Aanbieding.objects.filter(status="concept").exists()
    # A published offer needs a published product.
    assert not Aanbieding.objects.filter(status="gepubliceerd").exclude(softwarepakket__status="gepubliceerd")
    for leverancier in Leverancier.objects.all():
        assert re.fullmatch(r"[0-9]{8}", leverancier.kvk_nummer)
        assert leverancier.rollen and leverancier.contact_email
    for pakket in Softwarepakket.objects.all():
        assert pakket.categorieen.exists(), pakket
        assert 1 <= pakket.versies.count() <= 3, pakket
    assert (
        Softwarepakket.objects.get(naam="Open Zaak").repository_url
        == "https://github.com/open-zaak/open-zaak"
    )


def test_offers_cover_every_licence_model_delivery_form_and_hosting_location(catalogus):
    aanbiedingen = Aanbieding.objects.all()

    assert {aanbieding.licentiemodel for aanbieding in aanbiedingen} == set(Licentiemodel.values)
    assert {aanbieding.leveringsvorm for aanbieding in aanbiedingen} == set(Leveringsvorm.values)
    assert {aanbieding.hostinglocatie for aanbieding in aanbiedingen} >= set(Hostinglocatie.values)
    for aanbieding in aanbiedingen:
        assert (aanbieding.hostinglocatie == "") == (aanbieding.leveringsvorm == Leveringsvorm.ON_PREMISES)
        assert aanbieding.geldig_vanaf == datetime.date(2026, 1, 1)
        assert aanbieding.prijzen.exists(), aanbieding


def test_every_order_parameter_schema_is_valid_json_schema_2020_12(catalogus):
    schemas = [
        aanbieding.bestelparameters_schema
        for aanbieding in Aanbieding.objects.all()
        if aanbieding.bestelparameters_schema
    ]

    assert len(schemas) >= 5
    for schema in schemas:
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["type"] == "object" and schema["additionalProperties"] is False


def test_every_licence_is_a_valid_spdx_expression(catalogus):
    for pakket in Softwarepakket.objects.all():
        info = licensing.validate(pakket.licentie)
        unknown = [str(symbol) for symbol in info.invalid_symbols if not LICENSE_REF.match(str(symbol))]
        assert not unknown, (pakket, unknown)
        assert pakket.open_source == ("LicenseRef-" not in pakket.licentie), pakket


def test_every_version_is_semver(catalogus):
    for pakket in Softwarepakket.objects.prefetch_related("versies"):
        for versie in pakket.versies.all():
            semver.Version.parse(versie.versie)


def test_prices_are_consistent(catalogus):
    prijzen = list(Prijs.objects.select_related("aanbieding"))

    assert {prijs.prijstype for prijs in prijzen} == set(Prijstype.values)
    assert {prijs.btw_percentage for prijs in prijzen} >= {Decimal("21"), Decimal("0")}
    for prijs in prijzen:
        assert prijs.bedrag_excl_btw.as_tuple().exponent == -2
        if prijs.prijstype == Prijstype.TERUGKEREND:
            assert prijs.periode in Periode.values, prijs
        else:
            assert prijs.periode == "", prijs
        if prijs.aanbieding.licentiemodel == Licentiemodel.PER_INWONER:
            assert prijs.prijstype == Prijstype.EENMALIG or prijs.bedrag_excl_btw < 1, prijs


def test_offers_carry_realistic_contract_terms(catalogus):
    aanbiedingen = list(Aanbieding.objects.all())
    saas = Aanbieding.objects.get(naam="Voorbeeld Zaaksysteem SaaS per gebruiker")

    assert (
        saas.looptijd_maanden,
        saas.verlengingstermijn_maanden,
        saas.max_verlengingen,
        saas.opzegtermijn_dagen,
        saas.indexering,
        saas.indexering_percentage,
        saas.indexering_plafond,
    ) == (36, 12, 2, 90, "cpi", None, Decimal("4.00"))
    assert {aanbieding.indexering for aanbieding in aanbiedingen} == {"geen", "cpi", "vast"}
    assert any(aanbieding.indexering_percentage == Decimal("2.50") for aanbieding in aanbiedingen)
    assert any(aanbieding.verlenging == "geen" and aanbieding.looptijd_maanden for aanbieding in aanbiedingen)
    for aanbieding in aanbiedingen:
        if aanbieding.verlenging == "geen":
            assert (aanbieding.verlengingstermijn_maanden, aanbieding.max_verlengingen) == (None, None)
        if aanbieding.looptijd_maanden:
            assert aanbieding.opzegtermijn_dagen < 28 * aanbieding.looptijd_maanden, aanbieding


def test_fees_count_per_order_and_everything_else_per_unit(catalogus):
    per_order = Prijs.objects.filter(grondslag=Grondslag.PER_BESTELLING).select_related("aanbieding")

    # the implementation, set-up and migration fees; never with tiers, never recurring or usage
    assert per_order.count() == 13
    assert {prijs.prijstype for prijs in per_order} == {Prijstype.EENMALIG}
    assert not [prijs for prijs in per_order if prijs.staffels]
    assert per_order.filter(aanbieding__naam="Voorbeeld Zaaksysteem SaaS per gebruiker").exists()
    assert per_order.filter(aanbieding__naam="Voorbeeld Zaaksysteem SaaS per inwoner").exists()
    # a perpetual licence per unit stays per unit, beside its yearly maintenance
    scanstraat = Prijs.objects.get(
        aanbieding__naam="Polderdata Scanstraat per scanwerkplek", prijstype=Prijstype.EENMALIG
    )
    assert scanstraat.grondslag == Grondslag.PER_EENHEID


def test_staffels_ascend_and_lower_the_price(catalogus):
    with_staffels = [prijs for prijs in Prijs.objects.all() if prijs.staffels]

    assert len(with_staffels) >= 5
    for prijs in with_staffels:
        aantallen = [tier["vanafAantal"] for tier in prijs.staffels]
        assert all(isinstance(aantal, int) and aantal >= 2 for aantal in aantallen), prijs
        assert aantallen == sorted(set(aantallen)), prijs
        bedragen = [Decimal(tier["bedragExclBtw"]) for tier in prijs.staffels]
        assert all(bedrag.as_tuple().exponent == -2 for bedrag in bedragen), prijs
        assert all(bedrag < prijs.bedrag_excl_btw for bedrag in bedragen), prijs
        assert bedragen == sorted(bedragen, reverse=True), prijs


def test_prices_of_one_offer_type_and_audience_never_overlap(catalogus):
    periods = defaultdict(list)
    for prijs in Prijs.objects.all():
        end = prijs.geldig_tot or datetime.date.max
        periods[prijs.aanbieding_id, prijs.prijstype, prijs.doelgroep].append((prijs.geldig_vanaf, end))

    for ranges in periods.values():
        ranges.sort()
        for (_, end), (next_start, _) in itertools.pairwise(ranges):
            assert end <= next_start
    assert any(len(ranges) > 1 for ranges in periods.values()), "no price change over time"


def test_framework_agreement(catalogus):
    raamovereenkomst = Raamovereenkomst.objects.get(kenmerk="VNG-RO-2026-001")

    assert raamovereenkomst.status == "actief"
    assert raamovereenkomst.contractant == "VNG Realisatie"
    assert {deelnemer.oin for deelnemer in raamovereenkomst.deelnemers.all()} == {
        oin for oin, *_ in data.ORGANISATIES
    }
    aanbiedingen = raamovereenkomst.aanbiedingen.all()
    assert len(aanbiedingen) == 2
    for aanbieding in aanbiedingen:
        assert aanbieding.leverancier in raamovereenkomst.leveranciers.all()
        assert aanbieding.prijzen.filter(doelgroep=Doelgroep.RAAMOVEREENKOMST).exists()
    assert not Prijs.objects.filter(doelgroep=Doelgroep.RAAMOVEREENKOMST, aanbieding__raamovereenkomst=None)


def test_dutch_full_text_search_finds_the_singular_for_the_plural(catalogus):
    pakketten = [pakket.naam for pakket in search(Softwarepakket.objects.all(), "zaaksystemen")]
    aanbiedingen = [aanbieding.naam for aanbieding in search(Aanbieding.objects.all(), "zaaksystemen")]

    assert "Voorbeeld Zaaksysteem" in pakketten
    assert "Voorbeeld Zaaksysteem SaaS per gebruiker" in aanbiedingen
