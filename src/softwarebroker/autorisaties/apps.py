from django.apps import AppConfig


class AutorisatiesConfig(AppConfig):
    name = "softwarebroker.autorisaties"
    verbose_name = "Autorisaties"

    def ready(self):
        from . import schema  # noqa: F401  (OpenAPI security scheme)
