from django.apps import AppConfig


class HealthConfig(AppConfig):
    name = "softwarebroker.health"
    verbose_name = "Gezondheid"
