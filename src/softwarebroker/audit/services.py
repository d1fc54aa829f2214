"""Writing audit trail entries, in the transaction of the change they describe."""

from __future__ import annotations

from django.db import transaction

from .models import AuditTrail

ACTION_LABELS = {
    "create": "Object aangemaakt",
    "update": "Object bijgewerkt",
    "partial_update": "Object deels bijgewerkt",
    "destroy": "Object verwijderd",
}
MAX_HEADER = 1024


def _header(headers, name: str, limit: int = MAX_HEADER) -> str:
    return (headers.get(name) or "")[:limit]


def record(
    *,
    bron: str,
    acting,
    headers,
    actie: str,
    resultaat: int,
    hoofd_object: str,
    hoofd_object_uuid,
    resource: str,
    resource_url: str,
    resource_weergave: str,
    oud: dict | None,
    nieuw: dict | None,
    organisatie_id=None,
    leverancier_id=None,
) -> AuditTrail:
    """One entry. Must run inside the transaction of the change (asserted)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("Audit entries are written inside the transaction of their change")
    return AuditTrail.objects.create(
        bron=bron,
        applicatie_id=getattr(acting, "client_id", "")
        or _header(headers, "X-NLX-Request-Application-Id", 100),
        applicatie_weergave=getattr(acting, "label", "")[:200],
        gebruikers_id=getattr(acting, "user_id", "") or _header(headers, "X-NLX-Request-User-Id", 255),
        gebruikers_weergave=getattr(acting, "user_representation", ""),
        actie=actie,
        actie_weergave=ACTION_LABELS.get(actie, actie),
        resultaat=resultaat,
        hoofd_object=hoofd_object,
        hoofd_object_uuid=hoofd_object_uuid,
        resource=resource,
        resource_url=resource_url,
        resource_weergave=str(resource_weergave)[:200],
        toelichting=_header(headers, "X-Audit-Toelichting", 1000),
        oud=oud,
        nieuw=nieuw,
        nlx_logrecord_id=_header(headers, "X-NLX-Logrecord-Id"),
        fsc_transaction_id=_header(headers, "Fsc-Transaction-Id"),
        traceparent=_header(headers, "traceparent"),
        organisatie_id=organisatie_id,
        leverancier_id=leverancier_id,
    )
