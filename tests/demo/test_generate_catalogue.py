from decimal import Decimal
from io import StringIO

import jsonschema
import pytest
import semver
from django.core.management import CommandError, call_command

from softwarebroker.catalogus.models import (
    Aanbieding,
    Leverancier,
    Prijs,
    Softwarepakket,
    Softwarepakketversie,
)
from softwarebroker.catalogus.search import search
from softwarebroker.demo.catalogus import load_catalogus_demo

pytestmark = pytest.mark.django_db


def generate(*args):
    out = StringIO()
    call_command("generate_catalogue", *args, stdout=out)
    return out.getvalue()


def snapshot():
    """Everything generated, without database ids (they depend on the sequences)."""
    return {
        "leveranciers": sorted(Leverancier.objects.values_list("uuid", "kvk_nummer", "naam", "rollen")),
        "pakketten": sorted(
            Softwarepakket.objects.values_list("uuid", "naam", "fabrikant__kvk_nummer", "licentie")
        ),
        "aanbiedingen": sorted(
            Aanbieding.objects.values_list(
                "uuid",
                "naam",
                "softwarepakket__uuid",
                "leverancier__kvk_nummer",
                "licentiemodel",
                "hostinglocatie",
            )
        ),
        "prijzen": sorted(
            (str(uuid), str(bedrag), str(staffels))
            for uuid, bedrag, staffels in Prijs.objects.values_list("uuid", "bedrag_excl_btw", "staffels")
        ),
    }


def test_creates_exactly_the_requested_counts():
    output = generate("--aanbiedingen", "500", "--leveranciers", "20")

    assert Aanbieding.objects.count() == 500
    assert Softwarepakket.objects.count() == 50
    assert Leverancier.objects.count() == 20
    prijzen = Prijs.objects.count()
    assert 500 <= prijzen <= 1000
    assert f"{prijzen} prijzen" in output and "Klaar in" in output
    assert not Aanbieding.objects.filter(prijzen=None).exists()
    assert set(Aanbieding.objects.values_list("status", flat=True)) == {"gepubliceerd"}
    assert not Softwarepakket.objects.filter(categorieen=None).exists()


def test_generated_rows_are_valid():
    generate("--aanbiedingen", "300", "--softwarepakketten", "40", "--leveranciers", "5")

    for versie in Softwarepakketversie.objects.values_list("versie", flat=True):
        semver.Version.parse(versie)
    for schema in Aanbieding.objects.exclude(bestelparameters_schema={}).values_list(
        "bestelparameters_schema", flat=True
    ):
        jsonschema.Draft202012Validator.check_schema(schema)
    prijzen = list(Prijs.objects.all())
    assert any(prijs.staffels for prijs in prijzen)
    for prijs in prijzen:
        assert prijs.bedrag_excl_btw.as_tuple().exponent == -2
        aantallen = [tier["vanafAantal"] for tier in prijs.staffels]
        assert aantallen == sorted(set(aantallen)) and all(aantal >= 2 for aantal in aantallen)
        assert all(Decimal(tier["bedragExclBtw"]) < prijs.bedrag_excl_btw for tier in prijs.staffels)
    for leverancier in Leverancier.objects.all():
        assert leverancier.kvk_nummer.startswith("99") and len(leverancier.kvk_nummer) == 8


def test_is_deterministic_for_a_seed():
    generate("--aanbiedingen", "200", "--seed", "7")
    first = snapshot()

    generate("--clear", "--aanbiedingen", "200", "--seed", "7")
    assert snapshot() == first

    generate("--clear", "--aanbiedingen", "200", "--seed", "8")
    assert snapshot() != first


def test_clear_removes_only_generated_rows():
    load_catalogus_demo()
    demo = {model: model.objects.count() for model in (Leverancier, Softwarepakket, Aanbieding, Prijs)}
    # A real supplier whose KvK number happens to fall in the generator's range.
    Leverancier.objects.create(naam="Echte Leverancier B.V.", kvk_nummer="99000000", status="actief")

    generate("--aanbiedingen", "100", "--leveranciers", "3")
    assert Aanbieding.objects.count() == demo[Aanbieding] + 100
    assert (
        not Leverancier.objects.filter(kvk_nummer="99000000").exclude(naam="Echte Leverancier B.V.").exists()
    )

    output = generate("--clear")

    assert "100 aanbiedingen" in output and "3 leveranciers" in output
    assert Leverancier.objects.filter(kvk_nummer="99000000").exists()
    Leverancier.objects.filter(kvk_nummer="99000000").delete()
    assert {model: model.objects.count() for model in demo} == demo


def test_refuses_to_generate_twice_without_clear():
    generate("--aanbiedingen", "10", "--leveranciers", "2")

    with pytest.raises(CommandError, match="--clear"):
        generate("--aanbiedingen", "10", "--leveranciers", "2")


def test_needs_a_count_or_clear():
    with pytest.raises(CommandError):
        generate()


def test_generated_rows_are_searchable():
    generate("--aanbiedingen", "200", "--softwarepakketten", "200", "--leveranciers", "5")

    zaaksystemen = list(search(Softwarepakket.objects.all(), "zaaksystemen"))

    assert zaaksystemen
    assert all("zaaksyste" in pakket.zoektekst for pakket in zaaksystemen[:5])
    assert search(Aanbieding.objects.all(), "zaaksystemen").exists()
