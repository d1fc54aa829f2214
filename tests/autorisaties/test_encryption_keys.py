import uuid

import pytest
from cryptography.fernet import Fernet
from django.apps import apps
from django.core.management import call_command
from django.db import connection

from softwarebroker.autorisaties.encryption import EncryptedTextField, _fernet, encrypted_fields
from softwarebroker.autorisaties.models import ApplicatieSecret
from softwarebroker.bestellingen.models import Levering
from softwarebroker.federatie.models import PeerAanbieding
from tests.auth import SECRET
from tests.autorisaties.factories import make_applicatie
from tests.bestellingen.factories import LeveringFactory
from tests.federatie.test_webhook import copy_of, make_peer, message, post

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


def use_keys(settings, *keys):
    settings.SECRETS_ENCRYPTION_KEYS = list(keys)
    _fernet.cache_clear()


def test_every_encrypted_field_of_every_model_is_found_without_a_list():
    # Walked here independently (every field, inherited ones included) of how the command
    # finds them: a new encrypted field anywhere is covered without touching the command.
    expected = {
        (model._meta.label, field.name)
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, EncryptedTextField)
    }

    found = [(field.model._meta.label, field.name) for field in encrypted_fields()]

    assert sorted(found) == sorted(expected)
    assert {
        ("autorisaties.ApplicatieSecret", "secret"),
        ("bestellingen.Levering", "geheim"),
        ("federatie.PeerCatalogus", "notificaties_authorization"),
    } <= set(found)


def test_the_webhook_authorization_of_a_peer_still_works_after_key_rotation(settings, capsys):
    old_key, new_key = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    use_keys(settings, old_key)
    noord = make_peer("Noord", "https://noord.example.nl/catalogus/api/v1/", "Bearer noord-geheim")
    url = f"{noord.service.api_root}aanbiedingen/{uuid.uuid4()}"
    copy_of(url, noord.service)

    use_keys(settings, new_key, old_key)
    call_command("reencrypt_secrets")
    use_keys(settings, new_key)  # the old key is gone
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT notificaties_authorization FROM federatie_peercatalogus WHERE id = %s", [noord.pk]
            )
            stored = cursor.fetchone()[0]
        response = post(message(url), "Bearer noord-geheim")
    finally:
        _fernet.cache_clear()

    assert Fernet(new_key.encode()).decrypt(stored.encode()) == b"Bearer noord-geheim"
    assert response.status_code == 204
    assert PeerAanbieding.objects.get(url=url).verouderd
    assert "1 federatie.PeerCatalogus.notificaties_authorization" in capsys.readouterr().out


def test_a_value_no_key_can_read_is_left_unchanged(settings, capsys):
    use_keys(settings, Fernet.generate_key().decode())
    secret = make_applicatie("lezer").secrets.get()
    before = stored_token(secret)

    use_keys(settings, Fernet.generate_key().decode())  # the key that wrote it is gone
    try:
        call_command("reencrypt_secrets")
    finally:
        _fernet.cache_clear()

    assert stored_token(secret) == before
    assert "1 value(s) could not be decrypted" in capsys.readouterr().err
