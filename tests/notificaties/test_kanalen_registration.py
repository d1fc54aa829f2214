"""Kanalen are registered at the Notificaties API by setup-configuration, idempotently."""

import pytest
import yaml
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.notificaties.fake_api import FakeNotificatiesAPI

pytestmark = pytest.mark.django_db

API_ROOT = "https://notificaties.gemeente.example/api/v1/"
KANALEN = [
    "aanbiedingen",
    "bestellingen",
    "gebruiken",
    "licenties",
    "softwarepakketten",
    "verklaringen",
    "vraagbundelingen",
]


def configuration(**kanalen_config):
    return {
        "zgw_consumers_config_enable": True,
        "zgw_consumers": {
            "services": [
                {
                    "identifier": "notificaties-api",
                    "label": "Notificaties API",
                    "api_root": API_ROOT,
                    "api_type": "nrc",
                    "auth_type": "zgw",
                    "client_id": "open-softwarebroker",
                    "secret": "een-geheim-voor-de-test-van-de-kanalen",
                }
            ]
        },
        "notifications_config_enable": True,
        "notifications_config": {"notifications_api_service_identifier": "notificaties-api"},
        "notifications_kanalen_config_enable": True,
        "notifications_kanalen_config": kanalen_config,
    }


def run(tmp_path, config):
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(config))
    call_command("setup_configuration", yaml_file=str(path))


def failing_run(tmp_path, config, capsys) -> str:
    """Run a configuration that must fail; the step's reason, from the command's output."""
    with pytest.raises(CommandError, match="Aborting run due to a failed step"):
        run(tmp_path, config)
    return capsys.readouterr().err


@pytest.fixture
def notificaties_api(requests_mock, settings):
    settings.SITE_DOMAIN = "softwarebroker.gemeente.example"
    settings.IS_HTTPS = True
    return FakeNotificatiesAPI(requests_mock, API_ROOT)


def test_every_kanaal_is_registered_once(tmp_path, notificaties_api):
    run(tmp_path, configuration())
    first = notificaties_api.writes()
    run(tmp_path, configuration())

    assert first == [("POST", f"{API_ROOT}kanaal")] * len(KANALEN)
    assert notificaties_api.writes() == first, "the second run wrote to the Notificaties API"
    bestellingen = notificaties_api.kanalen["bestellingen"]
    assert bestellingen["documentatieLink"] == (
        "https://softwarebroker.gemeente.example/notificaties/kanalen/#bestellingen"
    )
    assert sorted(bestellingen["filters"]) == ["besteller", "leverancier", "status"]
    # The service's ZGW credentials are used.
    assert notificaties_api.mock.request_history[0].headers["Authorization"].startswith("Bearer ")


def test_the_documentation_link_opens_the_kanalen_page(client, tmp_path, notificaties_api):
    run(tmp_path, configuration(kanalen=["bestellingen"]))

    response = client.get("/notificaties/kanalen/")

    assert response.status_code == 200
    assert b"bestellingen" in response.content


def test_a_kanaal_registered_differently_is_replaced(tmp_path, notificaties_api):
    notificaties_api.kanalen["licenties"] = {
        "url": f"{API_ROOT}kanaal/licenties",
        "naam": "licenties",
        "documentatieLink": "https://elders.example/kanalen",
        "filters": [],
    }

    run(tmp_path, configuration(kanalen=["licenties"]))

    assert notificaties_api.writes() == [("PUT", f"{API_ROOT}kanaal/licenties")]
    assert notificaties_api.kanalen["licenties"]["documentatieLink"].endswith("#licenties")


def test_an_error_of_the_notificaties_api_fails_the_run(tmp_path, notificaties_api, capsys):
    notificaties_api.mock.post(f"{API_ROOT}kanaal", status_code=500, json={"detail": "stuk"})

    error = failing_run(tmp_path, configuration(), capsys)

    assert f"Unable to create kanaal aanbiedingen at {API_ROOT}" in error


def test_unknown_kanalen_are_refused(tmp_path, notificaties_api, capsys):
    error = failing_run(tmp_path, configuration(kanalen=["zaken", "bestellingen"]), capsys)

    assert "Unknown kanalen zaken" in error
    assert notificaties_api.mock.request_history == []


def test_without_a_notificaties_api_the_run_fails(tmp_path, notificaties_api, capsys):
    config = configuration()
    config["notifications_config_enable"] = False

    assert "No Notificaties API is configured" in failing_run(tmp_path, config, capsys)
