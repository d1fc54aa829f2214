"""The base of the resources under an order: ``/bestellingen/{bestelling_uuid}/<collection>``.

Each resource has its own module; this one holds what they share: the order they hang under
(visible when the order is), creation through a service function and their documentation.
"""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.response import Response

from softwarebroker.api.idempotency import IdempotentCreateMixin
from softwarebroker.api.representation_engine import Context, plan_for
from softwarebroker.api.viewsets import RepresentationMixin
from softwarebroker.autorisaties import scopes
from softwarebroker.bestellingen import selectors
from softwarebroker.bestellingen.models import Bestelling

from .bestelling import IDEMPOTENCY_KEY, OrderRepresentation


class OrderSubresourceReadViewSet(
    RepresentationMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Base of the resources under ``/bestellingen/{bestelling_uuid}/`` that are only read:
    visible when the order is (anything else answers as unknown, 404)."""

    http_method_names = ["get", "head"]
    model = None
    default_sort = ("pk",)

    @property
    def scopes(self) -> dict:
        return {"list": scopes.BESTELLINGEN_LEZEN, "retrieve": scopes.BESTELLINGEN_LEZEN}

    def bestelling(self) -> Bestelling:
        if not hasattr(self, "_bestelling"):
            found = (
                selectors.bestellingen(self.request.auth).filter(uuid=self.kwargs["bestelling_uuid"]).first()
            )
            if found is None:
                raise Http404
            self._bestelling = found
        return self._bestelling

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.model.objects.none()
        return self.model.objects.filter(bestelling=self.bestelling())


class OrderSubresourceViewSet(
    OrderRepresentation,
    IdempotentCreateMixin,
    OrderSubresourceReadViewSet,
    mixins.CreateModelMixin,
):
    """Base of the resources under ``/bestellingen/{bestelling_uuid}/``: visible when the
    order is, created through a service function (``apply_change``)."""

    http_method_names = ["get", "post", "head"]
    create_scope: str | tuple[str, ...] = ()

    @property
    def scopes(self) -> dict:
        return {**super().scopes, "create": self.create_scope}

    def create(self, request, *args, **kwargs):
        return self.idempotent(request, lambda: self._create(request))

    def _create(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        instance = self.apply_change(self.bestelling(), dict(serializer.validated_data))
        data = self.represent(instance)
        return Response(data, status=status.HTTP_201_CREATED, headers={"Location": data["url"]})

    def represent(self, instance) -> dict:
        return plan_for(self.get_serializer_class()).represent_keys([instance.pk], Context(self.request))[0]

    def apply_change(self, bestelling: Bestelling, data: dict):
        raise NotImplementedError


def documented(noun: str, plural: str, create: str | None, errors=("409",)):
    """The contract's texts for the list, detail and (unless ``create`` is ``None``: read
    only) create of a resource under an order."""
    texts = {
        "list": extend_schema(
            summary=f"{plural.capitalize()} van een bestelling", description=f"Alle {plural}."
        ),
        "retrieve": extend_schema(summary=f"Eén {noun}", description=f"Eén {noun} van de bestelling."),
    }
    if create is not None:
        texts["create"] = extend_schema(
            summary=f"{noun.capitalize()} toevoegen",
            description=create,
            parameters=[IDEMPOTENCY_KEY],
            extensions={"x-extra-errors": list(errors)},
        )
    return extend_schema_view(**texts)
