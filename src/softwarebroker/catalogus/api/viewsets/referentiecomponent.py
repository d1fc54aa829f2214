"""The GEMMA register of reference components: read only (filled by the import of GEMMA's
export, ``manage.py importeer_referentiecomponenten``)."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, viewsets

from softwarebroker.api.viewsets import RepresentationMixin
from softwarebroker.autorisaties import scopes
from softwarebroker.catalogus import selectors
from softwarebroker.catalogus.api import filters
from softwarebroker.catalogus.api.serializers import ReferentiecomponentSerializer


@extend_schema_view(
    list=extend_schema(
        summary="Alle GEMMA-referentiecomponenten",
        description="Het register van GEMMA-referentiecomponenten, gevuld uit de CSV-export van GEMMA "
        "Online. Een softwarepakket noemt zijn componenten bij hun `uri`; alleen componenten uit dit "
        "register (en niet `teruggetrokken`) zijn toegestaan.",
    ),
    retrieve=extend_schema(
        summary="Eén GEMMA-referentiecomponent", description="Eén referentiecomponent, met `fields`."
    ),
)
@extend_schema(tags=["referentiecomponenten"])
class ReferentiecomponentViewSet(
    RepresentationMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    serializer_class = ReferentiecomponentSerializer
    filterset_class = filters.ReferentiecomponentFilter
    http_method_names = ["get", "head"]
    sort_fields = {"naam": "naam", "gemmaId": "gemma_id"}
    default_sort = ("naam",)

    @property
    def scopes(self) -> dict:
        return {"list": scopes.CATALOGUS_LEZEN, "retrieve": scopes.CATALOGUS_LEZEN}

    def get_queryset(self):
        return selectors.referentiecomponenten()
