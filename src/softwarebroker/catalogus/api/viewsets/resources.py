"""Viewsets of the catalogue resources. Each reads top to bottom: scopes, what is visible,
filters and sorting, and where a write goes."""

from django.utils.dateparse import parse_date
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework.decorators import action
from rest_framework.response import Response

from softwarebroker.api.conditional import IF_NONE_MATCH, conditional
from softwarebroker.api.exceptions import APIProblem
from softwarebroker.api.viewsets import ResourceViewSet
from softwarebroker.api.yaml import YAML, YAMLTextParser, YAMLTextRenderer
from softwarebroker.autorisaties import scopes
from softwarebroker.catalogus import publiccode, selectors, services
from softwarebroker.catalogus.api import filters
from softwarebroker.catalogus.api.serializers import (
    AanbiedingSerializer,
    LeverancierSerializer,
    PrijsSerializer,
    RaamovereenkomstSerializer,
    SoftwarepakketSerializer,
    SoftwarepakketversieSerializer,
)


def documented(noun: str, plural: str, *, extra: str = ""):
    return extend_schema_view(
        list=extend_schema(
            summary=f"Alle {plural}", description=f"De {plural} van de catalogus. {extra}".strip()
        ),
        retrieve=extend_schema(summary=f"Eén {noun}", description=f"Eén {noun}, met `fields` en `expand`."),
        create=extend_schema(summary=f"{noun.capitalize()} aanmaken", description=f"Maakt een {noun} aan."),
        update=extend_schema(
            summary=f"{noun.capitalize()} volledig wijzigen", description="Vervangt alle wijzigbare velden."
        ),
        partial_update=extend_schema(
            summary=f"{noun.capitalize()} gedeeltelijk wijzigen",
            description="Wijzigt de meegestuurde velden; statuswijzigingen alleen langs de toegestane paden.",
        ),
        destroy=extend_schema(
            summary=f"{noun.capitalize()} verwijderen",
            description="Alleen wat nergens naar verwezen wordt; anders 409 (gebruik dan de status).",
        ),
    )


@documented("leverancier", "leveranciers")
@extend_schema(tags=["leveranciers"])
class LeverancierViewSet(ResourceViewSet):
    serializer_class = LeverancierSerializer
    filterset_class = filters.LeverancierFilter
    read_scope = scopes.CATALOGUS_LEZEN
    write_scope = scopes.CATALOGUS_BEHEREN
    sort_fields = {"naam": "naam", "kvkNummer": "kvk_nummer"}
    default_sort = ("naam",)

    @classmethod
    def visible_objects(cls, acting):
        return selectors.leveranciers()

    @classmethod
    def tenant_of(cls, instance) -> dict:
        return {"leverancier": instance}

    def perform_destroy(self, instance):
        services.delete_leverancier(acting=self.request.auth, leverancier=instance)


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
        return {**super().scopes, "publiccode": scopes.CATALOGUS_LEZEN, "importeer": scopes.CATALOGUS_BEHEREN}

    @classmethod
    def visible_objects(cls, acting):
        return selectors.softwarepakketten(acting)

    def perform_destroy(self, instance):
        services.delete_softwarepakket(acting=self.request.auth, softwarepakket=instance)

    @extend_schema(
        summary="Het softwarepakket als publiccode.yml",
        description="Een publiccode.yml-document met de velden die softwarepakket en standaard delen.",
        responses={(200, YAML): OpenApiResponse(OpenApiTypes.STR, description="publiccode.yml")},
    )
    @action(detail=True, methods=["get"], url_path="publiccode", renderer_classes=[YAMLTextRenderer])
    def publiccode(self, request, uuid=None):
        return Response(
            publiccode.dump_publiccode(publiccode.export_publiccode(self.get_object(), request=request))
        )

    @extend_schema(
        summary="Softwarepakket importeren uit publiccode.yml",
        description="Maakt het softwarepakket aan, of werkt het bij als er al een is met dezelfde "
        "repository-URL (`url`). Een ongeldig document geeft 400 met elk probleem en zijn pad "
        "in `invalidParams`.",
        operation_id="softwarepakketten_importeer",
        request={YAML: OpenApiTypes.STR},
        responses={201: SoftwarepakketSerializer, 200: SoftwarepakketSerializer},
    )
    @action(detail=False, methods=["post"], url_path="_importeer", parser_classes=[YAMLTextParser])
    def importeer(self, request):
        try:
            pakket, created = publiccode.import_publiccode(
                request.data if isinstance(request.data, str) else "", acting=request.auth
            )
        except publiccode.PubliccodeInvalid as invalid:
            raise APIProblem(
                status=400,
                code="invalid",
                detail="Het publiccode.yml-document is ongeldig.",
                invalid_params=invalid.errors,
            ) from None
        data = self._full_representation(pakket)
        return Response(data, status=201 if created else 200, headers={"Location": data["url"]})


@documented("softwarepakketversie", "softwarepakketversies")
@extend_schema(tags=["softwarepakketversies"])
class SoftwarepakketversieViewSet(ResourceViewSet):
    serializer_class = SoftwarepakketversieSerializer
    filterset_class = filters.SoftwarepakketversieFilter
    read_scope = scopes.CATALOGUS_LEZEN
    write_scope = scopes.CATALOGUS_BEHEREN
    sort_fields = {"versie": "versie", "releasedatum": "releasedatum"}
    default_sort = ("-releasedatum",)

    @classmethod
    def visible_objects(cls, acting):
        return selectors.softwarepakketversies(acting)

    def perform_destroy(self, instance):
        services.delete_softwarepakketversie(acting=self.request.auth, softwarepakketversie=instance)


@documented("aanbieding", "aanbiedingen", extra="Zoeken met `zoek`; `geldigOp` voor een datum.")
@extend_schema(tags=["aanbiedingen"])
class AanbiedingViewSet(ResourceViewSet):
    serializer_class = AanbiedingSerializer
    filterset_class = filters.AanbiedingFilter
    read_scope = scopes.CATALOGUS_LEZEN
    write_scope = scopes.CATALOGUS_AANBIEDEN
    sort_fields = {"naam": "naam", "geldigVanaf": "geldig_vanaf", "status": "status"}
    default_sort = ("naam",)

    @classmethod
    def visible_objects(cls, acting):
        return selectors.aanbiedingen(acting)

    @extend_schema(
        summary="Eén aanbieding",
        description="Eén aanbieding, met `fields` en `expand`. De `ETag` van het antwoord "
        "(uit de inhoud, `actuelePrijzen` inbegrepen) maakt een kopie te controleren met "
        "`If-None-Match`: 304 zolang zij actueel is.",
        parameters=[IF_NONE_MATCH],
    )
    def retrieve(self, request, *args, **kwargs):
        return conditional(request, super().retrieve(request, *args, **kwargs))

    @classmethod
    def tenant_of(cls, instance) -> dict:
        return {"leverancier": instance.leverancier}

    def get_serializer_context(self):
        # actuelePrijzen follows the date the list is asked for (geldigOp), today otherwise.
        context = super().get_serializer_context()
        context["geldig_op"] = (
            parse_date(self.request.query_params.get("geldigOp") or "") if self.request else None
        )
        return context

    def perform_destroy(self, instance):
        services.delete_aanbieding(acting=self.request.auth, aanbieding=instance)


@documented("prijs", "prijzen", extra="`geldigOp` geeft de prijzen van een datum.")
@extend_schema(tags=["prijzen"])
class PrijsViewSet(ResourceViewSet):
    serializer_class = PrijsSerializer
    filterset_class = filters.PrijsFilter
    read_scope = scopes.CATALOGUS_LEZEN
    write_scope = scopes.CATALOGUS_AANBIEDEN
    sort_fields = {"geldigVanaf": "geldig_vanaf", "bedragExclBtw": "bedrag_excl_btw"}
    default_sort = ("geldig_vanaf",)

    @classmethod
    def visible_objects(cls, acting):
        return selectors.prijzen(acting)

    @classmethod
    def tenant_of(cls, instance) -> dict:
        return {"leverancier": instance.aanbieding.leverancier}

    def perform_destroy(self, instance):
        services.delete_prijs(acting=self.request.auth, prijs=instance)


@documented("raamovereenkomst", "raamovereenkomsten")
@extend_schema(tags=["raamovereenkomsten"])
class RaamovereenkomstViewSet(ResourceViewSet):
    serializer_class = RaamovereenkomstSerializer
    filterset_class = filters.RaamovereenkomstFilter
    read_scope = scopes.CATALOGUS_LEZEN
    write_scope = scopes.CATALOGUS_BEHEREN
    sort_fields = {"naam": "naam", "ingangsdatum": "ingangsdatum"}
    default_sort = ("naam",)

    @classmethod
    def visible_objects(cls, acting):
        return selectors.raamovereenkomsten()

    def perform_destroy(self, instance):
        services.delete_raamovereenkomst(acting=self.request.auth, raamovereenkomst=instance)
