from django.apps import AppConfig


class OrganisatiesConfig(AppConfig):
    name = "softwarebroker.organisaties"
    verbose_name = "Organisaties"

    def ready(self):
        from softwarebroker.api import resources

        from .api.serializers import OrganisatieSerializer

        resources.register(OrganisatieSerializer)

        # API clients act for an organisation; autorisaties (a layer below) finds it through this.
        from softwarebroker.autorisaties import parties

        from .selectors import organisatie_with_oin

        parties.register("organisatie", organisatie_with_oin)
