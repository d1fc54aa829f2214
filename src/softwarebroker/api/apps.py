from django.apps import AppConfig


class APIConfig(AppConfig):
    name = "softwarebroker.api"
    label = "softwarebroker_api"
    verbose_name = "API"

    def ready(self):
        # Schema extensions register themselves on import.
        from . import logging, schema_extensions  # noqa: F401
