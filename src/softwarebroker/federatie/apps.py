from django.apps import AppConfig


class FederatieConfig(AppConfig):
    name = "softwarebroker.federatie"
    verbose_name = "Federatie"
