"""JWT-ZGW authentication: HS256 tokens signed with the API client's shared secret."""

from __future__ import annotations

import threading
import time

import jwt
import structlog
from django.conf import settings
from rest_framework import authentication, exceptions

from softwarebroker.api.headers import declared_header_values
from softwarebroker.core.network import source_of

from .context import Acting
from .demo_secrets import demo_secrets_refused, is_demo_secret
from .models import Applicatie
from .models.applicatie import client_id_validator
from .throttling import record_failure, seconds_blocked

logger = structlog.get_logger(__name__)

MAX_CLAIM_LENGTH = 255


class AuthenticationProblem(exceptions.AuthenticationFailed):
    """401 with a specific code, e.g. ``jwt-expired``."""

    def __init__(self, code: str, detail: str):
        super().__init__(detail=detail, code=code)


def _claim(payload: dict, name: str) -> str:
    value = payload.get(name)
    return str(value)[:MAX_CLAIM_LENGTH] if value is not None else ""


class VerifiedTokens:
    """Tokens this process verified recently, with who they stand for.

    A busy client sends the same token many times; checking it again costs three queries and
    a decryption. A verified token is reused for ``AUTH_CACHE_SECONDS`` at most, and never
    past the moment it would be refused as expired. Only successes are kept: a bad token is
    checked (and counted for throttling) every time.
    """

    MAX_ENTRIES = 10_000

    def __init__(self):
        self._entries: dict[str, tuple[float, Acting]] = {}
        self._lock = threading.Lock()

    def get(self, token: str) -> Acting | None:
        entry = self._entries.get(token)
        if entry is None:
            return None
        until, acting = entry
        if time.time() >= until:
            with self._lock:
                self._entries.pop(token, None)
            return None
        return acting

    def put(self, token: str, acting: Acting, payload: dict) -> None:
        seconds = settings.AUTH_CACHE_SECONDS
        if seconds <= 0:
            return
        now = time.time()
        until = min(now + seconds, float(payload["iat"]) + settings.JWT_MAX_AGE + settings.JWT_LEEWAY)
        if "exp" in payload:
            until = min(until, float(payload["exp"]) + settings.JWT_LEEWAY)
        with self._lock:
            if len(self._entries) >= self.MAX_ENTRIES:
                self._entries = {key: value for key, value in self._entries.items() if value[0] > now}
                if len(self._entries) >= self.MAX_ENTRIES:
                    self._entries.clear()
            self._entries[token] = (until, acting)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


verified_tokens = VerifiedTokens()


class JWTAuthentication(authentication.BaseAuthentication):
    www_authenticate_realm = "softwarebroker"

    def authenticate_header(self, request):
        return f'Bearer realm="{self.www_authenticate_realm}"'

    def authenticate(self, request):
        header = request.META.get("HTTP_AUTHORIZATION")
        if not header:
            return None  # the permission decides whether anonymous access is enough
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise AuthenticationProblem("authorization-invalid", "Gebruik 'Authorization: Bearer <JWT>'.")
        # Verified once per token (cached); the request's audited headers are this request's.
        acting = self._authenticate_token(token.strip(), source_of(request.META))
        return None, acting.with_headers(declared_header_values(request))

    def _authenticate_token(self, token: str, source: str) -> Acting:
        cached = verified_tokens.get(token)
        if cached is not None:
            return cached
        acting, payload = self._verify_token(token, source)
        verified_tokens.put(token, acting, payload)
        return acting

    def _verify_token(self, token: str, source: str) -> tuple[Acting, dict]:
        try:
            unverified = jwt.decode(token, options={"verify_signature": False})
        except jwt.DecodeError:
            raise AuthenticationProblem("jwt-decode-error", "Het token is geen geldige JWT.") from None
        client_id = unverified.get("client_id")
        if not isinstance(client_id, str) or not client_id:
            raise AuthenticationProblem(
                "missing-client-identifier", "Het token heeft geen claim 'client_id'."
            )

        # Only this source's failures count: others cannot lock this client out.
        wait = seconds_blocked(client_id, source)
        if wait:
            raise exceptions.Throttled(
                wait=wait, detail="Te veel mislukte authenticaties voor deze client-id vanaf dit adres."
            )

        # A claim no client id can be (a NUL, a megabyte) is looked up nowhere.
        applicatie = None
        if client_id_validator.regex.fullmatch(client_id):
            applicatie = (
                Applicatie.objects.filter(client_id=client_id, actief=True)
                .select_related("organisatie", "leverancier")
                .prefetch_related("secrets")
                .first()
            )
        if applicatie is None:
            self._fail(client_id, source, "invalid-client-identifier", "Onbekende of inactieve client-id.")
        payload = self._verify(token, applicatie, client_id, source)
        acting = Acting.for_applicatie(
            applicatie,
            user_id=_claim(payload, "user_id"),  # normalised by Acting.for_applicatie
            user_representation=_claim(payload, "user_representation"),
        )
        return acting, payload

    def _verify(self, token: str, applicatie: Applicatie, client_id: str, source: str) -> dict:
        leeway = settings.JWT_LEEWAY
        candidates = applicatie.valid_secrets()
        if demo_secrets_refused():
            candidates = [secret for secret in candidates if not is_demo_secret(secret)]
        for secret in candidates:
            try:
                payload = jwt.decode(
                    token,
                    secret,
                    algorithms=["HS256"],
                    leeway=leeway,
                    options={"require": ["iat"]},
                )
            except jwt.InvalidSignatureError:
                continue
            except jwt.MissingRequiredClaimError:
                self._fail(client_id, source, "jwt-missing-iat-claim", "Het token heeft geen claim 'iat'.")
            except jwt.ExpiredSignatureError:
                self._fail(client_id, source, "jwt-expired", "Het token is verlopen (claim 'exp').")
            except jwt.ImmatureSignatureError:
                self._fail(
                    client_id, source, "jwt-iat-in-future", "Het token is uitgegeven in de toekomst ('iat')."
                )
            except jwt.InvalidTokenError:
                self._fail(client_id, source, "jwt-decode-error", "Het token is ongeldig.")
            if time.time() - float(payload["iat"]) > settings.JWT_MAX_AGE + leeway:
                self._fail(client_id, source, "jwt-expired", "Het token is te oud (claim 'iat').")
            return payload
        self._fail(client_id, source, "invalid-jwt-signature", "De handtekening van het token klopt niet.")
        raise AssertionError("unreachable")

    def _fail(self, client_id: str, source: str, code: str, detail: str):
        record_failure(client_id, source)
        logger.warning("authentication_failed", client_id=client_id[:100], source=source, code=code)
        raise AuthenticationProblem(code, detail)
