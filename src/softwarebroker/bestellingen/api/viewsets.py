"""Orders and what hangs under them. Every write goes through ``bestellingen.services``;
the viewsets translate HTTP (ETag, If-Match, Idempotency-Key, URLs) and write nothing
themselves."""

from __future__ import annotations

import re

from django.db import transaction
from django.db.models import F
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from softwarebroker.api.definitions import BESTELLINGEN
from softwarebroker.api.exceptions import APIProblem
from softwarebroker.api.idempotency import IdempotentCreateMixin
from softwarebroker.api.rows import Context, plan_for
from softwarebroker.api.viewsets import RepresentationMixin, ResourceViewSet
from softwarebroker.audit import services as audit
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

from . import filters
from .serializers import (
    AnnuleringsverzoekSerializer,
    BeoordelingSerializer,
    BerichtSerializer,
    BestellingSerializer,
    LeveringGeheimSerializer,
    LeveringSerializer,
    LicentieSerializer,
    StatuswijzigingSerializer,
)

IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=False,
    description="De ETag van de bestelling zoals gelezen; 412 als zij intussen is gewijzigd.",
)
IDEMPOTENCY_KEY = OpenApiParameter(
    "Idempotency-Key",
    {"type": "string", "minLength": 1, "maxLength": 255},
    OpenApiParameter.HEADER,
    required=False,
    description="Unieke sleutel per aanvraag: een herhaling met dezelfde sleutel en inhoud geeft het "
    "oorspronkelijke antwoord en maakt niets opnieuw aan (48 uur bewaard).",
)
ETAG_PATTERN = re.compile(r'^(?:W/)?"([0-9a-f-]{36})-(\d+)"$')


def etag(uuid, versie: int) -> str:
    return f'"{uuid}-{versie}"'


class OrderAudit:
    """Audit entries and representations of an order for the services (``Wijziger``)."""

    def bestelling_representatie(self, bestelling: Bestelling) -> dict:
        plan = plan_for(BestellingSerializer)
        rows = plan.represent(Bestelling.objects.filter(pk=bestelling.pk), Context(self.request))
        return rows[0] if rows else None

    def wijziger(self) -> services.Wijziger:
        return services.Wijziger(
            acting=self.request.auth,
            vastleggen=self._vastleggen,
            momentopname=self.bestelling_representatie,
            headers=self.request.headers,
        )

    def _vastleggen(self, actie: str, bestelling: Bestelling, instance, oud: dict | None) -> None:
        nieuw = None if actie == "destroy" else self.bestelling_representatie(bestelling)
        hoofd = (nieuw or oud)["url"]
        resource_url = (
            hoofd
            if instance is bestelling
            else f"{hoofd}/{instance._meta.verbose_name_plural}/{instance.uuid}"
        )
        audit.record(
            bron=BESTELLINGEN.slug,
            acting=self.request.auth,
            headers=self.request.headers,
            actie=actie,
            resultaat={"create": 201, "destroy": 204}.get(actie, 200),
            hoofd_object=hoofd,
            hoofd_object_uuid=bestelling.uuid,
            resource=instance._meta.model_name,
            resource_url=resource_url,
            resource_weergave=str(instance),
            oud=oud,
            nieuw=nieuw,
            organisatie_id=bestelling.besteller_id,
            leverancier_id=bestelling.leverancier_id,
        )


def _regels(validated: list[dict] | None) -> list[dict] | None:
    if validated is None:
        return None
    return [
        {
            "aanbieding": regel["aanbieding"],
            "aantal": regel.get("aantal"),
            "actie": regel.get("actie", "nieuw"),
            "licentie": regel.get("licentie"),
            "bestelparameters": regel.get("bestelparameters") or {},
        }
        for regel in validated
    ]


class BestellingAanmaken:
    """Creating an order: through the service (which writes the audit entry)."""

    def _aanmaken(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        bestelling = services.create_bestelling(
            self.wijziger(), besteller=data.pop("besteller"), regels=_regels(data.pop("regels")), **data
        )
        body = self.bestelling_representatie(bestelling)
        response = Response(body, status=status.HTTP_201_CREATED, headers={"Location": body["url"]})
        response["ETag"] = etag(bestelling.uuid, bestelling.versie)
        return response


@extend_schema(tags=["bestellingen"])
@extend_schema_view(
    list=extend_schema(
        summary="Alle bestellingen",
        description="De eigen bestellingen; voor een leverancier de bestellingen aan haar "
        "(vanaf goedkeuring).",
    ),
    retrieve=extend_schema(
        summary="Eén bestelling",
        description="Eén bestelling met haar regels; de `ETag` dient voor `If-Match` bij wijzigen.",
    ),
    create=extend_schema(
        summary="Bestelling aanmaken (concept)",
        description="Maakt een concept aan voor de eigen organisatie; prijzen zijn een raming tot indienen.",
        parameters=[IDEMPOTENCY_KEY],
        extensions={"x-extra-errors": ["409"]},
    ),
    update=extend_schema(
        summary="Concept volledig wijzigen",
        description="Alleen in concept; vervangt ook alle regels.",
        parameters=[IF_MATCH],
        extensions={"x-extra-errors": ["409", "412"]},
    ),
    partial_update=extend_schema(
        summary="Concept gedeeltelijk wijzigen",
        description="Alleen in concept; `regels` vervangt alle regels.",
        parameters=[IF_MATCH],
        extensions={"x-extra-errors": ["409", "412"]},
    ),
    destroy=extend_schema(
        summary="Concept verwijderen",
        description="Alleen een concept; een ingediende bestelling wordt ingetrokken (statuswijziging).",
        parameters=[IF_MATCH],
        extensions={"x-extra-errors": ["409", "412"]},
    ),
)
class BestellingViewSet(OrderAudit, IdempotentCreateMixin, BestellingAanmaken, ResourceViewSet):
    serializer_class = BestellingSerializer
    filterset_class = filters.BestellingFilter
    read_scope = scopes.BESTELLINGEN_LEZEN
    write_scope = scopes.BESTELLINGEN_AANMAKEN
    sort_fields = {"aangemaaktOp": "aangemaakt_op", "nummer": "nummer", "status": "status"}
    default_sort = ("-aangemaakt_op", "-pk")

    @classmethod
    def visible_objects(cls, acting):
        return selectors.bestellingen(acting)

    @classmethod
    def tenant_of(cls, instance) -> dict:
        return {"organisatie": instance.besteller, "leverancier": instance.leverancier}

    def retrieve(self, request, *args, **kwargs):
        # The version for the ETag comes with the row itself.
        plan = self.representation_plan()
        queryset = self.get_queryset().filter(uuid=self.kwargs["uuid"]).order_by()
        rows = list(plan.values(queryset, _versie=F("versie"))[:1])
        if not rows:
            raise Http404
        body = plan.build(rows, Context(request, self.get_serializer_context()))[0]
        return Response(body, headers={"ETag": etag(self.kwargs["uuid"], rows[0]["_versie"])})

    def create(self, request, *args, **kwargs):
        return self.idempotent(request, lambda: self._aanmaken(request))

    def _verwachte_versie(self, bestelling: Bestelling) -> None:
        header = self.request.headers.get("If-Match")
        if header is None or header.strip() == "*":
            return
        match = ETAG_PATTERN.match(header.strip())
        if not match or match.group(1) != str(bestelling.uuid) or int(match.group(2)) != bestelling.versie:
            raise APIProblem(
                status=412,
                code="precondition_failed",
                detail="De bestelling is gewijzigd sinds u haar las (If-Match klopt niet); "
                "lees haar opnieuw.",
            )

    def _with_etag(self, response: Response, bestelling: Bestelling) -> Response:
        response["ETag"] = etag(bestelling.uuid, bestelling.versie)
        return response

    @transaction.atomic
    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        bestelling = Bestelling.objects.select_for_update(of=("self",)).get(pk=self.get_object().pk)
        self._verwachte_versie(bestelling)
        serializer = self.get_serializer(bestelling, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        data.pop("besteller", None)
        bestelling = services.update_bestelling(
            self.wijziger(), bestelling, regels=_regels(data.pop("regels", None)), **data
        )
        return self._with_etag(Response(self.bestelling_representatie(bestelling)), bestelling)

    @transaction.atomic
    def destroy(self, request, *args, **kwargs):
        bestelling = Bestelling.objects.select_for_update(of=("self",)).get(pk=self.get_object().pk)
        self._verwachte_versie(bestelling)
        services.delete_bestelling(self.wijziger(), bestelling)
        return Response(status=status.HTTP_204_NO_CONTENT)


class OnderBestelling(
    OrderAudit,
    IdempotentCreateMixin,
    RepresentationMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Base of the resources under ``/bestellingen/{bestelling_uuid}/``: visible when the
    order is, created through a service function (``uitvoeren``)."""

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
        instance = self.uitvoeren(self.bestelling(), dict(serializer.validated_data))
        data = self.represent(instance)
        return Response(data, status=status.HTTP_201_CREATED, headers={"Location": data["url"]})

    def represent(self, instance) -> dict:
        plan = plan_for(self.get_serializer_class())
        return plan.represent(self.model.objects.filter(pk=instance.pk), Context(self.request))[0]

    def uitvoeren(self, bestelling: Bestelling, data: dict):
        raise NotImplementedError


def _sub_docs(noun: str, plural: str, create: str):
    return extend_schema_view(
        list=extend_schema(
            summary=f"{plural.capitalize()} van een bestelling", description=f"Alle {plural}."
        ),
        retrieve=extend_schema(summary=f"Eén {noun}", description=f"Eén {noun} van de bestelling."),
        create=extend_schema(
            summary=f"{noun.capitalize()} toevoegen",
            description=create,
            parameters=[IDEMPOTENCY_KEY],
            extensions={"x-extra-errors": ["409"]},
        ),
    )


@_sub_docs(
    "statuswijziging",
    "statuswijzigingen",
    "Vraagt een statusovergang aan (zie de toestandsmachine in de API-gids): 409 als die vanuit de "
    "huidige status niet kan (met de mogelijke overgangen), 403 als zij niet aan u is.",
)
@extend_schema(tags=["bestellingen"])
class StatuswijzigingViewSet(OnderBestelling):
    model = Statuswijziging
    serializer_class = StatuswijzigingSerializer
    create_scope = (scopes.BESTELLINGEN_AANMAKEN, scopes.BESTELLINGEN_VERWERKEN)

    def uitvoeren(self, bestelling, data):
        return services.wijzig_status(
            self.wijziger(), bestelling, naar=data["naar_status"], toelichting=data.get("toelichting", "")
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

    def uitvoeren(self, bestelling, data):
        return services.beoordelen(
            self.wijziger(), bestelling, besluit=data["besluit"], toelichting=data.get("toelichting", "")
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

    def uitvoeren(self, bestelling, data):
        return services.plaats_bericht(
            self.wijziger(),
            bestelling,
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

    def uitvoeren(self, bestelling, data):
        volgnummer = data["regel"]["volgnummer"]
        regel = bestelling.regels.filter(volgnummer=volgnummer).first()
        if regel is None:
            raise exceptions.ValidationError({"regel": [f"De bestelling heeft geen regel {volgnummer}."]})
        return services.leveren(
            self.wijziger(),
            bestelling,
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
        levering = self.get_object()
        bestelling = self.bestelling()
        acting = request.auth
        if not (acting.organisatie is not None and acting.organisatie.pk == bestelling.besteller_id):
            raise exceptions.PermissionDenied(
                detail="Alleen de bestellende organisatie leest het geheim van een levering.",
                code="autorisatie",
            )
        representatie = self.bestelling_representatie(bestelling)
        audit.record(
            bron=BESTELLINGEN.slug,
            acting=acting,
            headers=request.headers,
            actie="retrieve",
            resultaat=200,
            hoofd_object=representatie["url"],
            hoofd_object_uuid=bestelling.uuid,
            resource="levering.geheim",
            resource_url=f"{representatie['url']}/leveringen/{levering.uuid}/geheim",
            resource_weergave=f"Geheim van levering {levering.uuid} gelezen",
            oud=None,
            nieuw=None,
            organisatie_id=bestelling.besteller_id,
            leverancier_id=bestelling.leverancier_id,
        )
        return Response({"geheim": levering.geheim})


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

    def uitvoeren(self, bestelling, data):
        return services.vraag_annulering_aan(self.wijziger(), bestelling, reden=data.get("reden", ""))

    def partial_update(self, request, *args, **kwargs):
        verzoek = self.get_object()
        serializer = self.get_serializer(verzoek, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        besluit = serializer.validated_data.get("status")
        if besluit not in (AnnuleringStatus.UITGEVOERD, AnnuleringStatus.AFGEWEZEN):
            raise exceptions.ValidationError({"status": ["Kies 'uitgevoerd' of 'afgewezen'."]})
        verzoek = services.besluit_annulering(
            self.wijziger(),
            verzoek,
            status=besluit,
            toelichting=serializer.validated_data.get("toelichting", ""),
        )
        return Response(self.represent(verzoek))


@extend_schema_view(
    list=extend_schema(summary="Alle licenties", description="De licenties van de eigen organisatie."),
    retrieve=extend_schema(summary="Eén licentie", description="Eén licentie."),
)
@extend_schema(tags=["licenties"])
class LicentieViewSet(
    RepresentationMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    serializer_class = LicentieSerializer
    filterset_class = filters.LicentieFilter
    http_method_names = ["get", "head"]
    scopes = {"list": scopes.LICENTIES_LEZEN, "retrieve": scopes.LICENTIES_LEZEN}
    sort_fields = {"ingangsdatum": "ingangsdatum", "einddatum": "einddatum"}
    default_sort = ("-ingangsdatum", "pk")

    def get_queryset(self):
        return selectors.licenties(self.request.auth)


__all__ = [
    "AnnuleringsverzoekViewSet",
    "BeoordelingViewSet",
    "BerichtViewSet",
    "BestellingViewSet",
    "LeveringViewSet",
    "LicentieViewSet",
    "StatuswijzigingViewSet",
]
