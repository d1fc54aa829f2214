"""The status changes of an order: the list is its history, creating one asks for a transition."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema

from softwarebroker.autorisaties import scopes
from softwarebroker.bestellingen import services
from softwarebroker.bestellingen.models import Statuswijziging

from ..serializers import StatuswijzigingSerializer
from .order_subresource import OrderSubresourceViewSet, documented


@documented(
    "statuswijziging",
    "statuswijzigingen",
    "Vraagt een statusovergang aan (zie de toestandsmachine in de API-gids): 409 als die vanuit de "
    "huidige status niet kan (met de mogelijke overgangen), 403 als zij niet aan u is. Bij indienen "
    "worden aanbiedingen van peers opnieuw gelezen: 502 als een peer niet bruikbaar antwoordt.",
    errors=("409", "502"),
)
@extend_schema(tags=["bestellingen"])
class StatuswijzigingViewSet(OrderSubresourceViewSet):
    model = Statuswijziging
    serializer_class = StatuswijzigingSerializer
    create_scope = (scopes.BESTELLINGEN_AANMAKEN, scopes.BESTELLINGEN_VERWERKEN)

    def apply_change(self, bestelling, data):
        return services.change_status(
            acting=self.request.auth,
            bestelling=bestelling,
            naar=data["naar_status"],
            toelichting=data.get("toelichting", ""),
        )
