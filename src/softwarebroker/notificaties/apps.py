from django.apps import AppConfig


class NotificatiesConfig(AppConfig):
    name = "softwarebroker.notificaties"
    verbose_name = "Notificaties"

    def ready(self):
        from softwarebroker.core import events, readiness

        from .outbox import enqueue
        from .overdue import readiness_warnings

        events.subscribe(enqueue)
        readiness.register(readiness_warnings)
