"""Declarative configuration (django-setup-configuration) of API clients."""

from django.db import transaction
from django_setup_configuration.configuration import BaseConfigurationStep
from django_setup_configuration.exceptions import ConfigurationRunFailed
from django_setup_configuration.models import ConfigurationModel
from pydantic import Field

from . import parties
from .context import Acting
from .demo_secrets import demo_secrets_refused
from .models import Applicatie, ApplicatieSecret
from .scopes import Rol

# The placeholder secrets of the example configuration (docker/setup_configuration/data.yaml)
# start with this; production settings refuse them, as they refuse the demo data's secrets.
PLACEHOLDER_SECRET_PREFIX = "vervang-dit-door-"

# A supplier the configuration names is created through the catalogue service, as this step.
SETUP = Acting.system("setup-configuration")


class LeverancierReference(ConfigurationModel):
    kvk_nummer: str = Field(pattern=r"^[0-9]{8}$")
    naam: str = Field(description="Used when the supplier does not exist yet.")


class ApplicatieConfiguration(ConfigurationModel):
    client_id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{2,99}$")
    label: str
    rollen: list[Rol] = Field(min_length=1)
    organisatie_oin: str | None = Field(default=None, pattern=r"^[0-9]{20}$")
    leverancier: LeverancierReference | None = None
    secrets: list[str] = Field(
        min_length=1,
        description="All valid secrets (at least 32 characters). List the old and the new one "
        "while rotating; secrets no longer listed stop working.",
    )
    actief: bool = True


class ApplicatiesConfiguration(ConfigurationModel):
    items: list[ApplicatieConfiguration]


class ApplicatiesConfigurationStep(BaseConfigurationStep[ApplicatiesConfiguration]):
    """Create or update API clients (matched on client id) and exactly their listed secrets."""

    verbose_name = "API-clients (applicaties)"
    config_model = ApplicatiesConfiguration
    namespace = "applicaties_config"
    enable_setting = "applicaties_config_enable"

    @transaction.atomic
    def execute(self, model: ApplicatiesConfiguration) -> None:
        for item in model.items:
            if any(len(secret) < 32 for secret in item.secrets):
                raise ConfigurationRunFailed(f"{item.client_id}: secrets must have at least 32 characters")
            if demo_secrets_refused() and any(
                secret.startswith(PLACEHOLDER_SECRET_PREFIX) for secret in item.secrets
            ):
                raise ConfigurationRunFailed(
                    f"{item.client_id}: replace the example's placeholder secrets by real ones"
                )
            organisatie = None
            if item.organisatie_oin:
                organisatie = parties.find("organisatie", oin=item.organisatie_oin)
                if organisatie is None:
                    raise ConfigurationRunFailed(
                        f"{item.client_id}: unknown organisation {item.organisatie_oin}"
                    )
            leverancier = None
            if item.leverancier:
                leverancier = parties.find(
                    "leverancier",
                    acting=SETUP,
                    kvk_nummer=item.leverancier.kvk_nummer,
                    naam=item.leverancier.naam,
                )
            if {Rol.AFNEMER, Rol.BUDGETHOUDER} & set(item.rollen) and organisatie is None:
                raise ConfigurationRunFailed(
                    f"{item.client_id}: afnemer and budgethouder need organisatie_oin"
                )
            if Rol.LEVERANCIER in item.rollen and leverancier is None:
                raise ConfigurationRunFailed(f"{item.client_id}: the role leverancier needs a leverancier")
            applicatie, _ = Applicatie.objects.update_or_create(
                client_id=item.client_id,
                defaults={
                    "label": item.label,
                    "rollen": [str(rol) for rol in item.rollen],
                    "organisatie": organisatie,
                    "leverancier": leverancier,
                    "actief": item.actief,
                },
            )
            self._set_secrets(applicatie, item.secrets)

    def _set_secrets(self, applicatie: Applicatie, wanted: list[str]) -> None:
        # Secrets are encrypted with a random nonce, so compare decrypted values.
        existing = list(applicatie.secrets.all())
        for secret in existing:
            if secret.secret not in wanted:
                secret.delete()
        present = {secret.secret for secret in existing}
        for value in wanted:
            if value not in present:
                ApplicatieSecret.objects.create(
                    applicatie=applicatie, secret=value, omschrijving="configuratie"
                )
