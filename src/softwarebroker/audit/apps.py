from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "softwarebroker.audit"
    verbose_name = "Audittrail"
