"""What the acting client may see of orders and licences (through the one scoping mechanism).

An organisation sees its own orders; a supplier the orders addressed to it once they were
sent (approved), never concepts or other suppliers' orders; the broker everything.
"""

from django.db.models import Q

from softwarebroker.autorisaties.scoping import scope_queryset, tenant_filter

from .constants import Zichtbaarheid
from .models import Bericht, Bestelling, Licentie


def bestellingen(acting):
    queryset = Bestelling.objects.all()
    if acting is None or acting.is_broker:
        return scope_queryset(queryset, acting)
    condition = tenant_filter(acting, organisatie_field="besteller")
    if acting.leverancier is not None:
        condition |= Q(leverancier=acting.leverancier, verzonden_op__isnull=False)
    return queryset.filter(condition)


def berichten(acting, bestelling):
    """Open messages for every party of the order; internal ones only for the author's side
    and the broker."""
    queryset = Bericht.objects.filter(bestelling=bestelling)
    if acting.is_broker:
        return queryset
    own_side = (
        "afnemer"
        if acting.organisatie is not None and acting.organisatie.pk == bestelling.besteller_id
        else "leverancier"
    )
    return queryset.filter(Q(zichtbaarheid=Zichtbaarheid.OPENBAAR) | Q(auteur_rol=own_side))


def licenties(acting):
    return scope_queryset(Licentie.objects.all(), acting, organisatie_field="organisatie")
