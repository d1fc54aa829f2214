"""Declarative configuration (django-setup-configuration) of organisations and mandates."""

from decimal import Decimal

from django.db import transaction
from django_setup_configuration.configuration import BaseConfigurationStep
from django_setup_configuration.exceptions import ConfigurationRunFailed
from django_setup_configuration.models import ConfigurationModel
from pydantic import Field

from .models import Mandaat, Organisatie, OrganisatieType


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
        by_oin = {}
        for item in model.items:
            organisatie, _ = Organisatie.objects.update_or_create(
                oin=item.oin,
                defaults={
                    "naam": item.naam,
                    "type": item.type,
                    "gemeentecode": item.gemeentecode,
                    "inwonertal": item.inwonertal,
                },
            )
            organisatie.full_clean()
            by_oin[item.oin] = organisatie
            for mandaat in item.mandaten:
                Mandaat.objects.update_or_create(
                    organisatie=organisatie,
                    gebruikers_id=mandaat.gebruikers_id,
                    defaults={"gebruikers_weergave": mandaat.naam, "maximum_bedrag": mandaat.maximum_bedrag},
                )
            keep = [mandaat.gebruikers_id for mandaat in item.mandaten]
            organisatie.mandaten.exclude(gebruikers_id__in=keep).delete()
        for item in model.items:
            deelnemers = []
            for oin in item.deelnemers:
                deelnemer = by_oin.get(oin) or Organisatie.objects.filter(oin=oin).first()
                if deelnemer is None:
                    raise ConfigurationRunFailed(f"Organisatie {item.oin}: unknown participant OIN {oin}")
                deelnemers.append(deelnemer)
            by_oin[item.oin].deelnemers.set(deelnemers)
