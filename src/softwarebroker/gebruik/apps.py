from django.apps import AppConfig


class GebruikConfig(AppConfig):
    name = "softwarebroker.gebruik"
    verbose_name = "Gebruik"

    def ready(self):
        from softwarebroker.api import resources
        from softwarebroker.core import events

        from . import kanalen  # noqa: F401 - declares the kanaal
        from .api import serializers
        from .services import reacties

        resources.register(serializers.GebruikSerializer)
        resources.register(serializers.GebruikStatuswijzigingSerializer, parent="gebruik")
        resources.register(serializers.AttentieSerializer, parent="gebruik")

        # Deliveries and catalogue changes reach the uses through the events of their own
        # transaction: a delivered licence registers its use, a version's end of support and
        # a published vulnerability alert that version's users.
        events.subscribe(reacties.on_event, many=reacties.on_events)
