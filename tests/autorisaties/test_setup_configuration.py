"""The documented example configuration runs, is idempotent, and rotates secrets."""

from pathlib import Path

import pytest
import yaml
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from softwarebroker.autorisaties.models import Applicatie
from softwarebroker.organisaties.models import Mandaat, Organisatie
from tests.auth import bearer

pytestmark = pytest.mark.django_db

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "setup-configuration.yaml"


def run(path):
    call_command("setup_configuration", yaml_file=str(path))


def test_the_documented_example_configures_everything_idempotently():
    run(EXAMPLE)
    run(EXAMPLE)

    assert Organisatie.objects.count() == 3
    assert Organisatie.objects.get(oin="00000003273229000000").deelnemers.count() == 2
    mandaat = Mandaat.objects.get()
    assert (mandaat.gebruikers_id, str(mandaat.maximum_bedrag)) == (
        "budgethouder@voorbeeldstad.nl",
        "25000.00",
    )
    portaal = Applicatie.objects.get(client_id="inkoopportaal-voorbeeldstad")
    assert portaal.organisatie.oin == "00000001001589623000"
    assert portaal.secrets.count() == 1
    assert (
        Applicatie.objects.get(client_id="ordersysteem-voorbeeld-software").leverancier.kvk_nummer
        == "12345678"
    )
    headers = bearer(
        "inkoopportaal-voorbeeldstad", secret="vervang-dit-door-een-lang-willekeurig-geheim-0001"
    )
    assert Client(headers=headers).get("/catalogus/api/v1/categorieen").status_code == 200
    # the services this instance calls, and what uses them
    from notifications_api_common.models import NotificationsConfig
    from zgw_consumers.models import Service

    from softwarebroker.federatie.models import PeerCatalogus

    assert set(Service.objects.values_list("slug", flat=True)) == {
        "notificaties-api",
        "catalogus-regio-noord",
    }
    assert NotificationsConfig.get_solo().notifications_api_service.slug == "notificaties-api"
    assert PeerCatalogus.objects.get().service.slug == "catalogus-regio-noord"


def test_secret_rotation_through_configuration(tmp_path):
    config = yaml.safe_load(EXAMPLE.read_text())
    run(EXAMPLE)
    old = config["applicaties_config"]["items"][0]["secrets"][0]
    new = "het-nieuwe-geheim-na-rotatie-0123456789abcdef"
    path = tmp_path / "config.yaml"

    config["applicaties_config"]["items"][0]["secrets"] = [old, new]
    path.write_text(yaml.safe_dump(config))
    run(path)
    both = [
        Client(headers=bearer("inkoopportaal-voorbeeldstad", secret=s)).get("/catalogus/api/v1/categorieen")
        for s in (old, new)
    ]

    config["applicaties_config"]["items"][0]["secrets"] = [new]
    path.write_text(yaml.safe_dump(config))
    run(path)
    after = [
        Client(headers=bearer("inkoopportaal-voorbeeldstad", secret=s)).get("/catalogus/api/v1/categorieen")
        for s in (old, new)
    ]

    assert [r.status_code for r in both] == [200, 200]
    assert [r.status_code for r in after] == [401, 200]


def test_invalid_configuration_is_refused_and_changes_nothing(tmp_path):
    config = yaml.safe_load(EXAMPLE.read_text())
    config["applicaties_config"]["items"][0]["organisatie_oin"] = "99999999999999999999"
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(config))

    with pytest.raises(CommandError):
        run(path)
    assert not Applicatie.objects.filter(client_id="inkoopportaal-voorbeeldstad").exists()
