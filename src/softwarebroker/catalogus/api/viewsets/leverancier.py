"""The suppliers of the catalogue."""

from drf_spectacular.utils import extend_schema

from softwarebroker.api.viewsets import ResourceViewSet
from softwarebroker.autorisaties import scopes
from softwarebroker.catalogus import selectors, services
from softwarebroker.catalogus.api import filters
from softwarebroker.catalogus.api.serializers import LeverancierSerializer

from .documentation import documented


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
