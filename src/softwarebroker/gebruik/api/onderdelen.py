"""What hangs under a use: ``/gebruiken/{uuid}/statuswijzigingen`` (its history; a POST moves
the status) and ``/gebruiken/{uuid}/attenties`` (its alerts; ``.../afhandelen`` closes one).
Every write goes through ``gebruik.services``."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.response import Response

from softwarebroker.autorisaties import scopes
from softwarebroker.bestellingen.api.viewsets.bestelling import IDEMPOTENCY_KEY

from .. import services
from ..models import Attentie, GebruikStatuswijziging
from .basis import TAG, UnderGebruik
from .serializers import AttentieSerializer, GebruikStatuswijzigingSerializer


@extend_schema(tags=[TAG])
@extend_schema_view(
    list=extend_schema(
        summary="Statuswijzigingen van een gebruik",
        description="De geschiedenis van het gebruik, oudste eerst: elke status met de datum waarop "
        "zij inging.",
    ),
    retrieve=extend_schema(summary="Eén statuswijziging", description="Eén stap in de geschiedenis."),
    create=extend_schema(
        summary="Status van een gebruik wijzigen",
        description="Vooruit mag altijd (`verwerving`, `gepland`, `in_productie`, `uit_te_faseren`, "
        "`uitgefaseerd`); terug alleen naar de status direct daarvoor (één stap ongedaan maken). Een "
        "overgang die de geschiedenis niet toestaat geeft 409, een datum voor die van de huidige "
        "status 400. `uitgefaseerd` sluit de open attenties.",
        parameters=[IDEMPOTENCY_KEY],
        extensions={"x-extra-errors": ["409"]},
    ),
)
class GebruikStatuswijzigingViewSet(UnderGebruik):
    model = GebruikStatuswijziging
    representation = GebruikStatuswijzigingSerializer
    scopes = {
        "list": scopes.GEBRUIKEN_LEZEN,
        "retrieve": scopes.GEBRUIKEN_LEZEN,
        "create": scopes.GEBRUIKEN_BEHEREN,
    }
    default_sort = ("geregistreerd_op", "pk")

    def create(self, request, *args, **kwargs):
        return self.idempotent(request, lambda: self._create(request))

    def _create(self, request):
        gebruik = self.gebruik()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        wijziging = services.wijzig_status(
            acting=request.auth,
            gebruik=gebruik,
            naar_status=data["naar_status"],
            datum=data.get("datum"),
            toelichting=data.get("toelichting", ""),
        )
        return self.created(wijziging)


@extend_schema(tags=[TAG])
@extend_schema_view(
    list=extend_schema(
        summary="Attenties van een gebruik",
        description="Alle attenties van het gebruik, open en afgehandeld, nieuwste eerst.",
    ),
    retrieve=extend_schema(summary="Eén attentie", description="Eén attentie van het gebruik."),
)
class AttentieViewSet(UnderGebruik):
    model = Attentie
    representation = AttentieSerializer
    scopes = {
        "list": scopes.GEBRUIKEN_LEZEN,
        "retrieve": scopes.GEBRUIKEN_LEZEN,
        "afhandelen": scopes.GEBRUIKEN_BEHEREN,
    }
    default_sort = ("-aangemaakt_op", "-pk")

    @extend_schema(
        summary="Attentie afhandelen",
        description="De organisatie heeft de attentie afgehandeld (upgrade gepland, oplossing "
        "toegepast): `afgehandeldOp` wordt nu en het gebruik telt niet meer mee onder "
        "`attentie=true` (als dit zijn laatste open attentie was). 409 als zij al is afgehandeld.",
        operation_id="gebruiken_attenties_afhandelen",
        request=None,
        responses={200: AttentieSerializer},
        extensions={"x-extra-errors": ["409"]},
    )
    def afhandelen(self, request, *args, **kwargs):
        attentie = self.get_object()
        attentie = services.handel_af(acting=request.auth, attentie=attentie)
        return Response(self.represent(attentie))
