from django.apps import AppConfig


class CatalogusConfig(AppConfig):
    name = "softwarebroker.catalogus"
    verbose_name = "Catalogus"

    def ready(self):
        # API clients act for a supplier; autorisaties (a layer below) finds it through this.
        from softwarebroker.autorisaties import parties

        from .services import leverancier_with_kvk_nummer

        parties.register("leverancier", leverancier_with_kvk_nummer)
