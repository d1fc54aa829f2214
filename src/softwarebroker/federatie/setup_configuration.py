"""Declarative configuration of the peer catalogues: federated search, their offers in order
lines and their notifications to the webhook."""

from django.db import transaction
from django_setup_configuration.configuration import BaseConfigurationStep
from django_setup_configuration.exceptions import ConfigurationRunFailed
from django_setup_configuration.models import ConfigurationModel
from pydantic import Field
from zgw_consumers.models import Service

from . import services


class PeerConfiguration(ConfigurationModel):
    naam: str = Field(description="Shown as `bron` of this peer's search results.")
    service_identifier: str = Field(description="The `identifier` of its zgw-consumers service.")
    actief: bool = True
    notificaties_authorization: str | None = Field(
        default=None,
        description="The Authorization header value this peer's Notificaties API sends to the "
        "webhook (the subscription's `auth`); leave out to accept no notifications from it.",
    )


class PeersConfiguration(ConfigurationModel):
    items: list[PeerConfiguration]


class PeerCatalogiConfigurationStep(BaseConfigurationStep[PeersConfiguration]):
    """Create or update peer catalogues (matched on name); configure their services first."""

    verbose_name = "Peer-catalogi"
    config_model = PeersConfiguration
    namespace = "peer_catalogi_config"
    enable_setting = "peer_catalogi_config_enable"

    @transaction.atomic
    def execute(self, model: PeersConfiguration) -> None:
        for item in model.items:
            service = Service.objects.filter(slug=item.service_identifier).first()
            if service is None:
                raise ConfigurationRunFailed(f"No service with identifier {item.service_identifier!r}")
            wanted = {
                "service": service,
                "actief": item.actief,
                "notificaties_authorization": item.notificaties_authorization,
            }
            services.save_peer_catalogus(naam=item.naam, **wanted)
