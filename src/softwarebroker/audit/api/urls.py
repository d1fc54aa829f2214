from django.urls import path

from .viewsets import audit_trail_viewset


def audit_trail_urls(collection: str, parent_viewset, *, resource_label: str) -> list:
    """``{collection}/{uuid}/audittrail`` and ``.../audittrail/{uuid}`` for one main resource."""
    viewset = audit_trail_viewset(parent_viewset, tag=collection, resource_label=resource_label)
    base = f"{collection}/<uuid:hoofdobject_uuid>/audittrail"
    return [
        path(base, viewset.as_view({"get": "list"}), name=f"{collection}-audittrail-list"),
        path(
            f"{base}/<uuid:uuid>",
            viewset.as_view({"get": "retrieve"}),
            name=f"{collection}-audittrail-detail",
        ),
    ]
