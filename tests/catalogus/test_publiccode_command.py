"""The import_publiccode management command."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from softwarebroker.catalogus.models import Softwarepakket
from tests.catalogus.publiccode_documents import fixture

pytestmark = pytest.mark.django_db


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
