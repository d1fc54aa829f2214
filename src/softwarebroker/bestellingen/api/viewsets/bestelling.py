"""Orders and what hangs under them. Every write goes through ``bestellingen.services``;
the viewsets translate HTTP (ETag, If-Match, Idempotency-Key, URLs) and write nothing
themselves."""

from __future__ import annotations

from django.db import transaction
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.response import Response

from softwarebroker.api.bounds import INTEGER_MAX
from softwarebroker.api.headers import checked_header
from softwarebroker.api.idempotency import KEY_PATTERN, MAX_KEY_LENGTH, IdempotentCreateMixin
from softwarebroker.api.representation_engine import Context, plan_for
from softwarebroker.api.versioned import ETAG_PATTERN, MAX_IF_MATCH, etag, versioned_detail
from softwarebroker.api.viewsets import ResourceViewSet
from softwarebroker.autorisaties import scopes
from softwarebroker.bestellingen import selectors, services
from softwarebroker.bestellingen.models import (
    Bestelling,
)

from .. import filters
from ..examples import BESTELLING_AANMAKEN_EXAMPLE
from ..serializers import (
    BestellingSerializer,
)

IF_MATCH = OpenApiParameter(
    "If-Match",
    {"type": "string", "maxLength": MAX_IF_MATCH},
    OpenApiParameter.HEADER,
    required=False,
    description="De ETag van de bestelling zoals gelezen; 412 als zij intussen is gewijzigd.",
)
IDEMPOTENCY_KEY = OpenApiParameter(
    "Idempotency-Key",
    {"type": "string", "minLength": 1, "maxLength": MAX_KEY_LENGTH, "pattern": KEY_PATTERN},
    OpenApiParameter.HEADER,
    required=False,
    description="Unieke sleutel per aanvraag: een herhaling met dezelfde sleutel en inhoud geeft het "
    "oorspronkelijke antwoord en maakt niets opnieuw aan (48 uur bewaard).",
)


class OrderRepresentation:
    """The order as the API shows it in full, for write responses."""

    def represent_bestelling(self, bestelling: Bestelling) -> dict:
        rows = plan_for(BestellingSerializer).represent_keys([bestelling.pk], Context(self.request))
        return rows[0] if rows else None


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
        examples=[BESTELLING_AANMAKEN_EXAMPLE],
        extensions={"x-extra-errors": ["409", "502"]},
    ),
    update=extend_schema(
        summary="Concept volledig wijzigen",
        description="Alleen in concept; vervangt ook alle regels.",
        parameters=[IF_MATCH],
        extensions={"x-extra-errors": ["409", "412", "502"]},
    ),
    partial_update=extend_schema(
        summary="Concept gedeeltelijk wijzigen",
        description="Alleen in concept; `regels` vervangt alle regels.",
        parameters=[IF_MATCH],
        extensions={"x-extra-errors": ["409", "412", "502"]},
    ),
    destroy=extend_schema(
        summary="Concept verwijderen",
        description="Alleen een concept; een ingediende bestelling wordt ingetrokken (statuswijziging).",
        parameters=[IF_MATCH],
        extensions={"x-extra-errors": ["409", "412"]},
    ),
)
class BestellingViewSet(OrderRepresentation, IdempotentCreateMixin, ResourceViewSet):
    serializer_class = BestellingSerializer
    filterset_class = filters.BestellingFilter
    read_scope = scopes.BESTELLINGEN_LEZEN
    write_scope = scopes.BESTELLINGEN_AANMAKEN
    sort_fields = {"aangemaaktOp": "aangemaakt_op", "nummer": "nummer", "status": "status"}
    default_sort = ("-aangemaakt_op", "-pk")
    etag_actions = frozenset({"retrieve", "create", "update", "partial_update"})

    @classmethod
    def visible_objects(cls, acting):
        return selectors.bestellingen(acting)

    @classmethod
    def tenant_of(cls, instance) -> dict:
        return {"organisatie": instance.besteller, "leverancier": instance.leverancier}

    def retrieve(self, request, *args, **kwargs):
        return versioned_detail(self)

    def create(self, request, *args, **kwargs):
        return self.idempotent(request, lambda: self._create(request))

    def _create(self, request):
        # Through the service, which writes the audit entry.
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        bestelling = services.create_bestelling(
            acting=self.request.auth,
            besteller=data.pop("besteller"),
            regels=_regels(data.pop("regels")),
            **data,
        )
        body = self.represent_bestelling(bestelling)
        response = Response(body, status=status.HTTP_201_CREATED, headers={"Location": body["url"]})
        response["ETag"] = etag(bestelling.uuid, bestelling.versie)
        return response

    def _expected_version(self, bestelling: Bestelling) -> int | None:
        """The version ``If-Match`` names (``None``: no condition); the service compares it
        under its row lock. An ETag of another order can never match."""
        header = checked_header(self.request, "If-Match", max_length=MAX_IF_MATCH)
        if header is None or header.strip() == "*":
            return None
        match = ETAG_PATTERN.match(header.strip())
        if not match or match.group(1) != str(bestelling.uuid) or int(match.group(2)) > INTEGER_MAX:
            raise services.version_mismatch()
        return int(match.group(2))

    def _with_etag(self, response: Response, bestelling: Bestelling) -> Response:
        response["ETag"] = etag(bestelling.uuid, bestelling.versie)
        return response

    @transaction.atomic
    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        bestelling = self.get_object()
        versie = self._expected_version(bestelling)
        serializer = self.get_serializer(bestelling, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        data.pop("besteller", None)
        bestelling = services.update_bestelling(
            acting=self.request.auth,
            bestelling=bestelling,
            regels=_regels(data.pop("regels", None)),
            expected_version=versie,
            **data,
        )
        return self._with_etag(Response(self.represent_bestelling(bestelling)), bestelling)

    @transaction.atomic
    def destroy(self, request, *args, **kwargs):
        bestelling = self.get_object()
        services.delete_bestelling(
            acting=self.request.auth,
            bestelling=bestelling,
            expected_version=self._expected_version(bestelling),
        )
        return Response(status=status.HTTP_204_NO_CONTENT)
