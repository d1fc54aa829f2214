from django.apps import AppConfig


class OrganisatiesConfig(AppConfig):
    name = "softwarebroker.organisaties"
    verbose_name = "Organisaties"

    def ready(self):
        from softwarebroker.api import resources

        from .api.serializers import OrganisatieSerializer

        resources.register(OrganisatieSerializer)
