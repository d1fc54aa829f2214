"""Joint purchase rounds in the Bestellingen API: ``/vraagbundelingen`` with their deelnames
and status changes underneath. Every write goes through ``vraagbundelingen.services``; the
viewsets translate HTTP (ETag, If-Match, Idempotency-Key, URLs) and write nothing themselves.
What a client may not see answers as unknown (404): ``vraagbundelingen.selectors``."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.http import Http404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.response import Response

from softwarebroker.api.bounds import INTEGER_MAX
from softwarebroker.api.headers import checked_header
from softwarebroker.api.idempotency import IdempotentCreateMixin
from softwarebroker.api.representation_engine import Context, plan_for
from softwarebroker.api.viewsets import RepresentationMixin
from softwarebroker.autorisaties import scopes
from softwarebroker.bestellingen.api.viewsets.bestelling import (
    ETAG_PATTERN,
    IDEMPOTENCY_KEY,
    IF_MATCH,
    MAX_IF_MATCH,
    etag,
)
from softwarebroker.core import errors

from .. import selectors, services
from ..models import Deelname, DeelnameStatuswijziging, Vraagbundeling, VraagbundelingStatuswijziging
from . import filters
from .serializers import (
    DeelnameSerializer,
    DeelnameStatuswijzigingSerializer,
    VraagbundelingSerializer,
    VraagbundelingStatuswijzigingSerializer,
)
from .wijzigingen import (
    DeelnameOvergangSerializer,
    DeelnameWijzigingSerializer,
    VraagbundelingOvergangSerializer,
    VraagbundelingWijzigingSerializer,
)

TAG = "vraagbundelingen"
ETAG_ACTIONS = frozenset({"retrieve", "create", "partial_update"})


class _Base(IdempotentCreateMixin, RepresentationMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    """What every resource here shares: represent one object, ETag and If-Match."""

    http_method_names = ["get", "post", "head"]
    model = None
    representation = None  # the resource serializer of responses
    noun = ""

    def get_serializer_class(self):
        return self.representation

    def represent(self, instance) -> dict:
        plan = plan_for(self.representation)
        return plan.represent(self.model.objects.filter(pk=instance.pk), Context(self.request))[0]

    def created(self, instance) -> Response:
        body = self.represent(instance)
        return Response(body, status=status.HTTP_201_CREATED, headers={"Location": body["url"]})

    def retrieve_with_etag(self, queryset):
        plan = self.representation_plan()
        queryset = queryset.filter(uuid=self.kwargs["uuid"]).order_by()
        rows = list(plan.values(queryset, _versie=F("versie"))[:1])
        if not rows:
            raise Http404
        body = plan.build(rows, Context(self.request, self.get_serializer_context()))[0]
        return Response(body, headers={"ETag": etag(self.kwargs["uuid"], rows[0]["_versie"])})

    def expected_version(self, instance) -> int | None:
        """The version ``If-Match`` names (``None``: no condition); the service compares it under
        its row lock. An ETag of another object never matches."""
        header = checked_header(self.request, "If-Match", max_length=MAX_IF_MATCH)
        if header is None or header.strip() == "*":
            return None
        match = ETAG_PATTERN.match(header.strip())
        if not match or match.group(1) != str(instance.uuid) or int(match.group(2)) > INTEGER_MAX:
            raise errors.VersionMismatch(
                f"De {self.noun} is gewijzigd sinds u haar las (If-Match klopt niet); lees haar opnieuw.",
                code="precondition_failed",
            )
        return int(match.group(2))

    def with_etag(self, body: dict, instance, code=status.HTTP_200_OK) -> Response:
        headers = {"ETag": etag(instance.uuid, instance.versie)}
        if code == status.HTTP_201_CREATED:
            headers["Location"] = body["url"]
        return Response(body, status=code, headers=headers)


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
class VraagbundelingViewSet(_Base):
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
        return self.retrieve_with_etag(self.get_queryset())

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


class _UnderRound(_Base):
    """A resource under ``/vraagbundelingen/{vraagbundeling_uuid}/``: visible when the round is."""

    def vraagbundeling(self) -> Vraagbundeling:
        if not hasattr(self, "_vraagbundeling"):
            found = (
                selectors.vraagbundelingen(self.request.auth)
                .select_related("aanbieding")
                .filter(uuid=self.kwargs["vraagbundeling_uuid"])
                .first()
            )
            if found is None:
                raise Http404
            self._vraagbundeling = found
        return self._vraagbundeling


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
class VraagbundelingStatuswijzigingViewSet(_UnderRound):
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
class DeelnameViewSet(_UnderRound):
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
        return self.retrieve_with_etag(self.get_queryset())

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
class DeelnameStatuswijzigingViewSet(_UnderRound):
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
