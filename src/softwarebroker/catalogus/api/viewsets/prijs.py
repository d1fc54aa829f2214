"""The prices of offers, each valid from a date."""

from drf_spectacular.utils import extend_schema, extend_schema_view

from softwarebroker.api.viewsets import ResourceViewSet
from softwarebroker.autorisaties import scopes
from softwarebroker.catalogus import selectors, services
from softwarebroker.catalogus.api import filters
from softwarebroker.catalogus.api.examples import PRIJS_AANMAKEN_EXAMPLES
from softwarebroker.catalogus.api.serializers import PrijsSerializer

from .documentation import documented


@documented("prijs", "prijzen", extra="`geldigOp` geeft de prijzen van een datum.")
@extend_schema(tags=["prijzen"])
@extend_schema_view(create=extend_schema(examples=PRIJS_AANMAKEN_EXAMPLES))
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
