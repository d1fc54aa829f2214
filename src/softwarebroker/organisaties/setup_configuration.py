"""Declarative configuration (django-setup-configuration) of organisations and mandates."""

from decimal import Decimal

from django.db import transaction
from django_setup_configuration.configuration import BaseConfigurationStep
from django_setup_configuration.exceptions import ConfigurationRunFailed
from django_setup_configuration.models import ConfigurationModel
from pydantic import Field

from softwarebroker.autorisaties.context import Acting, normalise_user_id

from . import services
from .models import Organisatie, OrganisatieType

SETUP = Acting.system("setup-configuration")


class MandaatConfiguration(ConfigurationModel):
    gebruikers_id: str = Field(description="The `user_id` claim of the budget holder.")
    naam: str = Field(default="", description="Display name of the budget holder.")
    maximum_bedrag: Decimal = Field(ge=0, decimal_places=2, description="Maximum order total (excl. VAT).")


class OrganisatieConfiguration(ConfigurationModel):
    oin: str = Field(pattern=r"^[0-9]{20}$", description="OIN, 20 digits; identifies the organisation.")
    naam: str
    type: OrganisatieType
    gemeentecode: str = Field(default="", pattern=r"^([0-9]{4})?$")
    inwonertal: int | None = Field(default=None, ge=0)
    deelnemers: list[str] = Field(default_factory=list, description="OINs of participating organisations.")
    mandaten: list[MandaatConfiguration] = Field(
        default_factory=list, description="The complete list of mandates; others are removed."
    )


class OrganisatiesConfiguration(ConfigurationModel):
    items: list[OrganisatieConfiguration]


class OrganisatiesConfigurationStep(BaseConfigurationStep[OrganisatiesConfiguration]):
    """Create or update organisations (matched on OIN), their participants and mandates."""

    verbose_name = "Organisaties en mandaten"
    config_model = OrganisatiesConfiguration
    namespace = "organisaties_config"
    enable_setting = "organisaties_config_enable"

    @transaction.atomic
    def execute(self, model: OrganisatiesConfiguration) -> None:
        # Through the services, and only where something differs: a second run changes nothing.
        by_oin = {}
        for item in model.items:
            values = {
                "naam": item.naam,
                "type": item.type,
                "gemeentecode": item.gemeentecode,
                "inwonertal": item.inwonertal,
            }
            organisatie = Organisatie.objects.filter(oin=item.oin).first()
            if organisatie is None:
                organisatie = services.create_organisatie(acting=SETUP, oin=item.oin, **values)
            elif any(getattr(organisatie, name) != value for name, value in values.items()):
                organisatie = services.update_organisatie(acting=SETUP, organisatie=organisatie, **values)
            by_oin[item.oin] = organisatie
            for mandaat in item.mandaten:
                gebruikers_id = normalise_user_id(mandaat.gebruikers_id)
                current = organisatie.mandaten.filter(gebruikers_id=gebruikers_id).first()
                wanted = (mandaat.naam, mandaat.maximum_bedrag)
                if current is None or (current.gebruikers_weergave, current.maximum_bedrag) != wanted:
                    services.set_mandaat(
                        acting=SETUP,
                        organisatie=organisatie,
                        gebruikers_id=mandaat.gebruikers_id,
                        gebruikers_weergave=mandaat.naam,
                        maximum_bedrag=mandaat.maximum_bedrag,
                    )
            keep = [normalise_user_id(mandaat.gebruikers_id) for mandaat in item.mandaten]
            for stale in organisatie.mandaten.exclude(gebruikers_id__in=keep):
                services.delete_mandaat(acting=SETUP, mandaat=stale)
        for item in model.items:
            deelnemers = []
            for oin in item.deelnemers:
                deelnemer = by_oin.get(oin) or Organisatie.objects.filter(oin=oin).first()
                if deelnemer is None:
                    raise ConfigurationRunFailed(f"Organisatie {item.oin}: unknown participant OIN {oin}")
                deelnemers.append(deelnemer)
            organisatie = by_oin[item.oin]
            if set(organisatie.deelnemers.all()) != set(deelnemers):
                services.update_organisatie(acting=SETUP, organisatie=organisatie, deelnemers=deelnemers)
