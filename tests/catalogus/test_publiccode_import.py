"""publiccode.yml import: creating and updating packages from documents, and parsing them."""

import datetime

import pytest
import yaml
from django.contrib.postgres.search import SearchQuery

from softwarebroker.autorisaties.context import Acting
from softwarebroker.catalogus.models import Leverancier, Softwarepakket
from softwarebroker.catalogus.publiccode import export_publiccode, import_publiccode, parse_publiccode
from tests.catalogus.factories import LeverancierFactory
from tests.catalogus.publiccode_documents import DOCUMENTS, fixture, schema_errors

pytestmark = pytest.mark.django_db

BEHEER = Acting.system("test")


# --- the fixtures themselves ---------------------------------------------------------------


@pytest.mark.parametrize("name", DOCUMENTS)
def test_fixtures_are_valid_publiccode(name):
    assert len(DOCUMENTS) >= 4
    assert schema_errors(yaml.safe_load(fixture(name))) == []


# --- import ---------------------------------------------------------------------------------


def test_import_creates_the_package_with_its_version_and_supplier():
    fabrikant = LeverancierFactory(naam="Stichting Zaakvlot")

    pakket, created = import_publiccode(fixture("zaaksysteem.yml"), acting=BEHEER)

    assert created
    pakket.refresh_from_db()
    assert pakket.naam == "Zaakvlot"
    assert pakket.repository_url == "https://github.com/zaakvlot/zaakvlot"
    assert pakket.website == "https://zaakvlot.example.org"
    assert pakket.documentatie_url == "https://docs.zaakvlot.example.org"
    assert pakket.korte_omschrijving.startswith("Zaaksysteem voor gemeenten")
    assert pakket.omschrijving.startswith("Zaakvlot is een zaaksysteem") and "\n" not in pakket.omschrijving
    assert pakket.software_type == "standalone_web"
    assert pakket.platforms == ["web"]
    assert (pakket.licentie, pakket.open_source) == ("EUPL-1.2", True)
    assert pakket.status == "gepubliceerd"  # stable
    assert pakket.fabrikant == fabrikant
    assert list(pakket.versies.values_list("versie", "releasedatum")) == [
        ("2.4.1", datetime.date(2025, 9, 30))
    ]
    # The search columns are refreshed in the same import.
    assert "zaakvlot" in pakket.zoektekst
    assert Softwarepakket.objects.filter(zoekvector=SearchQuery("zaaksystemen", config="dutch")).exists()


def test_import_reads_language_tags_unquoted_dates_and_prerelease_versions():
    formulieren, _ = import_publiccode(fixture("formulieren.yml"), acting=BEHEER)
    archief, _ = import_publiccode(fixture("documentbeheer.yml"), acting=BEHEER)
    bibliotheek, _ = import_publiccode(fixture("elfproef.yml"), acting=BEHEER)

    assert formulieren.versies.get().releasedatum == datetime.date(2025, 11, 14)
    assert formulieren.versies.get().versie == "3.0.0-rc.2"
    assert formulieren.status == "gepubliceerd"  # beta is usable software
    assert archief.korte_omschrijving.startswith("Documentregistratie")  # nl-NL before en
    assert archief.status == "concept"  # development
    assert archief.software_type == "standalone_backend"
    assert bibliotheek.korte_omschrijving.startswith("Validation of Dutch")  # only en
    assert bibliotheek.software_type == "library"
    assert bibliotheek.versies.get().releasedatum is None
    # No supplier with these names exists, and an import never creates one.
    assert Leverancier.objects.count() == 0
    assert {formulieren.fabrikant, archief.fabrikant, bibliotheek.fabrikant} == {None}


def test_reimport_updates_the_package_matched_on_url():
    pakket, _ = import_publiccode(fixture("zaaksysteem.yml"), acting=BEHEER)
    Softwarepakket.objects.filter(pk=pakket.pk).update(
        standaarden=["ZGW API's"],
        referentiecomponenten=["https://gemmaonline.nl/id/zaakregistratiecomponent"],
    )
    newer = (
        fixture("zaaksysteem.yml")
        .replace('softwareVersion: "2.4.1"', 'softwareVersion: "2.5.0"')
        .replace('releaseDate: "2025-09-30"', 'releaseDate: "2026-01-15"')
        .replace("Zaaksysteem voor gemeenten dat", "Zaaksysteem voor gemeenten en regio's dat")
    )

    again, created = import_publiccode(newer, acting=BEHEER)

    assert not created
    assert again.pk == pakket.pk
    assert Softwarepakket.objects.count() == 1
    again.refresh_from_db()
    assert again.korte_omschrijving.startswith("Zaaksysteem voor gemeenten en regio's")
    assert sorted(again.versies.values_list("versie", flat=True)) == ["2.4.1", "2.5.0"]
    assert export_publiccode(again)["softwareVersion"] == "2.5.0"
    # Not part of a valid publiccode.yml, so an import leaves them as they were.
    assert again.standaarden == ["ZGW API's"]
    assert again.referentiecomponenten == ["https://gemmaonline.nl/id/zaakregistratiecomponent"]


def test_reimport_takes_over_only_allowed_status_transitions():
    pakket, _ = import_publiccode(fixture("zaaksysteem.yml"), acting=BEHEER)  # stable: gepubliceerd
    development = fixture("zaaksysteem.yml").replace(
        "developmentStatus: stable", "developmentStatus: development"
    )
    obsolete = fixture("zaaksysteem.yml").replace("developmentStatus: stable", "developmentStatus: obsolete")

    import_publiccode(development, acting=BEHEER)
    pakket.refresh_from_db()
    assert pakket.status == "gepubliceerd"  # no way back to concept

    import_publiccode(obsolete, acting=BEHEER)
    pakket.refresh_from_db()
    assert pakket.status == "ingetrokken"


def test_supplier_is_linked_only_when_exactly_one_has_the_name():
    known_leverancier = LeverancierFactory(naam="Bekende B.V.")
    pakket, _ = import_publiccode(fixture("documentbeheer.yml"), acting=BEHEER)
    Softwarepakket.objects.filter(pk=pakket.pk).update(fabrikant=known_leverancier)
    LeverancierFactory.create_batch(2, naam="Samenwerkingsverband Archiefkast")

    pakket, _ = import_publiccode(fixture("documentbeheer.yml"), acting=BEHEER)

    assert pakket.fabrikant == known_leverancier  # ambiguous name: left unchanged


def test_licences():
    def parsed(license):
        text = fixture("elfproef.yml").replace("license: EUPL-1.2 OR MIT", f"license: {license}")
        fields = parse_publiccode(text).fields
        return fields["licentie"], fields["open_source"]

    assert parsed("GPL-3.0-or-later WITH Classpath-exception-2.0") == (
        "GPL-3.0-or-later WITH Classpath-exception-2.0",
        True,
    )
    assert parsed("LicenseRef-gemeentelijk-gebruik") == ("LicenseRef-gemeentelijk-gebruik", False)
    assert parsed("MIT AND LicenseRef-extra-voorwaarden") == ("MIT AND LicenseRef-extra-voorwaarden", False)
    assert parsed("LicenseRef-unknown") == ("", False)  # what an export says for "no licence known"


@pytest.mark.parametrize(
    ("languages", "chosen"),
    [
        ({"de": "Deutsch", "en": "English", "nl": "Nederlands"}, "Nederlands"),
        ({"de": "Deutsch", "en": "English"}, "English"),
        ({"fr": "Français", "de": "Deutsch"}, "Français"),
    ],
)
def test_description_language_is_nl_else_en_else_the_first(languages, chosen):
    document = yaml.safe_load(fixture("elfproef.yml"))
    document["description"] = {lang: {"shortDescription": text} for lang, text in languages.items()}

    assert parse_publiccode(yaml.safe_dump(document, sort_keys=False)).fields["korte_omschrijving"] == chosen
