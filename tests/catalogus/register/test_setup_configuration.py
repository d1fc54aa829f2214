"""The setup-configuration step imports GEMMA's export from a path or URL, idempotently; a bad
file fails the run and stores nothing."""

from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from softwarebroker.catalogus.models import Referentiecomponent

pytestmark = pytest.mark.django_db

EXPORT = Path(__file__).with_name("gemma_referentiecomponenten.csv")
URL = "https://www.gemmaonline.nl/export/referentiecomponenten.csv"


def configure(tmp_path, bron: str):
    path = tmp_path / "config.yaml"
    path.write_text(
        f"referentiecomponenten_config_enable: true\nreferentiecomponenten_config:\n  bron: {bron}\n",
        encoding="utf-8",
    )
    call_command("setup_configuration", yaml_file=str(path))


def test_the_export_is_imported_from_a_url_and_a_second_run_changes_nothing(tmp_path, requests_mock):
    requests_mock.get(URL, content=EXPORT.read_bytes())
    configure(tmp_path, URL)
    before = list(Referentiecomponent.objects.order_by("pk").values())

    configure(tmp_path, URL)

    assert len(before) == 6
    assert list(Referentiecomponent.objects.order_by("pk").values()) == before


def test_a_bad_file_fails_the_run(tmp_path, capsys):
    bad = tmp_path / "export.csv"
    bad.write_text("Naam;ID;Status\nZaak;id-1;In gebruik\n", encoding="utf-8")

    with pytest.raises(CommandError, match="failed step"):
        configure(tmp_path, str(bad))

    assert "regel 2, kolom ID: 'id-1' is geen GEMMA-id (id-<uuid>)." in capsys.readouterr().err
    assert not Referentiecomponent.objects.exists()
