"""Tokens for tests' API clients (made by tests/autorisaties/factories.py with ``SECRET``)."""

import time

import jwt

SECRET = "test-geheim-0123456789-0123456789-0123456789"


def token(client_id, secret=SECRET, **claims):
    payload = {"client_id": client_id, "iat": int(time.time()), **claims}
    return jwt.encode(payload, secret, algorithm="HS256")


def bearer(client_id, secret=SECRET, **claims):
    return {"Authorization": f"Bearer {token(client_id, secret, **claims)}"}
