"""Licences: read by the organisation that holds them; registered (bought elsewhere), changed
and cancelled by its afnemer or the broker. Every write goes through ``bestellingen.services``."""

from __future__ import annotations

from django.db import transaction
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from softwarebroker.api.idempotency import IdempotentCreateMixin
from softwarebroker.api.representation_engine import Context, plan_for
from softwarebroker.api.viewsets import RepresentationMixin
from softwarebroker.autorisaties import scopes
from softwarebroker.bestellingen import selectors, services
from softwarebroker.bestellingen.models import Licentie

from .. import filters
from ..serializers import (
    LicentieSerializer,
    LicentieWijzigingSerializer,
    OpzeggingSerializer,
)
from .bestelling import IDEMPOTENCY_KEY


@extend_schema_view(
    list=extend_schema(
        summary="Alle licenties",
        description="De licenties van de eigen organisatie: via de broker en extern geregistreerd.",
    ),
    retrieve=extend_schema(summary="Eén licentie", description="Eén licentie."),
    create=extend_schema(
        summary="Externe licentie registreren",
        description="Registreert een contract dat buiten de broker is gekocht (`bron` `extern`), "
        "voor de eigen organisatie: leverancier en softwarepakket als URL of als naam, bedragen en "
        "data. Status `actief`, of `verlopen` als de einddatum al voorbij is. Elk probleem staat "
        "met zijn pad in `invalidParams`.",
        parameters=[IDEMPOTENCY_KEY],
        extensions={"x-extra-errors": ["409"]},
    ),
    partial_update=extend_schema(
        summary="Licentie wijzigen",
        description="Alleen `automatischVerlengen`, `contractnummer` en `kostenplaats` van een "
        "actieve licentie; elk ander veld geeft 400.",
        request=LicentieWijzigingSerializer,
        responses={200: LicentieSerializer},
        extensions={"x-extra-errors": ["409"]},
    ),
)
@extend_schema(tags=["licenties"])
class LicentieViewSet(
    IdempotentCreateMixin,
    RepresentationMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = LicentieSerializer
    filterset_class = filters.LicentieFilter
    http_method_names = ["get", "post", "patch", "head"]
    scopes = {
        "list": scopes.LICENTIES_LEZEN,
        "retrieve": scopes.LICENTIES_LEZEN,
        "create": scopes.LICENTIES_BEHEREN,
        "partial_update": scopes.LICENTIES_BEHEREN,
        "opzeggen": scopes.LICENTIES_BEHEREN,
    }
    sort_fields = {"ingangsdatum": "ingangsdatum", "einddatum": "einddatum", "opzegdatum": "opzegdatum"}
    default_sort = ("-ingangsdatum", "pk")

    def get_queryset(self):
        return selectors.licenties(self.request.auth)

    def get_serializer_class(self):
        if self.action == "partial_update":
            return LicentieWijzigingSerializer
        if self.action == "opzeggen":
            return OpzeggingSerializer
        return LicentieSerializer

    def represent(self, licentie: Licentie) -> dict:
        plan = plan_for(LicentieSerializer)
        return plan.represent(Licentie.objects.filter(pk=licentie.pk), Context(self.request))[0]

    def create(self, request, *args, **kwargs):
        return self.idempotent(request, lambda: self._create(request))

    @transaction.atomic
    def _create(self, request):
        serializer = LicentieSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        # Through the service, which writes the audit entry and the notification.
        licentie = services.register_licentie(acting=request.auth, **serializer.validated_data)
        body = self.represent(licentie)
        return Response(body, status=status.HTTP_201_CREATED, headers={"Location": body["url"]})

    def partial_update(self, request, *args, **kwargs):
        licentie = self.get_object()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        licentie = services.update_licentie(
            acting=request.auth, licentie=licentie, **serializer.validated_data
        )
        return Response(self.represent(licentie))

    @extend_schema(
        summary="Licentie opzeggen",
        description="Zegt een actieve licentie op, uiterlijk op haar `opzegdatum`: de status wordt "
        "`opgezegd` en de licentie eindigt op haar einddatum (zonder einddatum: na de opzegtermijn). "
        "Na de opzegdatum, of een tweede keer, volgt 409 met de eerstvolgende mogelijke einddatum. "
        "De `toelichting` komt in de audittrail.",
        operation_id="licenties_opzeggen",
        request=OpzeggingSerializer,
        responses={200: LicentieSerializer},
        extensions={"x-extra-errors": ["409"]},
    )
    @action(detail=True, methods=["post"], url_path="opzeggen")
    def opzeggen(self, request, *args, **kwargs):
        licentie = self.get_object()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        licentie = services.opzeggen_licentie(
            acting=request.auth,
            licentie=licentie,
            toelichting=serializer.validated_data.get("toelichting", ""),
        )
        return Response(self.represent(licentie))
