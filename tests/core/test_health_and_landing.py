import pytest
from django.db import connection

from softwarebroker.api.definitions import APIS

pytestmark = pytest.mark.django_db


def test_livez(client):
    assert client.get("/_healthz/livez").json() == {"status": "ok"}


def test_readyz_checks_database_and_task_queue(client):
    response = client.get("/_healthz/readyz")

    assert response.status_code == 200
    assert response.json()["controles"] == {"database": True, "taakwachtrij": True}


def test_readyz_lists_no_warnings_when_all_is_well(client):
    assert client.get("/_healthz/readyz").json()["waarschuwingen"] == []


def test_a_warning_that_cannot_be_computed_leaves_readyz_ready(client, monkeypatch):
    from softwarebroker.core import readiness

    def broken():
        raise RuntimeError("the check itself fails")

    monkeypatch.setattr(readiness, "_checks", [*readiness._checks, broken])
    response = client.get("/_healthz/readyz")

    assert response.status_code == 200
    assert response.json()["waarschuwingen"] == []


def test_readyz_fails_when_the_task_queue_is_missing(client):
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE procrastinate_jobs RENAME TO procrastinate_jobs_weg")
    try:
        response = client.get("/_healthz/readyz")
    finally:
        with connection.cursor() as cursor:
            cursor.execute("ALTER TABLE procrastinate_jobs_weg RENAME TO procrastinate_jobs")

    assert response.status_code == 503
    assert response["Content-Type"] == "application/problem+json"
    assert "taakwachtrij" in response.json()["detail"]


def test_landing_page_lists_both_apis_with_links(client):
    response = client.get("/")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="nl">' in html
    for api in APIS:
        assert api.title in html
        assert api.version in html
        for link in ("docs", "docs/swagger-ui", "openapi.json", "openapi.yaml"):
            assert f'href="{api.base_path}/{link}"' in html
    assert 'href="/admin/"' in html


def test_admin_is_reachable(client):
    response = client.get("/admin/login/")

    assert response.status_code == 200
    assert "Open Softwarebroker" in response.content.decode()


def test_readyz_fails_in_production_while_a_demo_secret_is_configured(client, settings):
    from django.core.management import call_command

    call_command("load_demo_data")
    settings.REFUSE_DEMO_SECRETS = True

    response = client.get("/_healthz/readyz")

    assert response.status_code == 503
    assert "geen_demosecrets" in response.json()["detail"]
