"""The offers of suppliers; one offer also answers conditional reads (ETag, If-None-Match)."""

from django.utils.dateparse import parse_date
from drf_spectacular.utils import extend_schema

from softwarebroker.api.conditional import IF_NONE_MATCH, conditional
from softwarebroker.api.viewsets import ResourceViewSet
from softwarebroker.autorisaties import scopes
from softwarebroker.catalogus import selectors, services
from softwarebroker.catalogus.api import filters
from softwarebroker.catalogus.api.examples import AANBIEDING_EXAMPLE
from softwarebroker.catalogus.api.serializers import AanbiedingSerializer

from .documentation import documented


@documented("aanbieding", "aanbiedingen", extra="Zoeken met `zoek`; `geldigOp` voor een datum.")
@extend_schema(tags=["aanbiedingen"])
class AanbiedingViewSet(ResourceViewSet):
    serializer_class = AanbiedingSerializer
    filterset_class = filters.AanbiedingFilter
    read_scope = scopes.CATALOGUS_LEZEN
    write_scope = scopes.CATALOGUS_AANBIEDEN
    sort_fields = {"naam": "naam", "geldigVanaf": "geldig_vanaf", "status": "status"}
    default_sort = ("naam",)
    etag_actions = frozenset({"retrieve"})

    @classmethod
    def visible_objects(cls, acting):
        return selectors.aanbiedingen(acting)

    @extend_schema(
        summary="Eén aanbieding",
        description="Eén aanbieding, met `fields` en `expand`. De `ETag` van het antwoord "
        "(uit de inhoud, `actuelePrijzen` inbegrepen) maakt een kopie te controleren met "
        "`If-None-Match`: 304 zolang zij actueel is.",
        parameters=[IF_NONE_MATCH],
        examples=[AANBIEDING_EXAMPLE],
    )
    def retrieve(self, request, *args, **kwargs):
        return conditional(request, super().retrieve(request, *args, **kwargs))

    @classmethod
    def tenant_of(cls, instance) -> dict:
        return {"leverancier": instance.leverancier}

    def get_serializer_context(self):
        # actuelePrijzen follows the date the list is asked for (geldigOp), today otherwise.
        context = super().get_serializer_context()
        context["geldig_op"] = _date(self.request.query_params.get("geldigOp")) if self.request else None
        return context

    def perform_destroy(self, instance):
        services.delete_aanbieding(acting=self.request.auth, aanbieding=instance)


def _date(raw: str | None):
    """``geldigOp`` as a date; the filter reports an invalid one (``None`` here, never a 500)."""
    try:
        return parse_date(raw or "")
    except ValueError:
        return None
