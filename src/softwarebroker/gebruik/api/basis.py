"""What the viewsets of uses and what hangs under them share: one object represented, ETag and
If-Match, and the use every sub-resource hangs from (404 when the client may not see it)."""

from __future__ import annotations

from django.http import Http404

from softwarebroker.api.versioned import VersionedResourceBase
from softwarebroker.core import errors

from .. import selectors
from ..models import Gebruik

TAG = "gebruiken"
ETAG_ACTIONS = frozenset({"retrieve", "create", "update", "partial_update"})


class GebruikBase(VersionedResourceBase):
    """What every resource here shares: represent one object, ETag and If-Match."""

    def version_mismatch(self):
        return errors.VersionMismatch(
            "Het gebruik is gewijzigd sinds u het las (If-Match klopt niet); lees het opnieuw.",
            code="precondition_failed",
        )


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
