"""Declarations: made and submitted by their supplier, reviewed by the broker; the evidence a
URL or an uploaded PDF, streamed from private media and every download audited."""

from __future__ import annotations

from django.db import transaction
from django.http import FileResponse, Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, renderers, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ErrorDetail, ValidationError
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from softwarebroker.api.parsers import JSONParser, PDFParser
from softwarebroker.api.representation_engine import Context, plan_for
from softwarebroker.api.viewsets import RepresentationMixin
from softwarebroker.autorisaties import scopes
from softwarebroker.catalogus.api import filters
from softwarebroker.catalogus.api.examples import VERKLARING_AANMAKEN_EXAMPLE, VERKLARING_EXAMPLE
from softwarebroker.catalogus.api.serializers import VerklaringOvergangSerializer, VerklaringSerializer
from softwarebroker.catalogus.constants import VerklaringStatus
from softwarebroker.catalogus.models import Verklaring
from softwarebroker.catalogus.verklaringen import selectors, services

PDF = "application/pdf"


class PDFRenderer(renderers.BaseRenderer):
    """``application/pdf``: the document is streamed (a ``FileResponse``); this renderer only
    lets a client ask for it."""

    media_type = PDF
    format = "pdf"
    charset = None
    render_style = "binary"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data if isinstance(data, bytes) else b""


class DocumentUploadSerializer(serializers.Serializer):
    """Het document als deel `document` van een `multipart/form-data`-aanvraag."""

    document = serializers.FileField(help_text="Het document: een PDF.")


CONTENT_DISPOSITION = OpenApiParameter(
    "Content-Disposition",
    OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    response=[200],
    description="`attachment` met de bestandsnaam: een browser slaat het document op.",
)


@extend_schema_view(
    list=extend_schema(
        summary="Alle verklaringen",
        description="Goedgekeurde (en verlopen) verklaringen voor iedereen die de catalogus leest; een "
        "leverancier ziet daarnaast haar eigen in elke status, de broker alle.",
    ),
    retrieve=extend_schema(
        summary="Eén verklaring", description="Eén verklaring, met `fields`.", examples=[VERKLARING_EXAMPLE]
    ),
    create=extend_schema(
        summary="Verklaring aanmaken",
        description="Een leverancier maakt een verklaring (`concept`) over zichzelf, een eigen "
        "softwarepakket(versie) of een eigen aanbieding; de broker over elk onderwerp. Een onderwerp "
        "dat u niet mag zien is onbekend (400 op `onderwerp`).",
        examples=[VERKLARING_AANMAKEN_EXAMPLE, VERKLARING_EXAMPLE],
    ),
    partial_update=extend_schema(
        summary="Verklaring gedeeltelijk wijzigen",
        description="Alleen een verklaring in `concept` of `afgewezen` (die wordt weer `concept`); "
        "anders 409. Het onderwerp wijzigt niet.",
        extensions={"x-extra-errors": ["409"]},
    ),
)
@extend_schema(tags=["verklaringen"])
class VerklaringViewSet(
    RepresentationMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = VerklaringSerializer
    filterset_class = filters.VerklaringFilter
    http_method_names = ["get", "post", "put", "patch", "head"]
    sort_fields = {
        "geldigVanaf": "geldig_vanaf",
        "geldigTot": "geldig_tot",
        "type": "type",
        "status": "status",
    }
    default_sort = ("-aangemaakt_op", "-pk")
    scopes = {
        "list": scopes.CATALOGUS_LEZEN,
        "retrieve": scopes.CATALOGUS_LEZEN,
        "create": (scopes.CATALOGUS_AANBIEDEN, scopes.CATALOGUS_BEHEREN),
        "partial_update": (scopes.CATALOGUS_AANBIEDEN, scopes.CATALOGUS_BEHEREN),
        "statuswijzigingen": (scopes.CATALOGUS_AANBIEDEN, scopes.CATALOGUS_BEHEREN),
        "document": scopes.CATALOGUS_LEZEN,
        "upload_document": (scopes.CATALOGUS_AANBIEDEN, scopes.CATALOGUS_BEHEREN),
    }

    @classmethod
    def visible_objects(cls, acting):
        return selectors.verklaringen(acting)

    @classmethod
    def tenant_of(cls, instance) -> dict:
        return {"leverancier": instance.eigenaar}

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Verklaring.objects.none()
        return self.visible_objects(self.request.auth)

    def get_serializer_class(self):
        if self.action == "statuswijzigingen":
            return VerklaringOvergangSerializer
        return VerklaringSerializer

    def _action(self) -> str | None:
        # The parsers are chosen before REST framework sets ``action``: from the request's method.
        request = getattr(self, "request", None)
        mapping = getattr(self, "action_map", None) or {}
        return mapping.get(request.method.lower()) if request is not None else None

    def get_parsers(self):
        if self._action() == "upload_document":
            return [PDFParser(), MultiPartParser()]
        return [JSONParser()]

    def get_renderers(self):
        if getattr(self, "action", None) == "document":
            return [PDFRenderer()]
        return super().get_renderers()

    def represent(self, verklaring: Verklaring) -> dict:
        plan = plan_for(VerklaringSerializer)
        return plan.represent(Verklaring.objects.filter(pk=verklaring.pk), Context(self.request))[0]

    # --- writes: the serializer validates, the service changes ------------------------------

    @transaction.atomic
    def create(self, request, *args, **kwargs):
        serializer = VerklaringSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        verklaring = services.create_verklaring(acting=request.auth, **serializer.validated_data)
        body = self.represent(verklaring)
        return Response(body, status=status.HTTP_201_CREATED, headers={"Location": body["url"]})

    @transaction.atomic
    def partial_update(self, request, *args, **kwargs):
        verklaring = self.get_object()
        serializer = VerklaringSerializer(
            verklaring, data=request.data, partial=True, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        verklaring = services.update_verklaring(
            acting=request.auth, verklaring=verklaring, partial=True, **serializer.changes()
        )
        return Response(self.represent(verklaring))

    @extend_schema(
        summary="Verklaring indienen of beoordelen",
        description="`ter_beoordeling`: de eigen leverancier (of de broker) dient een verklaring in "
        "`concept` of `afgewezen` in; zij heeft dan een bewijs-URL of een document. `goedgekeurd` of "
        "`afgewezen` (met `toelichting`): alleen de broker beoordeelt een verklaring ter beoordeling, "
        "nooit een van de eigen leverancier (403). Een overgang die vanuit de huidige status niet kan "
        "geeft 409. Het antwoord is de verklaring na de overgang; de geschiedenis staat in de "
        "audittrail.",
        operation_id="verklaringen_statuswijzigingen",
        request=VerklaringOvergangSerializer,
        responses={200: VerklaringSerializer},
        extensions={"x-extra-errors": ["409"]},
    )
    @action(detail=True, methods=["post"], url_path="statuswijzigingen")
    @transaction.atomic
    def statuswijzigingen(self, request, *args, **kwargs):
        verklaring = self.get_object()
        serializer = VerklaringOvergangSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        naar = serializer.validated_data["naar_status"]
        toelichting = serializer.validated_data.get("toelichting", "")
        if naar == VerklaringStatus.TER_BEOORDELING:
            verklaring = services.submit_verklaring(acting=request.auth, verklaring=verklaring)
        else:
            verklaring = services.review_verklaring(
                acting=request.auth, verklaring=verklaring, besluit=naar, toelichting=toelichting
            )
        return Response(self.represent(verklaring))

    @extend_schema(
        summary="Het document van een verklaring",
        description="Het geüploade document (PDF), als bijlage. Een document met vertrouwelijkheid "
        "`overheid` is alleen voor overheidsrollen (afnemer, budgethouder, broker) en de eigen "
        "leverancier; voor anderen, en zonder document, 404. Elke download komt in de audittrail.",
        operation_id="verklaringen_document_retrieve",
        parameters=[CONTENT_DISPOSITION],
        responses={(200, PDF): OpenApiResponse(OpenApiTypes.BINARY, description="Het document (PDF).")},
    )
    @action(detail=True, methods=["get"], url_path="document")
    def document(self, request, *args, **kwargs):
        verklaring = self.get_object()
        if not selectors.document_readable(request.auth, verklaring):
            raise Http404
        services.record_document_read(acting=request.auth, verklaring=verklaring)
        response = FileResponse(
            verklaring.document.open("rb"),
            as_attachment=True,
            filename=verklaring.document_naam or f"{verklaring.uuid}.pdf",
            content_type=PDF,
        )
        response["X-Content-Type-Options"] = "nosniff"
        return response

    @extend_schema(
        summary="Document van een verklaring uploaden",
        description="Het bewijs als PDF (vervangt een eerder document), zolang de verklaring `concept` "
        "of `afgewezen` is (anders 409): de inhoud zelf (`application/pdf`) of als deel `document` "
        "van `multipart/form-data`. Alleen een PDF (herkend aan de inhoud, niet aan het opgegeven "
        "type), hoogstens `VERKLARING_DOCUMENT_MAX_BYTES` bytes en zonder scripts of automatische "
        "acties; anders 400 op `document` en wordt niets bewaard. Het document wordt nooit via een "
        "openbaar pad geserveerd.",
        operation_id="verklaringen_document_update",
        request={PDF: OpenApiTypes.BINARY, "multipart/form-data": DocumentUploadSerializer},
        responses={200: VerklaringSerializer},
        extensions={"x-extra-errors": ["409"]},
    )
    @document.mapping.put
    @transaction.atomic
    def upload_document(self, request, *args, **kwargs):
        verklaring = self.get_object()
        upload = request.data.get("document") if hasattr(request.data, "get") else None
        if upload is None or isinstance(upload, str):
            raise ValidationError({"document": [ErrorDetail("Stuur een PDF als document.", "required")]})
        verklaring = services.upload_document(acting=request.auth, verklaring=verklaring, upload=upload)
        return Response(self.represent(verklaring))
