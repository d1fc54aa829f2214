"""Joint purchase rounds in the Bestellingen API: ``/vraagbundelingen`` and their status changes (the
deelnames under a round are in :mod:`.deelnames`). Every write goes through ``vraagbundelingen.services``; the
viewsets translate HTTP (ETag, If-Match, Idempotency-Key, URLs) and write nothing themselves.
What a client may not see answers as unknown (404): ``vraagbundelingen.selectors``."""

from __future__ import annotations

from django.db import transaction
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status

from softwarebroker.api.versioned import versioned_detail
from softwarebroker.autorisaties import scopes
from softwarebroker.bestellingen.api.viewsets.bestelling import (
    IDEMPOTENCY_KEY,
    IF_MATCH,
)

from .. import selectors, services
from ..models import Vraagbundeling, VraagbundelingStatuswijziging
from . import filters
from .basis import ETAG_ACTIONS, TAG, RoundBase, UnderRound
from .serializers import (
    VraagbundelingSerializer,
    VraagbundelingStatuswijzigingSerializer,
)
from .wijzigingen import (
    VraagbundelingOvergangSerializer,
    VraagbundelingWijzigingSerializer,
)


@extend_schema(tags=[TAG])
@extend_schema_view(
    list=extend_schema(
        summary="Alle vraagbundelingen",
        description="De vraagbundelingen die u ziet: elke organisatie die mag deelnemen (onder een "
        "raamovereenkomst alleen haar deelnemers), de leverancier van de aanbieding en de broker. "
        "De totalen tonen nooit het aantal of maximum van één deelnemer.",
    ),
    retrieve=extend_schema(
        summary="Eén vraagbundeling",
        description="Eén vraagbundeling met haar totalen; de `ETag` dient voor `If-Match` bij wijzigen.",
    ),
    create=extend_schema(
        summary="Vraagbundeling openen",
        description="Opent een ronde (`open`) op een gepubliceerde aanbieding die op de sluitingsdatum "
        "geldt en een prijs per eenheid heeft, voor de eigen organisatie (de broker voor elke). Elk "
        "probleem staat met zijn pad in `invalidParams`.",
        request=VraagbundelingSerializer,
        responses={201: VraagbundelingSerializer},
        parameters=[IDEMPOTENCY_KEY],
        extensions={"x-extra-errors": ["409"]},
    ),
    partial_update=extend_schema(
        summary="Vraagbundeling wijzigen",
        description="Alleen `naam`, `toelichting`, `sluitingsdatum`, `minimumAantal` en "
        "`geschatteLooptijdMaanden`, alleen zolang de ronde open is, door de initiatiefnemer of de "
        "broker; elk ander veld geeft 400.",
        request=VraagbundelingWijzigingSerializer,
        responses={200: VraagbundelingSerializer},
        parameters=[IF_MATCH],
        extensions={"x-extra-errors": ["409", "412"]},
    ),
)
class VraagbundelingViewSet(RoundBase):
    model = Vraagbundeling
    representation = VraagbundelingSerializer
    noun = "vraagbundeling"
    filterset_class = filters.VraagbundelingFilter
    http_method_names = ["get", "post", "patch", "head"]
    scopes = {
        "list": scopes.BESTELLINGEN_LEZEN,
        "retrieve": scopes.BESTELLINGEN_LEZEN,
        "create": scopes.BESTELLINGEN_AANMAKEN,
        "partial_update": scopes.BESTELLINGEN_AANMAKEN,
    }
    sort_fields = {"aangemaaktOp": "aangemaakt_op", "sluitingsdatum": "sluitingsdatum", "status": "status"}
    default_sort = ("-aangemaakt_op", "-pk")
    etag_actions = ETAG_ACTIONS

    @classmethod
    def visible_objects(cls, acting):
        return selectors.vraagbundelingen(acting)

    @classmethod
    def tenant_of(cls, instance) -> dict:
        return {"organisatie": instance.initiatiefnemer, "leverancier": instance.aanbieding.leverancier}

    def get_queryset(self):
        return self.visible_objects(self.request.auth)

    def get_serializer_class(self):
        if self.action == "partial_update":
            return VraagbundelingWijzigingSerializer
        return VraagbundelingSerializer

    def retrieve(self, request, *args, **kwargs):
        return versioned_detail(self)

    def create(self, request, *args, **kwargs):
        return self.idempotent(request, lambda: self._create(request))

    @transaction.atomic
    def _create(self, request):
        serializer = VraagbundelingSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        vraagbundeling = services.open_vraagbundeling(acting=request.auth, **serializer.validated_data)
        return self.with_etag(self.represent(vraagbundeling), vraagbundeling, status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        vraagbundeling = self.get_object()
        versie = self.expected_version(vraagbundeling)
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        vraagbundeling = services.update_vraagbundeling(
            acting=request.auth,
            vraagbundeling=vraagbundeling,
            expected_version=versie,
            **serializer.validated_data,
        )
        return self.with_etag(self.represent(vraagbundeling), vraagbundeling)


@extend_schema(tags=[TAG])
@extend_schema_view(
    list=extend_schema(
        summary="Statuswijzigingen van een vraagbundeling",
        description="De geschiedenis van de ronde: geopend, gesloten, gegund, geannuleerd.",
    ),
    retrieve=extend_schema(summary="Eén statuswijziging", description="Eén statuswijziging van de ronde."),
    create=extend_schema(
        summary="Vraagbundeling sluiten, gunnen of annuleren",
        description="`gesloten` (nu sluiten) en `geannuleerd` door de initiatiefnemer of de broker; "
        "`gegund` door de leverancier van de aanbieding of de broker (zie de regels in de API-gids). "
        "409 als de overgang vanuit de huidige status niet kan, 403 als zij niet aan u is.",
        request=VraagbundelingOvergangSerializer,
        responses={201: VraagbundelingStatuswijzigingSerializer},
        parameters=[IDEMPOTENCY_KEY],
        extensions={"x-extra-errors": ["409"]},
    ),
)
class VraagbundelingStatuswijzigingViewSet(UnderRound):
    model = VraagbundelingStatuswijziging
    representation = VraagbundelingStatuswijzigingSerializer
    scopes = {
        "list": scopes.BESTELLINGEN_LEZEN,
        "retrieve": scopes.BESTELLINGEN_LEZEN,
        "create": (scopes.BESTELLINGEN_AANMAKEN, scopes.BESTELLINGEN_VERWERKEN),
    }
    default_sort = ("tijdstip", "pk")

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.model.objects.none()
        return self.model.objects.filter(vraagbundeling=self.vraagbundeling())

    def get_serializer_class(self):
        return VraagbundelingOvergangSerializer if self.action == "create" else self.representation

    def create(self, request, *args, **kwargs):
        return self.idempotent(request, lambda: self._create(request))

    def _create(self, request):
        vraagbundeling = self.vraagbundeling()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        wijziging = services.change_vraagbundeling_status(
            acting=request.auth,
            vraagbundeling=vraagbundeling,
            naar=serializer.validated_data["naar_status"],
            toelichting=serializer.validated_data.get("toelichting", ""),
        )
        return self.created(wijziging)
