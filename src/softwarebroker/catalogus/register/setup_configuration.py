"""Declarative configuration (django-setup-configuration): the GEMMA register imported from
GEMMA's CSV export at a file path or URL, through the same code path as the management command
``importeer_referentiecomponenten`` (idempotent: a second run changes nothing)."""

from django_setup_configuration.configuration import BaseConfigurationStep
from django_setup_configuration.exceptions import ConfigurationRunFailed
from django_setup_configuration.models import ConfigurationModel
from pydantic import Field

from softwarebroker.autorisaties.context import Acting

from .bron import importeer
from .gemma_csv import RegisterOngeldig

SETUP = Acting.system("setup-configuration")


class ReferentiecomponentenConfiguration(ConfigurationModel):
    bron: str = Field(
        min_length=1,
        description="Path or http(s) URL of GEMMA's CSV export 'Overzicht alle referentiecomponenten'.",
    )


class ReferentiecomponentenConfigurationStep(BaseConfigurationStep[ReferentiecomponentenConfiguration]):
    """Import the GEMMA register of reference components (matched on the GEMMA id)."""

    verbose_name = "GEMMA-referentiecomponenten"
    config_model = ReferentiecomponentenConfiguration
    namespace = "referentiecomponenten_config"
    enable_setting = "referentiecomponenten_config_enable"

    def execute(self, model: ReferentiecomponentenConfiguration) -> None:
        try:
            importeer(acting=SETUP, bron=model.bron)
        except RegisterOngeldig as ongeldig:
            raise ConfigurationRunFailed(f"{model.bron}: {ongeldig}") from None
