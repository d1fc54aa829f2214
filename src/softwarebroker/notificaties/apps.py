from django.apps import AppConfig


class NotificatiesConfig(AppConfig):
    name = "softwarebroker.notificaties"
    verbose_name = "Notificaties"

    def ready(self):
        from softwarebroker.core import events, readiness

        from .outbox import enqueue, enqueue_many
        from .overdue import readiness_warnings

        events.subscribe(enqueue, many=enqueue_many)
        readiness.register(readiness_warnings)
