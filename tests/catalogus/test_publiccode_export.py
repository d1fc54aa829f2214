"""publiccode.yml export: valid documents, the mapping of every field, and round trips."""

import datetime

import pytest
import yaml
from django.test import RequestFactory

from softwarebroker.autorisaties.context import Acting
from softwarebroker.catalogus.models import Softwarepakket, Softwarepakketversie
from softwarebroker.catalogus.publiccode import (
    PubliccodeNotExportable,
    dump_publiccode,
    export_publiccode,
    import_publiccode,
)
from tests.catalogus.publiccode_documents import DOCUMENTS, delete, fixture, owners, schema_errors

pytestmark = pytest.mark.django_db

BEHEER = Acting.system("test")


def snapshot(pakket: Softwarepakket) -> dict:
    """Every stored value of the package that an import can set, and its versions."""
    pakket.refresh_from_db()
    skip = {"id", "uuid", "zoektekst", "zoekvector"}
    values = {
        field.name: getattr(pakket, field.attname)
        for field in Softwarepakket._meta.concrete_fields
        if field.name not in skip
    }
    values["versies"] = sorted(pakket.versies.values_list("versie", "releasedatum", "status"))
    return values


# --- export ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", DOCUMENTS)
def test_export_of_an_imported_package_is_valid_publiccode(name):
    owners()
    pakket, _ = import_publiccode(fixture(name), acting=BEHEER)

    document = export_publiccode(pakket)

    assert schema_errors(document) == []
    assert document["publiccodeYmlVersion"] == "0.4"
    assert schema_errors(yaml.safe_load(dump_publiccode(document))) == []


def test_export_maps_every_field():
    owners()
    pakket, _ = import_publiccode(fixture("zaaksysteem.yml"), acting=BEHEER)

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
    again, _ = import_publiccode(dump_publiccode(document), acting=BEHEER)
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
    pakket, _ = import_publiccode(fixture("zaaksysteem.yml"), acting=BEHEER)
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
    pakket, _ = import_publiccode(fixture(name), acting=BEHEER)
    first = snapshot(pakket)
    exported = export_publiccode(pakket)

    # Import the export into an empty catalogue: every value must come from the document.
    delete(pakket)
    again, created = import_publiccode(dump_publiccode(exported), acting=BEHEER)

    assert created
    assert snapshot(again) == first
    assert export_publiccode(again) == exported
    # And importing it once more over itself changes nothing.
    import_publiccode(dump_publiccode(exported), acting=BEHEER)
    assert snapshot(again) == first


def test_declarations_are_not_exported_since_publiccode_has_no_place_for_them():
    """publiccode.yml has no key for compliance evidence (docs/verklaringen.md says why the
    Italian ``IT.conforme`` and ``maintenance.contractors`` do not fit): approved declarations
    of the package and its manufacturer leave the export as it was, and it stays valid."""
    from tests.verklaringen.support import goedgekeurde_verklaring

    owners()
    pakket, _ = import_publiccode(fixture("zaaksysteem.yml"), acting=BEHEER)
    before = export_publiccode(pakket)
    goedgekeurde_verklaring(pakket, "dpia", geldig_tot=datetime.date(2099, 1, 1))
    goedgekeurde_verklaring(pakket.fabrikant, "sla")
    goedgekeurde_verklaring(pakket.fabrikant, "iso27001")

    document = export_publiccode(pakket)

    assert document == before and "IT" not in document
    assert document["maintenance"] == {"type": "internal"}
    assert schema_errors(document) == []
