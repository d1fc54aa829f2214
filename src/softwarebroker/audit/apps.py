from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "softwarebroker.audit"
    verbose_name = "Audittrail"

    def ready(self):
        # The API's base viewsets write an entry for every change; api sits below audit.
        from softwarebroker.api.viewsets import register_audit_writer

        from .services import record

        register_audit_writer(record)
