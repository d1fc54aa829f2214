from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "softwarebroker.core"
    verbose_name = "Kern"
