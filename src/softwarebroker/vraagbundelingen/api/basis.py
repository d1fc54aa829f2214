"""What the viewsets of rounds and deelnames share: one object represented, ETag and If-Match,
and the round every resource under it hangs from (404 when the client may not see it)."""

from __future__ import annotations

from django.http import Http404

from softwarebroker.api.versioned import VersionedResourceBase
from softwarebroker.core import errors

from .. import selectors
from ..models import Vraagbundeling

TAG = "vraagbundelingen"
ETAG_ACTIONS = frozenset({"retrieve", "create", "partial_update"})


class RoundBase(VersionedResourceBase):
    """What every resource here shares: represent one object, ETag and If-Match."""

    noun = ""

    def version_mismatch(self):
        return errors.VersionMismatch(
            f"De {self.noun} is gewijzigd sinds u haar las (If-Match klopt niet); lees haar opnieuw.",
            code="precondition_failed",
        )


class UnderRound(RoundBase):
    """A resource under ``/vraagbundelingen/{vraagbundeling_uuid}/``: visible when the round is."""

    def vraagbundeling(self) -> Vraagbundeling:
        if not hasattr(self, "_vraagbundeling"):
            found = (
                selectors.vraagbundelingen(self.request.auth)
                .select_related("aanbieding")
                .filter(uuid=self.kwargs["vraagbundeling_uuid"])
                .first()
            )
            if found is None:
                raise Http404
            self._vraagbundeling = found
        return self._vraagbundeling
