"""Which declarations (and documents) a client may see.

A supplier sees its own in every status; the broker sees all. Everyone who may read the
catalogue sees the approved (and expired) ones, of subjects it may see (not those of another
supplier's concept offer or package). A concept, submitted or rejected declaration is only
its owner's and the broker's.

A document marked ``overheid`` is read only by government roles (afnemer, budgethouder,
broker) and its owner.
"""

from __future__ import annotations

from django.db.models import Q

from softwarebroker.autorisaties.scopes import Rol

from ..constants import PublicatieStatus, VerklaringStatus, Vertrouwelijkheid
from ..models import Verklaring

PUBLIEK = (VerklaringStatus.GOEDGEKEURD, VerklaringStatus.VERLOPEN)
OVERHEIDSROLLEN = frozenset({Rol.AFNEMER, Rol.BUDGETHOUDER, Rol.BROKER})


def _own(acting) -> Q | None:
    leverancier = getattr(acting, "leverancier", None)
    return None if leverancier is None else Q(eigenaar=leverancier)


def verklaringen(acting):
    queryset = Verklaring.objects.all()
    if acting is not None and acting.is_broker:
        return queryset
    # Approved ones of a published (or withdrawn) subject; a supplier's subject is itself.
    condition = (
        Q(status__in=PUBLIEK)
        & ~Q(aanbieding__status=PublicatieStatus.CONCEPT)
        & ~Q(softwarepakket__status=PublicatieStatus.CONCEPT)
        & ~Q(softwarepakketversie__softwarepakket__status=PublicatieStatus.CONCEPT)
    )
    own = _own(acting)
    if own is not None:
        condition |= own
    return queryset.filter(condition)


def owns(acting, verklaring: Verklaring) -> bool:
    leverancier = getattr(acting, "leverancier", None)
    return leverancier is not None and leverancier.pk == verklaring.eigenaar_id


def document_readable(acting, verklaring: Verklaring) -> bool:
    """Whether ``acting`` may read the document of a declaration it can see."""
    if not verklaring.document:
        return False
    if verklaring.vertrouwelijkheid == Vertrouwelijkheid.OPENBAAR:
        return True
    return bool(OVERHEIDSROLLEN & set(getattr(acting, "roles", ()))) or owns(acting, verklaring)
