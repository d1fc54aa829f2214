"""The requests to cancel an order, and the supplier's decision on one."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import exceptions, mixins
from rest_framework.response import Response

from softwarebroker.autorisaties import scopes
from softwarebroker.bestellingen import services
from softwarebroker.bestellingen.constants import AnnuleringStatus
from softwarebroker.bestellingen.models import Annuleringsverzoek

from ..serializers import AnnuleringsverzoekSerializer
from .order_subresource import OrderSubresourceViewSet, documented


@extend_schema_view(
    partial_update=extend_schema(
        summary="Besluiten over een annuleringsverzoek",
        description="De leverancier (of broker) zet de status op `uitgevoerd` (de bestelling wordt "
        "geannuleerd) of `afgewezen` (met toelichting; de bestelling gaat terug naar de vorige status).",
        extensions={"x-extra-errors": ["409"]},
    )
)
@documented(
    "annuleringsverzoek",
    "annuleringsverzoeken",
    "Vraagt annulering van een geaccepteerde of lopende bestelling aan; de leverancier besluit.",
)
@extend_schema(tags=["bestellingen"])
class AnnuleringsverzoekViewSet(mixins.UpdateModelMixin, OrderSubresourceViewSet):
    model = Annuleringsverzoek
    serializer_class = AnnuleringsverzoekSerializer
    create_scope = scopes.BESTELLINGEN_AANMAKEN
    http_method_names = ["get", "post", "patch", "head"]

    @property
    def scopes(self) -> dict:
        return {**super().scopes, "partial_update": scopes.BESTELLINGEN_VERWERKEN}

    def apply_change(self, bestelling, data):
        return services.create_annuleringsverzoek(
            acting=self.request.auth, bestelling=bestelling, reden=data.get("reden", "")
        )

    def partial_update(self, request, *args, **kwargs):
        verzoek = self.get_object()
        serializer = self.get_serializer(verzoek, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        besluit = serializer.validated_data.get("status")
        if besluit not in (AnnuleringStatus.UITGEVOERD, AnnuleringStatus.AFGEWEZEN):
            raise exceptions.ValidationError({"status": ["Kies 'uitgevoerd' of 'afgewezen'."]})
        verzoek = services.decide_annuleringsverzoek(
            acting=self.request.auth,
            annuleringsverzoek=verzoek,
            status=besluit,
            toelichting=serializer.validated_data.get("toelichting", ""),
        )
        return Response(self.represent(verzoek))
