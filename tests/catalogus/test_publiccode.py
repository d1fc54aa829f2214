"""publiccode.yml export, parsing and import, and the import_publiccode command."""

import datetime
import functools
import json
import urllib.request
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import pytest
import yaml
from django.contrib.postgres.search import SearchQuery
from django.core.management import CommandError, call_command
from django.test import RequestFactory

from softwarebroker.catalogus.models import Leverancier, Softwarepakket, Softwarepakketversie
from softwarebroker.catalogus.publiccode import (
    PubliccodeInvalid,
    PubliccodeNotExportable,
    dump_publiccode,
    export_publiccode,
    import_publiccode,
    parse_publiccode,
)
from tests.catalogus.factories import LeverancierFactory

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "publiccode"
DOCUMENTS = sorted(path.name for path in FIXTURES.glob("*.yml"))
REPO = Path(__file__).resolve().parents[2]
# The official schema as kept beside the project; a clone on its own downloads it once.
SHARED_SCHEMA = REPO.parent / "shared" / "standards" / "publiccode" / "publiccode_schema.json"
CACHED_SCHEMA = REPO / ".cache" / "publiccode-schema.json"
SCHEMA_URL = "https://json.schemastore.org/publiccode.json"


@functools.cache
def official_schema() -> dict:
    if SHARED_SCHEMA.exists():
        return json.loads(SHARED_SCHEMA.read_text(encoding="utf-8"))
    if not CACHED_SCHEMA.exists():
        CACHED_SCHEMA.parent.mkdir(exist_ok=True)
        with urllib.request.urlopen(SCHEMA_URL, timeout=30) as response:
            CACHED_SCHEMA.write_bytes(response.read())
    return json.loads(CACHED_SCHEMA.read_text(encoding="utf-8"))


def _is_uri(value) -> bool:
    # jsonschema only checks "uri" with optional packages installed; this is enough for our URLs.
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return bool(parts.scheme and parts.netloc)


def schema_errors(document: dict) -> list[str]:
    """Problems of the document against the official schema, formats included."""
    schema = official_schema()
    checker = jsonschema.FormatChecker()
    checker.checks("uri")(_is_uri)
    validator = jsonschema.validators.validator_for(schema)(schema, format_checker=checker)
    # Through JSON, as a publiccode parser sees YAML dates: as text.
    document = json.loads(json.dumps(document, default=str))
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator.iter_errors(document)
    ]


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def snapshot(pakket: Softwarepakket) -> dict:
    """Every stored value of the package that an import can set, and its versions."""
    pakket.refresh_from_db()
    skip = {"id", "uuid", "zoektekst", "zoekvector"}
    values = {
        f.name: getattr(pakket, f.attname) for f in Softwarepakket._meta.concrete_fields if f.name not in skip
    }
    values["versies"] = sorted(pakket.versies.values_list("versie", "releasedatum", "status"))
    return values


def delete(pakket: Softwarepakket) -> None:
    pakket.versies.all().delete()
    pakket.delete()


def owners() -> None:
    """The suppliers the fixtures name as copyright or repository owner."""
    for naam in ("Stichting Zaakvlot", "Formulierenfabriek B.V.", "Samenwerkingsverband Archiefkast"):
        LeverancierFactory(naam=naam)


# --- the fixtures themselves ---------------------------------------------------------------


@pytest.mark.parametrize("name", DOCUMENTS)
def test_fixtures_are_valid_publiccode(name):
    assert len(DOCUMENTS) >= 4
    assert schema_errors(yaml.safe_load(fixture(name))) == []


# --- import ---------------------------------------------------------------------------------


def test_import_creates_the_package_with_its_version_and_supplier():
    fabrikant = LeverancierFactory(naam="Stichting Zaakvlot")

    pakket, created = import_publiccode(fixture("zaaksysteem.yml"))

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
    formulieren, _ = import_publiccode(fixture("formulieren.yml"))
    archief, _ = import_publiccode(fixture("documentbeheer.yml"))
    bibliotheek, _ = import_publiccode(fixture("elfproef.yml"))

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
    pakket, _ = import_publiccode(fixture("zaaksysteem.yml"))
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

    again, created = import_publiccode(newer)

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
    pakket, _ = import_publiccode(fixture("zaaksysteem.yml"))  # stable: gepubliceerd
    development = fixture("zaaksysteem.yml").replace(
        "developmentStatus: stable", "developmentStatus: development"
    )
    obsolete = fixture("zaaksysteem.yml").replace("developmentStatus: stable", "developmentStatus: obsolete")

    import_publiccode(development)
    pakket.refresh_from_db()
    assert pakket.status == "gepubliceerd"  # no way back to concept

    import_publiccode(obsolete)
    pakket.refresh_from_db()
    assert pakket.status == "ingetrokken"


def test_supplier_is_linked_only_when_exactly_one_has_the_name():
    bekend = LeverancierFactory(naam="Bekende B.V.")
    pakket, _ = import_publiccode(fixture("documentbeheer.yml"))
    Softwarepakket.objects.filter(pk=pakket.pk).update(fabrikant=bekend)
    LeverancierFactory.create_batch(2, naam="Samenwerkingsverband Archiefkast")

    pakket, _ = import_publiccode(fixture("documentbeheer.yml"))

    assert pakket.fabrikant == bekend  # ambiguous name: left unchanged


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


# --- export ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", DOCUMENTS)
def test_export_of_an_imported_package_is_valid_publiccode(name):
    owners()
    pakket, _ = import_publiccode(fixture(name))

    document = export_publiccode(pakket)

    assert schema_errors(document) == []
    assert document["publiccodeYmlVersion"] == "0.4"
    assert schema_errors(yaml.safe_load(dump_publiccode(document))) == []


def test_export_maps_every_field():
    owners()
    pakket, _ = import_publiccode(fixture("zaaksysteem.yml"))

    document = export_publiccode(pakket)

    assert document == {
        "publiccodeYmlVersion": "0.4",
        "name": "Zaakvlot",
        "url": "https://github.com/zaakvlot/zaakvlot",
        "landingURL": "https://zaakvlot.example.org",
        "softwareVersion": "2.4.1",
        "releaseDate": "2025-09-30",
        "platforms": ["web"],
        "developmentStatus": "stable",
        "softwareType": "standalone/web",
        "description": {
            "nl": {
                "shortDescription": pakket.korte_omschrijving,
                "longDescription": pakket.omschrijving,
                "documentation": "https://docs.zaakvlot.example.org",
            }
        },
        "legal": {
            "license": "EUPL-1.2",
            "mainCopyrightOwner": "Stichting Zaakvlot",
            "repoOwner": "Stichting Zaakvlot",
        },
        "maintenance": {"type": "internal"},
        "localisation": {"localisationReady": False, "availableLanguages": ["nl-NL"]},
    }


def test_export_of_a_sparse_package():
    """What stands in for values the schema requires, and what is left out."""
    pakket = Softwarepakket.objects.create(
        naam="Kleine tool",
        omschrijving="Te kort voor een longDescription.",  # the schema asks 150 to 10000 characters
        website="https://kleinetool.example.org",
        software_type="configuration_files",
        platforms=["web", "playstation"],
    )
    Softwarepakketversie.objects.create(softwarepakket=pakket, versie="1.0.0")

    document = export_publiccode(pakket)

    assert schema_errors(document) == []
    assert document["url"] == "https://kleinetool.example.org"  # no repository: the website
    assert document["softwareType"] == "configurationFiles"
    assert document["platforms"] == ["web"]  # values the standard does not know are left out
    assert document["description"] == {"nl": {"shortDescription": "Kleine tool"}}  # no padding
    assert document["legal"] == {"license": "LicenseRef-unknown"}
    assert document["maintenance"] == {"type": "none"}
    assert (document["softwareVersion"], "releaseDate" in document) == ("1.0.0", False)

    # The short description does not survive a round trip, by design; the rest does.
    delete(pakket)
    again, _ = import_publiccode(dump_publiccode(document))
    assert again.omschrijving == ""
    assert again.licentie == ""
    assert again.repository_url == "https://kleinetool.example.org"


def test_export_without_any_url():
    pakket = Softwarepakket.objects.create(naam="Zonder adres", open_source=True, licentie="EUPL-1.2")

    with pytest.raises(PubliccodeNotExportable):
        export_publiccode(pakket)

    request = RequestFactory().get(f"/catalogus/api/v1/softwarepakketten/{pakket.uuid}/publiccode")
    document = export_publiccode(pakket, request=request)
    assert document["url"] == f"http://testserver/catalogus/api/v1/softwarepakketten/{pakket.uuid}/publiccode"
    assert document["maintenance"] == {"type": "community"}
    assert schema_errors(document) == []


def test_export_of_a_withdrawn_package_and_its_newest_version():
    pakket, _ = import_publiccode(fixture("zaaksysteem.yml"))
    Softwarepakketversie.objects.create(
        softwarepakket=pakket, versie="3.0.0", releasedatum=datetime.date(2026, 3, 1)
    )
    Softwarepakketversie.objects.create(softwarepakket=pakket, versie="9.9.9")  # no date: not the newest
    Softwarepakket.objects.filter(pk=pakket.pk).update(status="ingetrokken")
    pakket.refresh_from_db()

    document = export_publiccode(pakket)

    assert (document["softwareVersion"], document["releaseDate"]) == ("3.0.0", "2026-03-01")
    assert document["developmentStatus"] == "obsolete"
    assert document["maintenance"] == {"type": "none"}


# --- round trip -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", DOCUMENTS)
def test_import_export_import_round_trips(name):
    owners()
    pakket, _ = import_publiccode(fixture(name))
    first = snapshot(pakket)
    exported = export_publiccode(pakket)

    # Import the export into an empty catalogue: every value must come from the document.
    delete(pakket)
    again, created = import_publiccode(dump_publiccode(exported))

    assert created
    assert snapshot(again) == first
    assert export_publiccode(again) == exported
    # And importing it once more over itself changes nothing.
    import_publiccode(dump_publiccode(exported))
    assert snapshot(again) == first


# --- invalid documents ----------------------------------------------------------------------


def errors_of(text: str) -> set[tuple[str, str]]:
    with pytest.raises(PubliccodeInvalid) as raised:
        parse_publiccode(text)
    for error in raised.value.errors:
        assert set(error) == {"name", "code", "reason"} and error["reason"]
    return {(error["name"], error["code"]) for error in raised.value.errors}


def test_every_problem_is_reported_at_once():
    text = """
publiccodeYmlVersion: "0.4"
url: "ftp://example.org/zaakvlot"
landingURL: "https://example.org/{long_path}"
softwareVersion: "versie 2"
releaseDate: 2024-02-30
platforms: [web, amiga]
developmentStatus: rijp
softwareType: standalone/webapp
description:
  nl:
    shortDescription: "{long_text}"
    documentation: "niet een url"
legal:
  license: EUPL-1.3
""".format(long_path="x" * 500, long_text="y" * 151)

    with pytest.raises(PubliccodeInvalid) as raised:
        import_publiccode(text)

    assert {(error["name"], error["code"]) for error in raised.value.errors} == {
        ("name", "required"),
        ("url", "url"),
        ("landingURL", "max_length"),
        ("softwareVersion", "semver"),
        ("releaseDate", "date"),
        ("platforms.1", "enum"),
        ("developmentStatus", "enum"),
        ("softwareType", "enum"),
        ("description.nl.shortDescription", "max_length"),
        ("description.nl.documentation", "url"),
        ("legal.license", "spdx"),
    }
    assert "EUPL-1.3" in str(raised.value)
    assert not Softwarepakket.objects.exists()


def test_required_keys_and_types():
    assert errors_of("softwareType: library\n") == {
        ("publiccodeYmlVersion", "required"),
        ("name", "required"),
        ("url", "required"),
        ("platforms", "required"),
        ("description", "required"),
        ("legal", "required"),
    }
    wrong_types = """
publiccodeYmlVersion: 0.4
name: 2024
url: "https://example.org/x"
platforms: web
softwareType: library
description: {nl: "alleen tekst", en: {longDescription: "zonder korte omschrijving"}}
legal: {license: "", repoOwner: [Gemeente]}
"""
    assert errors_of(wrong_types) == {
        ("publiccodeYmlVersion", "type"),
        ("name", "type"),
        ("platforms", "type"),
        ("description.nl", "type"),
        ("description.en.shortDescription", "required"),
        ("legal.license", "required"),
        ("legal.repoOwner", "type"),
    }
    assert errors_of("publiccodeYmlVersion: '9.1'\ndescription: {}\n") >= {
        ("publiccodeYmlVersion", "enum"),
        ("description", "required"),
    }


def test_blank_text_counts_as_missing_and_dates_must_exist():
    text = fixture("elfproef.yml").replace("name: elfproef", 'name: "   "')
    assert errors_of(text) == {("name", "required")}
    # Unquoted YAML dates stay text, so an impossible one is a field error, not a parse error.
    for date in ("2025-02-29", '"20250131"', "2025-01-31T10:00:00", '"31-01-2025"'):
        text = fixture("elfproef.yml").replace('softwareVersion: "0.9.3"', f"releaseDate: {date}")
        assert errors_of(text) == {("releaseDate", "date")}, date
    tagged = fixture("elfproef.yml").replace('softwareVersion: "0.9.3"', 'softwareVersion: "1.0.0"')
    tagged += "releaseDate: !!timestamp 2025-01-31\n"
    assert parse_publiccode(tagged).versie == ("1.0.0", datetime.date(2025, 1, 31))


def test_yaml_syntax_error_and_non_mapping():
    assert errors_of("name: [Zaakvlot\nurl: x\n") == {("body", "parse_error")}
    assert errors_of("- name: Zaakvlot\n") == {("body", "type")}
    assert errors_of("") == {("body", "type")}


# --- management command ---------------------------------------------------------------------


def test_command_imports_a_folder_and_fails_on_invalid_files(tmp_path):
    (tmp_path / "a-zaaksysteem.yml").write_text(fixture("zaaksysteem.yml"), encoding="utf-8")
    (tmp_path / "b-formulieren.yaml").write_text(fixture("formulieren.yml"), encoding="utf-8")
    (tmp_path / "c-kapot.yml").write_text("name: Kapot\nsoftwareType: app\n", encoding="utf-8")
    (tmp_path / "notities.txt").write_text("geen publiccode", encoding="utf-8")
    out = StringIO()

    with pytest.raises(CommandError, match="1 ongeldig"):
        call_command("import_publiccode", str(tmp_path), stdout=out)

    lines = out.getvalue().splitlines()
    assert lines[0] == "a-zaaksysteem.yml: aangemaakt (Zaakvlot)"
    assert lines[1] == "b-formulieren.yaml: aangemaakt (Formulierenfabriek)"
    assert lines[2].startswith("c-kapot.yml: ongeldig: ")
    assert "softwareType" in lines[2] and "(enum)" in lines[2]
    assert lines[3] == "3 bestand(en): 2 aangemaakt, 0 bijgewerkt, 1 ongeldig."
    assert sorted(Softwarepakket.objects.values_list("naam", flat=True)) == ["Formulierenfabriek", "Zaakvlot"]


def test_command_updates_on_a_second_run(tmp_path):
    (tmp_path / "zaaksysteem.yml").write_text(fixture("zaaksysteem.yml"), encoding="utf-8")
    call_command("import_publiccode", str(tmp_path), stdout=StringIO())
    out = StringIO()

    call_command("import_publiccode", str(tmp_path), stdout=out)

    assert out.getvalue().splitlines() == [
        "zaaksysteem.yml: bijgewerkt (Zaakvlot)",
        "1 bestand(en): 0 aangemaakt, 1 bijgewerkt, 0 ongeldig.",
    ]
    assert Softwarepakket.objects.count() == 1


def test_command_needs_a_folder(tmp_path):
    with pytest.raises(CommandError, match="geen map"):
        call_command("import_publiccode", str(tmp_path / "bestaat-niet"))
