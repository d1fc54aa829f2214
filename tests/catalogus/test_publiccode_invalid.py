"""publiccode.yml documents with problems: every problem is reported at once, on its field."""

import datetime

import pytest

from softwarebroker.autorisaties.context import Acting
from softwarebroker.catalogus.models import Softwarepakket
from softwarebroker.catalogus.publiccode import PubliccodeInvalid, import_publiccode, parse_publiccode
from tests.catalogus.publiccode_documents import fixture

pytestmark = pytest.mark.django_db

BEHEER = Acting.system("test")


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
        import_publiccode(text, acting=BEHEER)

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
