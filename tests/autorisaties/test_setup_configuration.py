"""The example configuration configures a complete instance, a second run changes nothing,
and secrets rotate."""

from pathlib import Path

import pytest
import yaml
from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.utils.module_loading import import_string

from softwarebroker.autorisaties.models import Applicatie
from softwarebroker.organisaties.models import Mandaat, Organisatie
from tests.auth import bearer
from tests.notificaties.fake_api import FakeNotificatiesAPI

pytestmark = pytest.mark.django_db

EXAMPLE = Path(__file__).resolve().parents[2] / "docker" / "setup_configuration" / "data.yaml"
CONFIG = yaml.safe_load(EXAMPLE.read_text())
NOTIFICATIES_API_ROOT = next(
    service["api_root"]
    for service in CONFIG["zgw_consumers"]["services"]
    if service["identifier"] == CONFIG["notifications_config"]["notifications_api_service_identifier"]
)


@pytest.fixture(autouse=True)
def notificaties_api(requests_mock):
    """The example registers the kanalen at its Notificaties API."""
    return FakeNotificatiesAPI(requests_mock, NOTIFICATIES_API_ROOT)


def run(path):
    call_command("setup_configuration", yaml_file=str(path))


def database_contents() -> dict[str, list[dict]]:
    """Every row of every table the application has, serialised."""
    return {
        model._meta.label: serializers.serialize("python", model._default_manager.order_by("pk"))
        for model in apps.get_models()
    }


def test_the_example_enables_every_configuration_step():
    steps = [import_string(path) for path in settings.SETUP_CONFIGURATION_STEPS]

    assert {name for name, value in CONFIG.items() if name.endswith("_enable") and value} == {
        step.enable_setting for step in steps
    }
    assert all(step.namespace in CONFIG for step in steps)


def test_a_second_run_of_the_example_changes_nothing(notificaties_api):
    run(EXAMPLE)
    after_first = database_contents()
    writes = notificaties_api.writes()

    run(EXAMPLE)

    assert database_contents() == after_first
    assert notificaties_api.writes() == writes, "the second run wrote to the Notificaties API"


def test_the_example_configures_a_complete_instance(notificaties_api):
    run(EXAMPLE)

    assert Organisatie.objects.count() == 3
    assert Organisatie.objects.get(oin="00000003273229000000").deelnemers.count() == 2
    mandaat = Mandaat.objects.get()
    assert (mandaat.gebruikers_id, str(mandaat.maximum_bedrag)) == (
        "budgethouder@voorbeeldstad.nl",
        "25000.00",
    )
    inkoopportaal = Applicatie.objects.get(client_id="inkoopportaal-voorbeeldstad")
    assert inkoopportaal.organisatie.oin == "00000001001589623000"
    assert inkoopportaal.secrets.count() == 1
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
    peer = PeerCatalogus.objects.get()
    assert peer.service.slug == "catalogus-regio-noord"
    assert peer.notificaties_authorization == "Bearer VERVANG-DIT-webhook-geheim-van-regio-noord"
    assert sorted(notificaties_api.kanalen) == [
        "aanbiedingen",
        "bestellingen",
        "gebruiken",
        "licenties",
        "softwarepakketten",
        "verklaringen",
        "vraagbundelingen",
    ]


def test_secret_rotation_through_configuration(tmp_path):
    config = yaml.safe_load(EXAMPLE.read_text())  # a copy to change
    run(EXAMPLE)
    old = config["applicaties_config"]["items"][0]["secrets"][0]
    new = "het-nieuwe-geheim-na-rotatie-0123456789abcdef"
    path = tmp_path / "config.yaml"

    config["applicaties_config"]["items"][0]["secrets"] = [old, new]
    path.write_text(yaml.safe_dump(config))
    run(path)
    both = [
        Client(headers=bearer("inkoopportaal-voorbeeldstad", secret=secret)).get(
            "/catalogus/api/v1/categorieen"
        )
        for secret in (old, new)
    ]

    config["applicaties_config"]["items"][0]["secrets"] = [new]
    path.write_text(yaml.safe_dump(config))
    run(path)
    after = [
        Client(headers=bearer("inkoopportaal-voorbeeldstad", secret=secret)).get(
            "/catalogus/api/v1/categorieen"
        )
        for secret in (old, new)
    ]

    assert [response.status_code for response in both] == [200, 200]
    assert [response.status_code for response in after] == [401, 200]


def test_invalid_configuration_is_refused_and_changes_nothing(tmp_path):
    config = yaml.safe_load(EXAMPLE.read_text())  # a copy to change
    config["applicaties_config"]["items"][0]["organisatie_oin"] = "99999999999999999999"
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(config))

    with pytest.raises(CommandError):
        run(path)
    assert not Applicatie.objects.filter(client_id="inkoopportaal-voorbeeldstad").exists()


def test_production_refuses_the_placeholder_secrets(settings, capsys):
    settings.REFUSE_DEMO_SECRETS = True

    with pytest.raises(CommandError):
        run(EXAMPLE)

    assert "replace the example's placeholder secrets" in capsys.readouterr().err
    assert not Applicatie.objects.exists()


def test_the_docs_describe_every_step():
    page = (EXAMPLE.parents[2] / "docs" / "setup-configuration.md").read_text()

    for step in map(import_string, settings.SETUP_CONFIGURATION_STEPS):
        assert f"`{step.enable_setting}`" in page
        assert f"`{step.namespace}`" in page
