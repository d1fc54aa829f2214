from django.apps import AppConfig


class CatalogusConfig(AppConfig):
    name = "softwarebroker.catalogus"
    verbose_name = "Catalogus"
