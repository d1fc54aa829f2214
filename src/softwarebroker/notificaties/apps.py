from django.apps import AppConfig


class NotificatiesConfig(AppConfig):
    name = "softwarebroker.notificaties"
    verbose_name = "Notificaties"

    def ready(self):
        from softwarebroker.core import events

        from .outbox import enqueue

        events.subscribe(enqueue)
