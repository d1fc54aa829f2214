from softwarebroker.autorisaties.scoping import scope_queryset

from .models import AuditTrail


def audit_trail(*, acting, hoofd_object_uuid):
    entries = AuditTrail.objects.filter(hoofd_object_uuid=hoofd_object_uuid)
    return scope_queryset(entries, acting, organisatie_field="organisatie", leverancier_field="leverancier")
