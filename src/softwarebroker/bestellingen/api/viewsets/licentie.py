"""Licences, read by the organisation that holds them."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, viewsets

from softwarebroker.api.viewsets import RepresentationMixin
from softwarebroker.autorisaties import scopes
from softwarebroker.bestellingen import selectors

from .. import filters
from ..serializers import (
    LicentieSerializer,
)


@extend_schema_view(
    list=extend_schema(summary="Alle licenties", description="De licenties van de eigen organisatie."),
    retrieve=extend_schema(summary="Eén licentie", description="Eén licentie."),
)
@extend_schema(tags=["licenties"])
class LicentieViewSet(
    RepresentationMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    serializer_class = LicentieSerializer
    filterset_class = filters.LicentieFilter
    http_method_names = ["get", "head"]
    scopes = {"list": scopes.LICENTIES_LEZEN, "retrieve": scopes.LICENTIES_LEZEN}
    sort_fields = {"ingangsdatum": "ingangsdatum", "einddatum": "einddatum"}
    default_sort = ("-ingangsdatum", "pk")

    def get_queryset(self):
        return selectors.licenties(self.request.auth)
