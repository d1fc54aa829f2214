"""Read-only audit trail under every main resource: ``{resource}/{uuid}/audittrail``."""

from django.http import Http404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, viewsets

from softwarebroker.api.viewsets import RepresentationMixin
from softwarebroker.audit import selectors
from softwarebroker.audit.models import AuditTrail
from softwarebroker.autorisaties import scopes
from softwarebroker.autorisaties.scoping import owns

from .serializers import AuditTrailSerializer


class AuditTrailViewSet(
    RepresentationMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Base; :func:`audit_trail_viewset` makes one per main resource."""

    serializer_class = AuditTrailSerializer
    lookup_field = "uuid"
    http_method_names = ["get", "head"]
    scopes = {"list": scopes.AUDITTRAILS_LEZEN, "retrieve": scopes.AUDITTRAILS_LEZEN}
    parent_viewset = None  # the main resource's viewset

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation
            return AuditTrail.objects.none()
        parent = (
            self.parent_viewset.visible_objects(self.request.auth)
            .filter(uuid=self.kwargs["hoofdobject_uuid"])
            .first()
        )
        if parent is None or not owns(self.request.auth, **self.parent_viewset.tenant_of(parent)):
            raise Http404
        return selectors.audit_trail(acting=self.request.auth, hoofd_object_uuid=parent.uuid)


def audit_trail_viewset(parent_viewset, *, tag: str, resource_label: str):
    docs = extend_schema_view(
        list=extend_schema(
            summary=f"Audittrail van een {resource_label}",
            description=f"Alle wijzigingen van de {resource_label} en haar deelresources, oudste eerst.",
            tags=[tag],
            operation_id=f"{tag}_audittrail_list",
        ),
        retrieve=extend_schema(
            summary=f"Eén regel uit de audittrail van een {resource_label}",
            description="Een audittrailregel kan nooit worden gewijzigd of verwijderd.",
            tags=[tag],
            operation_id=f"{tag}_audittrail_retrieve",
        ),
    )
    view = type(
        f"{parent_viewset.__name__}AuditTrail", (AuditTrailViewSet,), {"parent_viewset": parent_viewset}
    )
    return docs(view)
