"""The framework agreements of the catalogue."""

from drf_spectacular.utils import extend_schema

from softwarebroker.api.viewsets import ResourceViewSet
from softwarebroker.autorisaties import scopes
from softwarebroker.catalogus import selectors, services
from softwarebroker.catalogus.api import filters
from softwarebroker.catalogus.api.serializers import RaamovereenkomstSerializer

from .documentation import documented


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
