"""Encryption at rest for secrets the component must be able to read back.

JWT-ZGW uses HS256, so the server needs each client's shared secret in clear to verify a
signature: hashing is impossible, encryption is the next best thing. Keys come from
SECRETS_ENCRYPTION_KEYS (Fernet keys, newest first, so keys can be rotated); without it a
key is derived from SECRET_KEY.
"""

from __future__ import annotations

import base64
import functools
import hashlib

import structlog
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.apps import apps
from django.conf import settings
from django.db import models

logger = structlog.get_logger(__name__)


@functools.cache
def _fernet(keys: tuple[str, ...], secret_key: str) -> MultiFernet:
    if not keys:
        derived = base64.urlsafe_b64encode(hashlib.sha256(f"secrets:{secret_key}".encode()).digest())
        keys = (derived.decode(),)
    return MultiFernet([Fernet(key.encode()) for key in keys])


def fernet() -> MultiFernet:
    return _fernet(tuple(settings.SECRETS_ENCRYPTION_KEYS), settings.SECRET_KEY)


def encrypt(value: str) -> str:
    return fernet().encrypt(value.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return fernet().decrypt(token.encode()).decode()
    except InvalidToken as error:
        raise ValueError("Secret cannot be decrypted with the configured keys") from error


class EncryptedTextField(models.TextField):
    """Stores Fernet ciphertext; Python code only ever sees the plain value."""

    def from_db_value(self, value, expression, connection):
        if value is None:
            return None
        try:
            return decrypt(value)
        except ValueError:
            # A key was removed or SECRET_KEY changed: this secret no longer works, loudly,
            # but it must not take every request of every client down with it.
            logger.error("secret_undecryptable", table=self.model._meta.db_table)
            return None

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return None if value in (None, "") else encrypt(value)


def encrypted_fields() -> list[EncryptedTextField]:
    """Every field of every installed model that is stored encrypted, found by its class, so
    a new encrypted field is re-encrypted on key rotation without being listed anywhere."""
    return [
        field
        for model in apps.get_models()
        for field in model._meta.local_concrete_fields
        if isinstance(field, EncryptedTextField)
    ]
