"""The soak's API clients, their tokens and its Notificaties API: configuration, no domain data."""

from __future__ import annotations

import io

SECRET = "soak-geheim-0123456789-0123456789-0123456789"


def client(client_id: str, label: str, rollen: list[str], **party):
    """An active API client with one known secret, acting for ``party`` (organisatie or leverancier)."""
    from softwarebroker.autorisaties.models import Applicatie, ApplicatieSecret

    applicatie, _ = Applicatie.objects.update_or_create(
        client_id=client_id, defaults={"label": label, "rollen": rollen, "actief": True, **party}
    )
    ApplicatieSecret.objects.filter(applicatie=applicatie).delete()
    ApplicatieSecret.objects.create(applicatie=applicatie, secret=SECRET)
    return applicatie


def token(client_id: str, user_id: str, valid_for: int) -> str:
    from django.core.management import call_command

    out = io.StringIO()
    call_command("generate_jwt", client_id, "--user-id", user_id, "--valid-for", str(valid_for), stdout=out)
    return out.getvalue().strip()


def configure_notificaties(sink: str) -> None:
    """The Notificaties API at the soak's stand-in (for another organisation's API)."""
    from notifications_api_common.models import NotificationsConfig
    from zgw_consumers.constants import APITypes, AuthTypes
    from zgw_consumers.models import Service

    service, _ = Service.objects.update_or_create(
        slug="notificaties-api-soak",
        defaults={
            "label": "Notificaties API (soak)",
            "api_type": APITypes.nrc,
            "api_root": sink,
            "auth_type": AuthTypes.no_auth,
        },
    )
    config = NotificationsConfig.get_solo()
    config.notifications_api_service = service
    config.save()
