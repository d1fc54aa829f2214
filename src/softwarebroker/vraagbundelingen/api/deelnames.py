"""The deelnames of a round and their status changes (approve, withdraw): every write through
``vraagbundelingen.services``; another organisation's deelname answers 404."""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status

from softwarebroker.api.versioned import versioned_detail
from softwarebroker.autorisaties import scopes
from softwarebroker.bestellingen.api.viewsets.bestelling import (
    IDEMPOTENCY_KEY,
    IF_MATCH,
)

from .. import selectors, services
from ..models import Deelname, DeelnameStatuswijziging
from .basis import ETAG_ACTIONS, TAG, UnderRound
from .serializers import (
    DeelnameSerializer,
    DeelnameStatuswijzigingSerializer,
)
from .wijzigingen import (
    DeelnameOvergangSerializer,
    DeelnameWijzigingSerializer,
)


@extend_schema(tags=[TAG])
@extend_schema_view(
    list=extend_schema(
        summary="Deelnames van een vraagbundeling",
        description="Een organisatie ziet alleen haar eigen deelname; de leverancier van de aanbieding "
        "ziet alle deelnames zodra de ronde gesloten is; de broker ziet alle.",
    ),
    retrieve=extend_schema(
        summary="Eén deelname",
        description="Eén deelname (alleen een die u ziet); de `ETag` dient voor `If-Match` bij wijzigen.",
    ),
    create=extend_schema(
        summary="Deelnemen aan een vraagbundeling",
        description="Meldt de eigen organisatie aan (`aangemeld`; de broker elke) zolang de ronde open "
        "is en vóór de sluitingsdatum. Zij telt mee zodra een budgethouder haar goedkeurt. Een tweede "
        "deelname van dezelfde organisatie geeft 409; aantal en bestelparameters worden getoetst als "
        "een bestelregel van de aanbieding (elk probleem met zijn pad in `invalidParams`).",
        request=DeelnameSerializer,
        responses={201: DeelnameSerializer},
        parameters=[IDEMPOTENCY_KEY],
        extensions={"x-extra-errors": ["409"]},
    ),
    partial_update=extend_schema(
        summary="Deelname wijzigen",
        description="Alleen `aantal`, `maxEenheidsprijs`, `bestelparameters` en `kostenplaats`, zolang "
        "de ronde open is; een goedgekeurde deelname wordt na een wijziging van aantal, maximum of "
        "bestelparameters weer `aangemeld`. Elk ander veld geeft 400.",
        request=DeelnameWijzigingSerializer,
        responses={200: DeelnameSerializer},
        parameters=[IF_MATCH],
        extensions={"x-extra-errors": ["409", "412"]},
    ),
)
class DeelnameViewSet(UnderRound):
    model = Deelname
    representation = DeelnameSerializer
    noun = "deelname"
    http_method_names = ["get", "post", "patch", "head"]
    scopes = {
        "list": scopes.BESTELLINGEN_LEZEN,
        "retrieve": scopes.BESTELLINGEN_LEZEN,
        "create": scopes.BESTELLINGEN_AANMAKEN,
        "partial_update": scopes.BESTELLINGEN_AANMAKEN,
    }
    default_sort = ("aangemaakt_op", "pk")
    etag_actions = ETAG_ACTIONS

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.model.objects.none()
        return selectors.deelnames(self.request.auth, self.vraagbundeling())

    def get_serializer_class(self):
        if self.action == "partial_update":
            return DeelnameWijzigingSerializer
        return DeelnameSerializer

    def retrieve(self, request, *args, **kwargs):
        return versioned_detail(self)

    def create(self, request, *args, **kwargs):
        return self.idempotent(request, lambda: self._create(request))

    def _create(self, request):
        vraagbundeling = self.vraagbundeling()
        serializer = DeelnameSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        deelname = services.create_deelname(
            acting=request.auth, vraagbundeling=vraagbundeling, **serializer.validated_data
        )
        return self.with_etag(self.represent(deelname), deelname, status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        deelname = self.get_object()
        versie = self.expected_version(deelname)
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        deelname = services.update_deelname(
            acting=request.auth, deelname=deelname, expected_version=versie, **serializer.validated_data
        )
        return self.with_etag(self.represent(deelname), deelname)


@extend_schema(tags=[TAG])
@extend_schema_view(
    list=extend_schema(
        summary="Statuswijzigingen van een deelname",
        description="De geschiedenis van de deelname: goedgekeurd, ingetrokken, afgehaakt, besteld.",
    ),
    retrieve=extend_schema(summary="Eén statuswijziging", description="Eén statuswijziging van de deelname."),
    create=extend_schema(
        summary="Deelname goedkeuren of intrekken",
        description="`goedgekeurd` door een budgethouder van de eigen organisatie (niet wie aanmeldde, "
        "binnen het mandaat); `ingetrokken` door de eigen organisatie of de broker. Alleen zolang de "
        "ronde open is; 409 als de overgang niet kan, 403 als zij niet aan u is.",
        request=DeelnameOvergangSerializer,
        responses={201: DeelnameStatuswijzigingSerializer},
        parameters=[IDEMPOTENCY_KEY],
        extensions={"x-extra-errors": ["409"]},
    ),
)
class DeelnameStatuswijzigingViewSet(UnderRound):
    model = DeelnameStatuswijziging
    representation = DeelnameStatuswijzigingSerializer
    scopes = {
        "list": scopes.BESTELLINGEN_LEZEN,
        "retrieve": scopes.BESTELLINGEN_LEZEN,
        "create": (scopes.BESTELLINGEN_AANMAKEN, scopes.BESTELLINGEN_BEOORDELEN),
    }
    default_sort = ("tijdstip", "pk")

    def deelname(self) -> Deelname:
        if not hasattr(self, "_deelname"):
            found = (
                selectors.deelnames(self.request.auth, self.vraagbundeling())
                .filter(uuid=self.kwargs["deelname_uuid"])
                .first()
            )
            if found is None:
                raise Http404
            self._deelname = found
        return self._deelname

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.model.objects.none()
        return self.model.objects.filter(deelname=self.deelname())

    def get_serializer_class(self):
        return DeelnameOvergangSerializer if self.action == "create" else self.representation

    def create(self, request, *args, **kwargs):
        return self.idempotent(request, lambda: self._create(request))

    def _create(self, request):
        deelname = self.deelname()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        wijziging = services.change_deelname_status(
            acting=request.auth,
            deelname=deelname,
            naar=serializer.validated_data["naar_status"],
            toelichting=serializer.validated_data.get("toelichting", ""),
        )
        return self.created(wijziging)
