"""The lines of an order, each with a URL of its own: read here, written through the order."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema

from softwarebroker.bestellingen.models import Bestelregel

from ..serializers import BestelregelSerializer
from .order_subresource import OrderSubresourceReadViewSet, documented


@documented("bestelregel", "bestelregels", create=None)
@extend_schema(tags=["bestellingen"])
class BestelregelViewSet(OrderSubresourceReadViewSet):
    model = Bestelregel
    serializer_class = BestelregelSerializer
    default_sort = ("volgnummer", "pk")
