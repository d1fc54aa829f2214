"""The deliveries of an order's lines, and reading a delivery's secret."""

from __future__ import annotations

from django.db import transaction
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions
from rest_framework.decorators import action
from rest_framework.response import Response

from softwarebroker.autorisaties import scopes
from softwarebroker.bestellingen import services
from softwarebroker.bestellingen.models import Levering

from ..serializers import LeveringGeheimSerializer, LeveringSerializer
from .order_subresource import OrderSubresourceViewSet, documented


@documented(
    "levering",
    "leveringen",
    "Levert één regel (alleen in behandeling). Het geheim wordt versleuteld bewaard.",
)
@extend_schema(tags=["bestellingen"])
class LeveringViewSet(OrderSubresourceViewSet):
    model = Levering
    serializer_class = LeveringSerializer
    create_scope = scopes.BESTELLINGEN_VERWERKEN

    @property
    def scopes(self) -> dict:
        return {**super().scopes, "geheim": scopes.BESTELLINGEN_LEZEN}

    def apply_change(self, bestelling, data):
        volgnummer = data["regel"]["volgnummer"]
        regel = bestelling.regels.filter(volgnummer=volgnummer).first()
        if regel is None:
            raise exceptions.ValidationError({"regel": [f"De bestelling heeft geen regel {volgnummer}."]})
        return services.create_levering(
            acting=self.request.auth,
            bestelling=bestelling,
            regel=regel,
            type=data["type"],
            verwijzing=data.get("verwijzing", ""),
            geheim=data.get("geheim", ""),
        )

    @extend_schema(
        summary="Het geheim van een levering",
        description="Alleen voor de bestellende organisatie; elke keer lezen komt in de audittrail.",
        responses={200: LeveringGeheimSerializer},
    )
    @action(detail=True, methods=["get"], url_path="geheim")
    @transaction.atomic
    def geheim(self, request, *args, **kwargs):
        geheim = services.read_levering_geheim(acting=request.auth, levering=self.get_object())
        return Response({"geheim": geheim})
