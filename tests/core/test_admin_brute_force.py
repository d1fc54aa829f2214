import pytest
from django.contrib.auth import get_user_model
from django.test import Client

pytestmark = pytest.mark.django_db


def test_admin_login_is_locked_after_repeated_failures(settings):
    settings.AXES_FAILURE_LIMIT = 3
    get_user_model().objects.create_superuser("beheerder", "b@example.org", "het-juiste-wachtwoord")
    client = Client()
    for _ in range(3):
        client.post("/admin/login/", {"username": "beheerder", "password": "fout"})

    locked = client.post("/admin/login/", {"username": "beheerder", "password": "het-juiste-wachtwoord"})

    assert locked.status_code == 429
    assert locked["Content-Type"] == "application/problem+json"
    assert locked.json()["code"] == "locked_out"
    assert locked["Retry-After"] == "3600"


def test_a_correct_login_works(settings):
    get_user_model().objects.create_superuser("beheerder", "b@example.org", "het-juiste-wachtwoord")

    response = Client().post("/admin/login/", {"username": "beheerder", "password": "het-juiste-wachtwoord"})

    assert response.status_code == 302
