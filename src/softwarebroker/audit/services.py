"""Writing audit trail entries, in the transaction of the change they describe.

Domain services call :func:`record_audit` for every change they make, whoever asked for it
(an API client, an administrator, demo data, a command): the representation before and
after is the API's own (``api.resources``), with URLs from ``PUBLIC_URL``.
"""

from __future__ import annotations

import re

from django.db import transaction

from softwarebroker.api import resources

from .models import AuditTrail

ACTION_LABELS = {
    "create": "Object aangemaakt",
    "update": "Object bijgewerkt",
    "partial_update": "Object deels bijgewerkt",
    "destroy": "Object verwijderd",
}
RESULTS = {"create": 201, "destroy": 204}
MAX_HEADER = 1024
_AFTER_FROM_DATABASE = object()


# PostgreSQL text holds no NUL, and a log line no control character: what a client sends in an
# audited header or token claim is kept without them (tab kept as a space), never refused.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def _clean(text: str, limit: int) -> str:
    return _CONTROL_CHARACTERS.sub(lambda match: " " if match.group() == "\t" else "", text or "")[:limit]


def _header(headers, name: str, limit: int = MAX_HEADER) -> str:
    return _clean(headers.get(name) or "", limit)


def snapshot(instance) -> dict | None:
    """The instance as the API shows it now (``None`` once it is deleted)."""
    return resources.represent(instance)


def record_audit(**fields) -> AuditTrail:
    """One entry for a change of ``instance``, which is ``main`` or a resource under it.

    ``before`` and ``after`` are representations of the main object; ``after`` is read
    from the database unless given (``None`` when the main object was deleted). Must run
    inside the transaction of the change (asserted). The fields are those of
    :func:`audit_entry`.
    """
    _require_transaction()
    entry = audit_entry(**fields)
    entry.save(force_insert=True)
    return entry


def record_audits(entries: list[AuditTrail]) -> list[AuditTrail]:
    """Many entries (made by :func:`audit_entry`) in one statement per thousand, for a job that
    changes many objects at once; each entry is what :func:`record_audit` would write."""
    _require_transaction()
    return AuditTrail.objects.bulk_create(entries, batch_size=1000)


def _require_transaction() -> None:
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("Audit entries are written inside the transaction of their change")


def audit_entry(
    *,
    acting,
    actie: str,
    instance,
    main=None,
    before: dict | None,
    after=_AFTER_FROM_DATABASE,
    organisatie_id=None,
    leverancier_id=None,
    resource: str = "",
    resource_url: str = "",
    resource_weergave: str = "",
    resultaat: int | None = None,
) -> AuditTrail:
    """The unsaved entry for a change of ``instance`` (see :func:`record_audit`)."""
    main = instance if main is None else main
    if after is _AFTER_FROM_DATABASE:
        after = None if actie == "destroy" and main is instance else snapshot(main)
    main_url = resources.url_of(main)
    headers = acting.headers
    return AuditTrail(
        bron=acting.channel or resources.api_of(type(main)).slug,
        # Who acts comes from the signed token (or the channel) only; the unsigned NLX
        # headers are kept beside it, in fields of their own.
        applicatie_id=_clean(acting.client_id, 100),
        applicatie_weergave=_clean(acting.label, 200),
        gebruikers_id=_clean(acting.user_id, 255),
        gebruikers_weergave=_clean(acting.user_representation, 255),
        nlx_applicatie_id=_header(headers, "X-NLX-Request-Application-Id", 100),
        nlx_gebruikers_id=_header(headers, "X-NLX-Request-User-Id", 255),
        actie=actie,
        actie_weergave=ACTION_LABELS.get(actie, actie),
        resultaat=resultaat or RESULTS.get(actie, 200),
        hoofd_object=main_url,
        hoofd_object_uuid=main.uuid,
        resource=resource or instance._meta.model_name,
        # A part without a resource of its own (a mandate) is named by its main object's URL.
        resource_url=resource_url
        or (
            resources.url_of(instance)
            if instance is not main and resources.is_registered(type(instance))
            else main_url
        ),
        resource_weergave=(resource_weergave or str(instance))[:200],
        toelichting=_header(headers, "X-Audit-Toelichting", 1000),
        oud=before,
        nieuw=after,
        nlx_logrecord_id=_header(headers, "X-NLX-Logrecord-Id"),
        fsc_transaction_id=_header(headers, "Fsc-Transaction-Id"),
        traceparent=_header(headers, "traceparent"),
        organisatie_id=organisatie_id,
        leverancier_id=leverancier_id,
    )
