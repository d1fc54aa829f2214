"""The messages about an order; internal ones only for their own side."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema

from softwarebroker.autorisaties import scopes
from softwarebroker.bestellingen import selectors, services
from softwarebroker.bestellingen.models import Bericht

from ..serializers import BerichtSerializer
from .order_subresource import OrderSubresourceViewSet, documented


@documented("bericht", "berichten", "Plaatst een bericht bij de bestelling.")
@extend_schema(tags=["bestellingen"])
class BerichtViewSet(OrderSubresourceViewSet):
    model = Bericht
    serializer_class = BerichtSerializer
    create_scope = (
        scopes.BESTELLINGEN_AANMAKEN,
        scopes.BESTELLINGEN_BEOORDELEN,
        scopes.BESTELLINGEN_VERWERKEN,
    )

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Bericht.objects.none()
        return selectors.berichten(self.request.auth, self.bestelling())

    def apply_change(self, bestelling, data):
        return services.create_bericht(
            acting=self.request.auth,
            bestelling=bestelling,
            inhoud=data["inhoud"],
            zichtbaarheid=data.get("zichtbaarheid", "openbaar"),
        )
