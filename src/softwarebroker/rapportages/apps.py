from django.apps import AppConfig


class RapportagesConfig(AppConfig):
    name = "softwarebroker.rapportages"
    verbose_name = "Rapportages"

    def ready(self):
        from softwarebroker.core import events

        from .services import prijswaarnemingen

        # The price statistics' summary follows orders and licences in their own transaction.
        events.subscribe(prijswaarnemingen.on_event, many=prijswaarnemingen.on_events)
