"""Resources with a version counter: their ETag (``"{uuid}-{versie}"``), ``If-Match`` read
into the version a client expects (the service compares it under its row lock), and the base of
the viewsets of such resources that represent one object after a change."""

from __future__ import annotations

import re

from django.db.models import F
from rest_framework import mixins, status, viewsets
from rest_framework.response import Response

from .bounds import INTEGER_MAX
from .headers import checked_header
from .idempotency import IdempotentCreateMixin
from .representation_engine import Context, plan_for
from .viewsets import RepresentationMixin

MAX_IF_MATCH = 100
# An ETag: the object's uuid and version (an integer column), ASCII digits only.
ETAG_PATTERN = re.compile(r'^(?:W/)?"([0-9a-f-]{36})-([0-9]{1,10})"$', re.ASCII)


def versioned_detail(view) -> Response:
    """The detail the URL names with the ETag of its version, read in the same statement."""
    row, plan, context = view.detail_row(_versie=F("versie"))
    return Response(
        plan.build([row], context)[0], headers={"ETag": etag(view.kwargs["uuid"], row["_versie"])}
    )


def etag(uuid, versie: int) -> str:
    return f'"{uuid}-{versie}"'


def if_match_version(request, instance, mismatch) -> int | None:
    """The version ``If-Match`` names (``None``: no condition); ``mismatch()`` is the error when
    the header cannot name this object's version (an ETag of another object never matches)."""
    header = checked_header(request, "If-Match", max_length=MAX_IF_MATCH)
    if header is None or header.strip() == "*":
        return None
    match = ETAG_PATTERN.match(header.strip())
    if not match or match.group(1) != str(instance.uuid) or int(match.group(2)) > INTEGER_MAX:
        raise mismatch()
    return int(match.group(2))


class VersionedResourceBase(
    IdempotentCreateMixin, RepresentationMixin, mixins.ListModelMixin, viewsets.GenericViewSet
):
    """One object represented after a change, with its ETag; ``If-Match`` read for the service."""

    http_method_names = ["get", "post", "head"]
    model = None
    representation = None  # the resource serializer of responses

    def version_mismatch(self) -> Exception:
        raise NotImplementedError

    def get_serializer_class(self):
        return self.representation

    def represent(self, instance) -> dict:
        plan = plan_for(self.representation)
        return plan.represent(self.model.objects.filter(pk=instance.pk), Context(self.request))[0]

    def created(self, instance) -> Response:
        body = self.represent(instance)
        return Response(body, status=status.HTTP_201_CREATED, headers={"Location": body["url"]})

    def expected_version(self, instance) -> int | None:
        return if_match_version(self.request, instance, self.version_mismatch)

    def with_etag(self, body: dict, instance, code=status.HTTP_200_OK) -> Response:
        headers = {"ETag": etag(instance.uuid, instance.versie)}
        if code == status.HTTP_201_CREATED:
            headers["Location"] = body["url"]
        return Response(body, status=code, headers=headers)
