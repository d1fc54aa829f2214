"""What the viewsets of uses and what hangs under them share: one object represented, ETag and
If-Match, and the use every sub-resource hangs from (404 when the client may not see it)."""

from __future__ import annotations

from django.db.models import F
from django.http import Http404
from rest_framework import mixins, status, viewsets
from rest_framework.response import Response

from softwarebroker.api.bounds import INTEGER_MAX
from softwarebroker.api.headers import checked_header
from softwarebroker.api.idempotency import IdempotentCreateMixin
from softwarebroker.api.representation_engine import Context, plan_for
from softwarebroker.api.viewsets import RepresentationMixin
from softwarebroker.bestellingen.api.viewsets.bestelling import ETAG_PATTERN, MAX_IF_MATCH, etag
from softwarebroker.core import errors

from .. import selectors
from ..models import Gebruik

TAG = "gebruiken"
ETAG_ACTIONS = frozenset({"retrieve", "create", "update", "partial_update"})


class GebruikBase(IdempotentCreateMixin, RepresentationMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    """What every resource here shares: represent one object, ETag and If-Match."""

    http_method_names = ["get", "post", "head"]
    model = None
    representation = None  # the resource serializer of responses

    def get_serializer_class(self):
        return self.representation

    def represent(self, instance) -> dict:
        plan = plan_for(self.representation)
        return plan.represent(self.model.objects.filter(pk=instance.pk), Context(self.request))[0]

    def created(self, instance) -> Response:
        body = self.represent(instance)
        return Response(body, status=status.HTTP_201_CREATED, headers={"Location": body["url"]})

    def retrieve_with_etag(self, queryset):
        plan = self.representation_plan()
        queryset = queryset.filter(uuid=self.kwargs["uuid"]).order_by()
        rows = list(plan.values(queryset, _versie=F("versie"))[:1])
        if not rows:
            raise Http404
        body = plan.build(rows, Context(self.request, self.get_serializer_context()))[0]
        return Response(body, headers={"ETag": etag(self.kwargs["uuid"], rows[0]["_versie"])})

    def expected_version(self, instance) -> int | None:
        """The version ``If-Match`` names (``None``: no condition); the service compares it under
        its row lock. An ETag of another use never matches."""
        header = checked_header(self.request, "If-Match", max_length=MAX_IF_MATCH)
        if header is None or header.strip() == "*":
            return None
        match = ETAG_PATTERN.match(header.strip())
        if not match or match.group(1) != str(instance.uuid) or int(match.group(2)) > INTEGER_MAX:
            raise errors.VersionMismatch(
                "Het gebruik is gewijzigd sinds u het las (If-Match klopt niet); lees het opnieuw.",
                code="precondition_failed",
            )
        return int(match.group(2))

    def with_etag(self, body: dict, instance, code=status.HTTP_200_OK) -> Response:
        headers = {"ETag": etag(instance.uuid, instance.versie)}
        if code == status.HTTP_201_CREATED:
            headers["Location"] = body["url"]
        return Response(body, status=code, headers=headers)


class UnderGebruik(GebruikBase):
    """A resource under ``/gebruiken/{gebruik_uuid}/``: visible when the use is."""

    def gebruik(self) -> Gebruik:
        if not hasattr(self, "_gebruik"):
            found = selectors.gebruiken(self.request.auth).filter(uuid=self.kwargs["gebruik_uuid"]).first()
            if found is None:
                raise Http404
            self._gebruik = found
        return self._gebruik

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.model.objects.none()
        return self.model.objects.filter(gebruik=self.gebruik())
