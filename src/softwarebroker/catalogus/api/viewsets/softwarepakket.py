"""Software packages, also exported and imported as publiccode.yml."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.decorators import action
from rest_framework.response import Response

from softwarebroker.api.exceptions import APIProblem
from softwarebroker.api.parsers import JSONParser
from softwarebroker.api.viewsets import ResourceViewSet
from softwarebroker.api.yaml import YAML, YAMLTextParser, YAMLTextRenderer
from softwarebroker.autorisaties import scopes
from softwarebroker.catalogus import publiccode, selectors, services
from softwarebroker.catalogus.api import filters
from softwarebroker.catalogus.api.serializers import SoftwarepakketSerializer
from softwarebroker.catalogus.api.serializers.publiccode import PubliccodeDocumentSerializer

from .documentation import documented


@documented("softwarepakket", "softwarepakketten", extra="Zoeken met `zoek`.")
@extend_schema(tags=["softwarepakketten"])
class SoftwarepakketViewSet(ResourceViewSet):
    serializer_class = SoftwarepakketSerializer
    filterset_class = filters.SoftwarepakketFilter
    read_scope = scopes.CATALOGUS_LEZEN
    write_scope = scopes.CATALOGUS_BEHEREN
    sort_fields = {"naam": "naam", "status": "status"}
    default_sort = ("naam",)

    @property
    def scopes(self) -> dict[str, str]:
        return {
            **super().scopes,
            "publiccode": scopes.CATALOGUS_LEZEN,
            "import_publiccode": scopes.CATALOGUS_BEHEREN,
        }

    @classmethod
    def visible_objects(cls, acting):
        return selectors.softwarepakketten(acting)

    def perform_destroy(self, instance):
        services.delete_softwarepakket(acting=self.request.auth, softwarepakket=instance)

    @extend_schema(
        summary="Het softwarepakket als publiccode.yml",
        description="Een publiccode.yml-document met de velden die softwarepakket en standaard delen.",
        responses={(200, YAML): OpenApiResponse(OpenApiTypes.OBJECT, description="publiccode.yml")},
    )
    @action(detail=True, methods=["get"], url_path="publiccode", renderer_classes=[YAMLTextRenderer])
    def publiccode(self, request, uuid=None):
        return Response(
            publiccode.dump_publiccode(publiccode.export_publiccode(self.get_object(), request=request))
        )

    @extend_schema(
        summary="Softwarepakket importeren uit publiccode.yml",
        description="Maakt het softwarepakket aan, of werkt het bij als er al een is met dezelfde "
        "repository-URL (`url`). Het document als YAML (`application/yaml`) of hetzelfde document "
        "als JSON (`application/json`): dezelfde betekenis en dezelfde controles. Een ongeldig "
        "document geeft 400 met elk probleem en zijn pad in `invalidParams`.",
        operation_id="softwarepakketten_importeer",
        request={YAML: OpenApiTypes.STR, "application/json": PubliccodeDocumentSerializer},
        responses={201: SoftwarepakketSerializer, 200: SoftwarepakketSerializer},
    )
    @action(
        detail=False, methods=["post"], url_path="_importeer", parser_classes=[YAMLTextParser, JSONParser]
    )
    def import_publiccode(self, request):
        try:
            if _media_type(request) == YAML:
                text = request.data if isinstance(request.data, str) else ""
                pakket, created = publiccode.import_publiccode(text, acting=request.auth)
            else:  # JSON, already read (and bounded) by the JSON parser
                pakket, created = publiccode.import_publiccode_document(request.data, acting=request.auth)
        except publiccode.PubliccodeInvalid as invalid:
            raise APIProblem(
                status=400,
                code="invalid",
                detail="Het publiccode.yml-document is ongeldig.",
                invalid_params=invalid.errors,
            ) from None
        data = self._full_representation(pakket)
        return Response(data, status=201 if created else 200, headers={"Location": data["url"]})


def _media_type(request) -> str:
    return request.content_type.split(";", 1)[0].strip().lower()
