"""Resources under an order: ``/bestellingen/{bestelling_uuid}/<collection>``."""

from __future__ import annotations

from django.db import transaction
from django.http import Http404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from softwarebroker.api.idempotency import IdempotentCreateMixin
from softwarebroker.api.rows import Context, plan_for
from softwarebroker.api.viewsets import RepresentationMixin
from softwarebroker.autorisaties import scopes
from softwarebroker.bestellingen import selectors, services
from softwarebroker.bestellingen.constants import AnnuleringStatus
from softwarebroker.bestellingen.models import (
    Annuleringsverzoek,
    Beoordeling,
    Bericht,
    Bestelling,
    Levering,
    Statuswijziging,
)

from ..serializers import (
    AnnuleringsverzoekSerializer,
    BeoordelingSerializer,
    BerichtSerializer,
    LeveringGeheimSerializer,
    LeveringSerializer,
    StatuswijzigingSerializer,
)
from .bestelling import IDEMPOTENCY_KEY, OrderRepresentation


class OnderBestelling(
    OrderRepresentation,
    IdempotentCreateMixin,
    RepresentationMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Base of the resources under ``/bestellingen/{bestelling_uuid}/``: visible when the
    order is, created through a service function (``apply_change``)."""

    http_method_names = ["get", "post", "head"]
    model = None
    create_scope: str | tuple[str, ...] = ()
    default_sort = ("pk",)

    @property
    def scopes(self) -> dict:
        return {
            "list": scopes.BESTELLINGEN_LEZEN,
            "retrieve": scopes.BESTELLINGEN_LEZEN,
            "create": self.create_scope,
        }

    def bestelling(self) -> Bestelling:
        if not hasattr(self, "_bestelling"):
            found = (
                selectors.bestellingen(self.request.auth).filter(uuid=self.kwargs["bestelling_uuid"]).first()
            )
            if found is None:
                raise Http404
            self._bestelling = found
        return self._bestelling

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.model.objects.none()
        return self.model.objects.filter(bestelling=self.bestelling())

    def create(self, request, *args, **kwargs):
        return self.idempotent(request, lambda: self._aanmaken(request))

    def _aanmaken(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        instance = self.apply_change(self.bestelling(), dict(serializer.validated_data))
        data = self.represent(instance)
        return Response(data, status=status.HTTP_201_CREATED, headers={"Location": data["url"]})

    def represent(self, instance) -> dict:
        plan = plan_for(self.get_serializer_class())
        return plan.represent(self.model.objects.filter(pk=instance.pk), Context(self.request))[0]

    def apply_change(self, bestelling: Bestelling, data: dict):
        raise NotImplementedError


def _sub_docs(noun: str, plural: str, create: str, errors=("409",)):
    return extend_schema_view(
        list=extend_schema(
            summary=f"{plural.capitalize()} van een bestelling", description=f"Alle {plural}."
        ),
        retrieve=extend_schema(summary=f"Eén {noun}", description=f"Eén {noun} van de bestelling."),
        create=extend_schema(
            summary=f"{noun.capitalize()} toevoegen",
            description=create,
            parameters=[IDEMPOTENCY_KEY],
            extensions={"x-extra-errors": list(errors)},
        ),
    )


@_sub_docs(
    "statuswijziging",
    "statuswijzigingen",
    "Vraagt een statusovergang aan (zie de toestandsmachine in de API-gids): 409 als die vanuit de "
    "huidige status niet kan (met de mogelijke overgangen), 403 als zij niet aan u is. Bij indienen "
    "worden aanbiedingen van peers opnieuw gelezen: 502 als een peer niet bruikbaar antwoordt.",
    errors=("409", "502"),
)
@extend_schema(tags=["bestellingen"])
class StatuswijzigingViewSet(OnderBestelling):
    model = Statuswijziging
    serializer_class = StatuswijzigingSerializer
    create_scope = (scopes.BESTELLINGEN_AANMAKEN, scopes.BESTELLINGEN_VERWERKEN)

    def apply_change(self, bestelling, data):
        return services.change_status(
            acting=self.request.auth,
            bestelling=bestelling,
            naar=data["naar_status"],
            toelichting=data.get("toelichting", ""),
        )


@_sub_docs(
    "beoordeling",
    "beoordelingen",
    "Keurt een bestelling ter goedkeuring goed, wijst haar af of vraagt om aanvulling. Niet door de "
    "aanvrager zelf, en goedkeuren alleen binnen uw mandaat.",
)
@extend_schema(tags=["bestellingen"])
class BeoordelingViewSet(OnderBestelling):
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


@_sub_docs("bericht", "berichten", "Plaatst een bericht bij de bestelling.")
@extend_schema(tags=["bestellingen"])
class BerichtViewSet(OnderBestelling):
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


@_sub_docs(
    "levering",
    "leveringen",
    "Levert één regel (alleen in behandeling). Het geheim wordt versleuteld bewaard.",
)
@extend_schema(tags=["bestellingen"])
class LeveringViewSet(OnderBestelling):
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


@extend_schema_view(
    partial_update=extend_schema(
        summary="Besluiten over een annuleringsverzoek",
        description="De leverancier (of broker) zet de status op `uitgevoerd` (de bestelling wordt "
        "geannuleerd) of `afgewezen` (met toelichting; de bestelling gaat terug naar de vorige status).",
        extensions={"x-extra-errors": ["409"]},
    )
)
@_sub_docs(
    "annuleringsverzoek",
    "annuleringsverzoeken",
    "Vraagt annulering van een geaccepteerde of lopende bestelling aan; de leverancier besluit.",
)
@extend_schema(tags=["bestellingen"])
class AnnuleringsverzoekViewSet(mixins.UpdateModelMixin, OnderBestelling):
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
