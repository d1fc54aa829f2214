from django.apps import AppConfig


class RapportagesConfig(AppConfig):
    name = "softwarebroker.rapportages"
    verbose_name = "Rapportages"
