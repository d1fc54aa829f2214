from django.apps import AppConfig


class BestellingenConfig(AppConfig):
    name = "softwarebroker.bestellingen"
    verbose_name = "Bestellingen"

    def ready(self):
        from softwarebroker.api import resources

        from . import kanalen  # noqa: F401 - declares the kanalen
        from .api import serializers

        resources.register(serializers.BestellingSerializer)
        resources.register(serializers.LicentieSerializer)
        for serializer in (
            serializers.StatuswijzigingSerializer,
            serializers.BeoordelingSerializer,
            serializers.BerichtSerializer,
            serializers.AnnuleringsverzoekSerializer,
            serializers.LeveringSerializer,
        ):
            resources.register(serializer, parent="bestelling")
