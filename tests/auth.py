"""API clients and tokens for tests."""

import time

import jwt

from softwarebroker.autorisaties.models import Applicatie, ApplicatieSecret

SECRET = "test-geheim-0123456789-0123456789-0123456789"


def make_applicatie(*roles, client_id=None, organisatie=None, leverancier=None, secret=SECRET):
    client_id = client_id or f"test-{'-'.join(roles) or 'geen'}-{Applicatie.objects.count()}"
    applicatie = Applicatie.objects.create(
        client_id=client_id,
        label=f"Test {client_id}",
        rollen=list(roles),
        organisatie=organisatie,
        leverancier=leverancier,
    )
    ApplicatieSecret.objects.create(applicatie=applicatie, secret=secret)
    return applicatie


def token(client_id, secret=SECRET, **claims):
    payload = {"client_id": client_id, "iat": int(time.time()), **claims}
    return jwt.encode(payload, secret, algorithm="HS256")


def bearer(client_id, secret=SECRET, **claims):
    return {"Authorization": f"Bearer {token(client_id, secret, **claims)}"}
