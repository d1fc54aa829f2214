"""The versions of software packages."""

from drf_spectacular.utils import extend_schema

from softwarebroker.api.viewsets import ResourceViewSet
from softwarebroker.autorisaties import scopes
from softwarebroker.catalogus import selectors, services
from softwarebroker.catalogus.api import filters
from softwarebroker.catalogus.api.serializers import SoftwarepakketversieSerializer

from .documentation import documented


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
