import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection

from softwarebroker.autorisaties.encryption import _fernet
from softwarebroker.autorisaties.models import ApplicatieSecret
from softwarebroker.bestellingen.models import Levering
from tests.auth import SECRET
from tests.autorisaties.factories import make_applicatie
from tests.bestellingen.factories import LeveringFactory

pytestmark = pytest.mark.django_db


def stored_token(secret):
    with connection.cursor() as cursor:
        cursor.execute("SELECT secret FROM autorisaties_applicatiesecret WHERE id = %s", [secret.pk])
        return cursor.fetchone()[0]


def test_key_rotation_keeps_secrets_readable_and_reencrypts(settings):
    old_key, new_key = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.SECRETS_ENCRYPTION_KEYS = [old_key]
    _fernet.cache_clear()
    secret = make_applicatie("lezer").secrets.get()
    levering = LeveringFactory(geheim="LICENTIE-SLEUTEL")

    settings.SECRETS_ENCRYPTION_KEYS = [new_key, old_key]
    _fernet.cache_clear()
    assert ApplicatieSecret.objects.get(pk=secret.pk).secret == SECRET  # old key still decrypts
    call_command("reencrypt_secrets")

    settings.SECRETS_ENCRYPTION_KEYS = [new_key]
    _fernet.cache_clear()
    try:
        assert ApplicatieSecret.objects.get(pk=secret.pk).secret == SECRET
        Fernet(new_key.encode()).decrypt(stored_token(secret).encode())
        assert Levering.objects.get(pk=levering.pk).geheim == "LICENTIE-SLEUTEL"
    finally:
        _fernet.cache_clear()


def test_an_undecryptable_secret_fails_only_that_client(settings):
    from django.test import Client

    from tests.auth import bearer
    from tests.autorisaties.factories import make_applicatie

    make_applicatie("lezer", client_id="oud-sleutel")
    settings.SECRETS_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]  # the old key is gone
    _fernet.cache_clear()
    try:
        response = Client(headers=bearer("oud-sleutel")).get("/catalogus/api/v1/categorieen")
    finally:
        _fernet.cache_clear()

    assert response.status_code == 401
    assert response.json()["code"] == "invalid-jwt-signature"
