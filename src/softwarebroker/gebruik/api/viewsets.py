"""Software use in the Bestellingen API: ``/gebruiken`` (its history and alerts are in
:mod:`.onderdelen`). Every write goes through ``gebruik.services``; the viewsets translate HTTP
(ETag, If-Match, Idempotency-Key, URLs) and write nothing themselves. A use the client may not
see answers as unknown (404): ``gebruik.selectors``."""

from __future__ import annotations

from django.db import transaction
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.response import Response

from softwarebroker.api.versioned import versioned_detail
from softwarebroker.autorisaties import scopes
from softwarebroker.bestellingen.api.viewsets.bestelling import IDEMPOTENCY_KEY, IF_MATCH

from .. import selectors, services
from ..models import Gebruik
from . import filters
from .basis import ETAG_ACTIONS, TAG, GebruikBase
from .serializers import GebruikSerializer

WIJZIGEN = (
    "Alleen `softwarepakketversie`, `referentiecomponenten`, `licentie`, `bedrijfskritisch`, "
    "`verwerktPersoonsgegevens`, `vertrouwelijk` en `toelichting`; een andere `organisatie` of "
    "`softwarepakket` is een ander gebruik, de status wijzigt via `statuswijzigingen` (400). Een "
    "andere versie sluit de attenties van de oude."
)


@extend_schema(tags=[TAG])
@extend_schema_view(
    list=extend_schema(
        summary="Alle gebruiken",
        description="Het applicatielandschap: welke software de eigen organisatie gebruikt, waarvoor "
        "en in welke fase (de broker ziet alle). `attentie=true` toont het gebruik met een open "
        "attentie: einde ondersteuning binnen 12 maanden of een kwetsbaarheid van de versie.",
    ),
    retrieve=extend_schema(
        summary="Eén gebruik",
        description="Eén gebruik met zijn open attenties; de `ETag` dient voor `If-Match` bij wijzigen.",
    ),
    create=extend_schema(
        summary="Gebruik registreren",
        description="Registreert software die de organisatie gebruikt (ook software van elders), voor "
        "de eigen organisatie (de broker voor elke). Een geleverde `nieuw`-regel registreert haar "
        "gebruik vanzelf. De versie hoort bij het pakket, de referentiecomponenten staan in het "
        "register; elk probleem staat met zijn pad in `invalidParams`. 409 als dit gebruik al bestaat.",
        parameters=[IDEMPOTENCY_KEY],
        extensions={"x-extra-errors": ["409"]},
    ),
    update=extend_schema(
        summary="Gebruik volledig wijzigen",
        description=WIJZIGEN,
        parameters=[IF_MATCH],
        extensions={"x-extra-errors": ["409", "412"]},
    ),
    partial_update=extend_schema(
        summary="Gebruik gedeeltelijk wijzigen",
        description=WIJZIGEN,
        parameters=[IF_MATCH],
        extensions={"x-extra-errors": ["409", "412"]},
    ),
    destroy=extend_schema(
        summary="Gebruik verwijderen",
        description="Verwijdert een verkeerd geregistreerd gebruik met zijn geschiedenis. Een gebruik "
        "onder een licentie wordt niet verwijderd (409): zet het op `uitgefaseerd`.",
        extensions={"x-extra-errors": ["409"]},
    ),
)
class GebruikViewSet(GebruikBase):
    model = Gebruik
    representation = GebruikSerializer
    filterset_class = filters.GebruikFilter
    http_method_names = ["get", "post", "put", "patch", "delete", "head"]
    scopes = {
        "list": scopes.GEBRUIKEN_LEZEN,
        "retrieve": scopes.GEBRUIKEN_LEZEN,
        "create": scopes.GEBRUIKEN_BEHEREN,
        "update": scopes.GEBRUIKEN_BEHEREN,
        "partial_update": scopes.GEBRUIKEN_BEHEREN,
        "destroy": scopes.GEBRUIKEN_BEHEREN,
    }
    sort_fields = {"aangemaaktOp": "aangemaakt_op", "statusdatum": "statusdatum", "status": "status"}
    default_sort = ("-aangemaakt_op", "-pk")
    etag_actions = ETAG_ACTIONS

    @classmethod
    def visible_objects(cls, acting):
        return selectors.gebruiken(acting)

    @classmethod
    def tenant_of(cls, instance) -> dict:
        return {"organisatie": instance.organisatie}

    def get_queryset(self):
        return self.visible_objects(self.request.auth)

    def retrieve(self, request, *args, **kwargs):
        return versioned_detail(self)

    def create(self, request, *args, **kwargs):
        return self.idempotent(request, lambda: self._create(request))

    @transaction.atomic
    def _create(self, request):
        serializer = GebruikSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        gebruik = services.create_gebruik(acting=request.auth, **serializer.validated_data)
        return self.with_etag(self.represent(gebruik), gebruik, status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        gebruik = self.get_object()
        versie = self.expected_version(gebruik)
        serializer = self.get_serializer(gebruik, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        gebruik = services.update_gebruik(
            acting=request.auth,
            gebruik=gebruik,
            partial=partial,
            expected_versie=versie,
            **serializer.validated_data,
        )
        return self.with_etag(self.represent(gebruik), gebruik)

    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, partial=True, **kwargs)

    def destroy(self, request, *args, **kwargs):
        services.delete_gebruik(acting=request.auth, gebruik=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)
