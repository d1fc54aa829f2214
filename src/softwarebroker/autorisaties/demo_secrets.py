"""The secrets of the demo API clients, and their refusal under production settings.

The demo data gives its API clients secrets made by :func:`demo_secret`; they are published
in the README, so with ``REFUSE_DEMO_SECRETS`` (production settings) tokens signed with one
are refused and the readiness probe fails while one is configured. Every secret of that form
is refused, whatever its client id, so a renamed or removed demo client cannot slip through.
"""

from django.conf import settings

PREFIX = "demo-geheim-"
SUFFIX = "-alleen-lokaal"


def demo_secret(client_id: str) -> str:
    return f"{PREFIX}{client_id}{SUFFIX}"


def is_demo_secret(secret: str) -> bool:
    return secret.startswith(PREFIX) and secret.endswith(SUFFIX)


def demo_secrets_refused() -> bool:
    return getattr(settings, "REFUSE_DEMO_SECRETS", False)
