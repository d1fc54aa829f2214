from django.apps import AppConfig


class VraagbundelingenConfig(AppConfig):
    name = "softwarebroker.vraagbundelingen"
    verbose_name = "Vraagbundelingen"

    def ready(self):
        from softwarebroker.api import resources

        from . import kanalen  # noqa: F401 - declares the kanaal
        from .api import serializers

        resources.register(serializers.VraagbundelingSerializer)
        resources.register(serializers.DeelnameSerializer, parent="vraagbundeling")
        resources.register(serializers.VraagbundelingStatuswijzigingSerializer, parent="vraagbundeling")
        resources.register(serializers.DeelnameStatuswijzigingSerializer, parent="deelname")
