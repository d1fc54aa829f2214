"""The decisions of budget holders on an order awaiting approval."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema

from softwarebroker.autorisaties import scopes
from softwarebroker.bestellingen import services
from softwarebroker.bestellingen.models import Beoordeling

from ..serializers import BeoordelingSerializer
from .order_subresource import OrderSubresourceViewSet, documented


@documented(
    "beoordeling",
    "beoordelingen",
    "Keurt een bestelling ter goedkeuring goed, wijst haar af of vraagt om aanvulling. Niet door de "
    "aanvrager zelf, en goedkeuren alleen binnen uw mandaat.",
)
@extend_schema(tags=["bestellingen"])
class BeoordelingViewSet(OrderSubresourceViewSet):
    model = Beoordeling
    serializer_class = BeoordelingSerializer
    create_scope = scopes.BESTELLINGEN_BEOORDELEN

    def apply_change(self, bestelling, data):
        return services.create_beoordeling(
            acting=self.request.auth,
            bestelling=bestelling,
            besluit=data["besluit"],
            toelichting=data.get("toelichting", ""),
        )
