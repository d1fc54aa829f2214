"""The one tenant-scoping mechanism. Every queryset of tenant data goes through here.

A client acting for organisation A sees only A's data; a supplier only what is addressed
to it; the broker everything. What is not visible does not exist: callers answer 404.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from .context import Acting


def tenant_filter(
    acting: Acting, *, organisatie_field: str | None = None, leverancier_field: str | None = None
) -> Q:
    condition = Q(pk__in=[])  # nothing, unless one of the tenant fields matches
    if organisatie_field and acting.organisatie is not None:
        condition |= Q(**{organisatie_field: acting.organisatie})
    if leverancier_field and acting.leverancier is not None:
        condition |= Q(**{leverancier_field: acting.leverancier})
    return condition


def scope_queryset(
    queryset: QuerySet,
    acting: Acting | None,
    *,
    organisatie_field: str | None = None,
    leverancier_field: str | None = None,
) -> QuerySet:
    if acting is None:
        return queryset.none()
    if acting.is_broker:
        return queryset
    return queryset.filter(
        tenant_filter(acting, organisatie_field=organisatie_field, leverancier_field=leverancier_field)
    )


def owns(acting: Acting | None, *, organisatie=None, leverancier=None) -> bool:
    """Whether ``acting`` may see data belonging to this organisation or supplier."""
    if acting is None:
        return False
    if acting.is_broker:
        return True
    if organisatie is not None and acting.organisatie is not None and organisatie.pk == acting.organisatie.pk:
        return True
    return (
        leverancier is not None and acting.leverancier is not None and leverancier.pk == acting.leverancier.pk
    )
