"""Declarative registration of this instance's kanalen at the Notificaties API.

The same registration as notifications-api-common's ``register_kanalen`` command, made fit for
a configuration run: a kanaal that is already registered as wanted is left alone (nothing is
written, so a second run changes nothing), and any failure stops the run instead of being
skipped with a message.
"""

from __future__ import annotations

import structlog
from django_setup_configuration.configuration import BaseConfigurationStep
from django_setup_configuration.exceptions import ConfigurationRunFailed
from django_setup_configuration.models import ConfigurationModel
from notifications_api_common.kanalen import KANAAL_REGISTRY
from notifications_api_common.management.commands.register_kanalen import (
    KanaalException,
    construct_kanaal_request_data,
    create_kanaal,
    get_kanaal,
    replace_kanaal,
)
from notifications_api_common.models import NotificationsConfig
from pydantic import Field

logger = structlog.get_logger(__name__)


class KanalenConfiguration(ConfigurationModel):
    kanalen: list[str] = Field(
        default_factory=list,
        description="Names of the kanalen to register; empty: every kanaal this instance publishes on.",
    )


def registered_as_wanted(existing: dict, wanted: dict) -> bool:
    return existing.get("documentatieLink") == wanted["documentatieLink"] and sorted(
        existing.get("filters") or []
    ) == sorted(wanted["filters"])


class KanalenRegistrationStep(BaseConfigurationStep[KanalenConfiguration]):
    """Register the kanalen at the Notificaties API of `notifications_config`, or bring their
    documentation link and filters up to date."""

    verbose_name = "Kanalen at the Notificaties API"
    config_model = KanalenConfiguration
    namespace = "notifications_kanalen_config"
    enable_setting = "notifications_kanalen_config_enable"

    def execute(self, model: KanalenConfiguration) -> None:
        published = sorted(kanaal.label for kanaal in KANAAL_REGISTRY)
        unknown = sorted(set(model.kanalen) - set(published))
        if unknown:
            raise ConfigurationRunFailed(
                f"Unknown kanalen {', '.join(unknown)}; this instance publishes on {', '.join(published)}"
            )
        client = NotificationsConfig.get_client()
        if client is None:
            raise ConfigurationRunFailed(
                "No Notificaties API is configured: enable notifications_config first"
            )
        for naam in model.kanalen or published:
            try:
                self._register(naam, client)
            except KanaalException as error:
                raise ConfigurationRunFailed(str(error)) from error

    def _register(self, naam: str, client) -> None:
        existing = get_kanaal(naam, client)
        if existing is None:
            create_kanaal(naam, client)
            logger.info("kanaal_registered", kanaal=naam, notificaties_api=client.base_url)
        elif not registered_as_wanted(existing, construct_kanaal_request_data(naam)):
            replace_kanaal(naam, existing, client)
            logger.info("kanaal_updated", kanaal=naam, notificaties_api=client.base_url)
        else:
            logger.info("kanaal_unchanged", kanaal=naam, notificaties_api=client.base_url)
