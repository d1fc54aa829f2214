"""``Idempotency-Key`` on POST: a retried request never creates twice.

The key, the request's fingerprint and the answer are stored in the transaction of the
change itself, so either both exist or neither. A concurrent request with the same key waits
for the first (unique key, row lock) and then gets its answer.
"""

from __future__ import annotations

import hashlib
import json
import re

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from rest_framework.response import Response

from .exceptions import APIProblem
from .models import IdempotentRequest

HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"
MAX_KEY_LENGTH = 255
# Visible ASCII and spaces (no control characters, no NUL), not only spaces.
KEY_PATTERN = r"^(?=.*[!-~])[ -~]{1,255}$"


def _lock_id(client_id: str, key: str) -> int:
    digest = hashlib.sha256(f"idempotency:{client_id}:{key}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def _fingerprint(request) -> str:
    body = json.dumps(request.data, sort_keys=True, default=str) if request.data is not None else ""
    return hashlib.sha256(f"{request.method} {request.path}\n{body}".encode()).hexdigest()


class IdempotentCreateMixin:
    """For viewsets: ``create`` honours ``Idempotency-Key``."""

    def create(self, request, *args, **kwargs):
        return self.idempotent(
            request, lambda: super(IdempotentCreateMixin, self).create(request, *args, **kwargs)
        )

    def idempotent(self, request, create) -> Response:
        """``create()`` once per key; a repeat gets the stored answer."""
        key = request.headers.get(HEADER)
        if key is None:
            return create()
        if not re.fullmatch(KEY_PATTERN, key):
            reason = f"Een {HEADER} is 1 tot {MAX_KEY_LENGTH} zichtbare ASCII-tekens (en spaties) lang."
            raise APIProblem(
                status=400,
                code="invalid",
                detail=reason,
                invalid_params=[{"name": HEADER, "code": "idempotency_key", "reason": reason}],
            )
        client_id = getattr(request.auth, "client_id", "") or "anoniem"
        fingerprint = _fingerprint(request)
        with transaction.atomic():
            # Requests with the same key take turns: the second sees the first's answer.
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_lock_id(client_id, key)])
            earlier = self._earlier(client_id, key)
            if earlier is not None:
                return self._replay(earlier, fingerprint)
            response = create()
            if response.status_code < 300:
                IdempotentRequest.objects.create(
                    client_id=client_id,
                    sleutel=key,
                    pad=request.path[:500],
                    vingerafdruk=fingerprint,
                    status=response.status_code,
                    antwoord=response.data,
                    location=response.headers.get("Location", ""),
                )
            return response

    @staticmethod
    def _earlier(client_id: str, key: str) -> IdempotentRequest | None:
        earlier = IdempotentRequest.objects.filter(client_id=client_id, sleutel=key).first()
        if earlier is not None and earlier.aangemaakt_op < _cutoff():
            earlier.delete()  # expired: the key may be used afresh
            return None
        return earlier

    @staticmethod
    def _replay(earlier: IdempotentRequest, fingerprint: str) -> Response:
        if earlier.vingerafdruk != fingerprint:
            raise APIProblem(
                status=409,
                code="idempotency_key_reused",
                detail=f"Deze {HEADER} is al gebruikt voor een andere aanvraag.",
            )
        headers = {REPLAYED_HEADER: "true"}
        if earlier.location:
            headers["Location"] = earlier.location
        return Response(earlier.antwoord, status=earlier.status, headers=headers)


def _cutoff():
    return timezone.now() - timezone.timedelta(hours=settings.IDEMPOTENCY_KEY_HOURS)


def forget_old_requests() -> int:
    deleted, _ = IdempotentRequest.objects.filter(aangemaakt_op__lt=_cutoff()).delete()
    return deleted
