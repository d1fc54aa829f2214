"""The admin works from a browser, and people get HTML error pages where API clients get
problem+json (ADR /core/transport/security-headers; error format in docs/api-guide.md)."""

import json
import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client, RequestFactory, override_settings

from softwarebroker.api.views import csrf_failure
from tests.conftest import problem

pytestmark = pytest.mark.django_db

# What Chromium and Firefox send when a person opens a page or posts a form.
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
API_PATHS = ["/catalogus/api/v1/bestaat-niet", "/bestellingen/api/v1/bestaat-niet"]


def browser():
    return Client(enforce_csrf_checks=True, headers={"Accept": BROWSER_ACCEPT})


def html(response):
    assert response["Content-Type"].startswith("text/html"), response.content[:200]
    text = response.content.decode()
    assert text.startswith("<!doctype html>")
    assert '<html lang="nl">' in text
    return text


def csrf_token_from_login_page(client):
    page = client.get("/admin/login/")
    assert page.status_code == 200
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)


def test_the_referrer_policy_lets_browsers_send_their_origin():
    # no-referrer made browsers send `Origin: null` on same-origin form posts.
    assert settings.SECURE_REFERRER_POLICY == "same-origin"
    response = Client().get("/admin/login/")
    assert response["Referrer-Policy"] == "same-origin"


def test_the_api_responses_keep_no_referrer(client):
    response = client.get("/catalogus/api/v1/categorieen")

    assert response["Referrer-Policy"] == "no-referrer"


@override_settings(SECURE_SSL_REDIRECT=False, SESSION_COOKIE_SECURE=False, CSRF_COOKIE_SECURE=False)
def test_admin_login_from_a_browser_works():
    get_user_model().objects.create_superuser("admin", "admin@example.org", "admin")
    client = browser()
    token = csrf_token_from_login_page(client)

    # What a browser sends under same-origin: its own origin and a same-origin Referer.
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "admin", "password": "admin", "csrfmiddlewaretoken": token, "next": "/admin/"},
        headers={"Origin": "http://testserver", "Referer": "http://testserver/admin/login/?next=/admin/"},
    )

    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_csrf_failure_in_the_admin_is_an_html_page():
    client = browser()
    token = csrf_token_from_login_page(client)

    # What browsers sent under the old no-referrer policy.
    response = client.post(
        "/admin/login/",
        {"username": "admin", "password": "admin", "csrfmiddlewaretoken": token},
        headers={"Origin": "null"},
    )

    assert response.status_code == 403
    text = html(response)
    assert "CSRF-controle is mislukt" in text
    assert "Geen toegang." in text


def test_csrf_failure_for_a_json_client_outside_the_apis_is_problem_json():
    client = Client(enforce_csrf_checks=True, headers={"Accept": "application/json"})

    response = client.post("/admin/login/", {"username": "x", "password": "y"})

    assert response.status_code == 403
    assert problem(response)["code"] == "csrf_failed"


@pytest.mark.parametrize("path", API_PATHS)
def test_csrf_failure_under_the_apis_is_problem_json_for_a_browser_too(path):
    # The API views are exempt from the CSRF check (token authentication), so call the
    # failure view Django would use directly.
    response = csrf_failure(RequestFactory().post(path, headers={"Accept": BROWSER_ACCEPT}))

    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert json.loads(response.content)["code"] == "csrf_failed"


@pytest.mark.parametrize("path", ["/admin/bestaat-niet/", "/bestaat-niet"])
def test_unknown_page_outside_the_apis_is_an_html_page_for_a_browser(path):
    get_user_model().objects.create_superuser("admin", "admin@example.org", "admin")
    client = browser()
    client.force_login(get_user_model().objects.get(username="admin"))

    response = client.get(path)

    assert response.status_code == 404
    text = html(response)
    assert "Niet gevonden." in text
    assert "Op dit adres staat niets." in text


@pytest.mark.parametrize("path", API_PATHS)
def test_unknown_url_under_the_apis_is_problem_json_for_a_browser_too(path):
    response = browser().get(path)

    assert response.status_code == 404
    assert problem(response)["code"] == "not_found"


@pytest.mark.parametrize("accept", ["application/json", "application/problem+json", "*/*", None])
def test_unknown_url_outside_the_apis_is_problem_json_for_other_clients(accept):
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "admin")
    client = Client(headers={"Accept": accept} if accept else {})
    client.force_login(admin)

    response = client.get("/admin/bestaat-niet/")

    assert response.status_code == 404
    assert problem(response)["code"] == "not_found"


def test_wrong_method_on_a_page_is_an_html_page_for_a_browser():
    response = Client(headers={"Accept": BROWSER_ACCEPT}).post("/")

    assert response.status_code == 405
    assert "Methode niet toegestaan." in html(response)
    assert "GET" in response["Allow"]


@override_settings(ROOT_URLCONF="tests.api.failing_urls")
def test_server_error_outside_the_apis_is_an_html_page_without_internals():
    client = Client(raise_request_exception=False, headers={"Accept": BROWSER_ACCEPT})

    response = client.get("/stuk")

    assert response.status_code == 500
    text = html(response)
    assert "Kenmerk:" in text
    assert "Traceback" not in text
    assert "geheime-interne-fout" not in text


@override_settings(ROOT_URLCONF="tests.api.failing_urls")
def test_server_error_under_the_apis_is_problem_json_for_a_browser_too():
    client = Client(raise_request_exception=False, headers={"Accept": BROWSER_ACCEPT})

    response = client.get("/catalogus/api/v1/stuk")

    assert response.status_code == 500
    assert problem(response)["code"] == "server_error"
