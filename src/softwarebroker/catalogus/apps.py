from django.apps import AppConfig


class CatalogusConfig(AppConfig):
    name = "softwarebroker.catalogus"
    verbose_name = "Catalogus"

    def ready(self):
        from softwarebroker.api import resources

        from . import kanalen  # noqa: F401 - declares the kanalen
        from .api import serializers

        for serializer in (
            serializers.CategorieSerializer,
            serializers.LeverancierSerializer,
            serializers.SoftwarepakketSerializer,
            serializers.SoftwarepakketversieSerializer,
            serializers.AanbiedingSerializer,
            serializers.PrijsSerializer,
            serializers.RaamovereenkomstSerializer,
            serializers.VerklaringSerializer,
            serializers.ReferentiecomponentSerializer,
        ):
            resources.register(serializer)
        resources.register(serializers.KwetsbaarheidSerializer, parent="softwarepakketversie")

        # API clients act for a supplier; autorisaties (a layer below) finds it through this.
        from softwarebroker.autorisaties import parties

        from .services import leverancier_with_kvk_nummer

        parties.register("leverancier", leverancier_with_kvk_nummer)
