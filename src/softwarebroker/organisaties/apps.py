from django.apps import AppConfig


class OrganisatiesConfig(AppConfig):
    name = "softwarebroker.organisaties"
    verbose_name = "Organisaties"
