"""Finding the offer an order line names by URL: one interface for every catalogue.

An order line references its aanbieding by URL. Resolvers are asked in turn; the local one
answers URLs of this instance's Catalogus API straight from the database (no HTTP). The
federation work adds resolvers for remote catalogues behind the same interface.
"""

from __future__ import annotations

import uuid
from typing import Protocol

from softwarebroker.api.definitions import CATALOGUS
from softwarebroker.api.urls_building import collection_url
from softwarebroker.catalogus.models import Aanbieding


class OnbekendeAanbieding(LookupError):
    pass


class AanbiedingResolver(Protocol):
    def resolve(self, url: str, request) -> Aanbieding | None:
        """The offer at ``url``, ``None`` if this resolver does not serve that URL; raises
        :class:`OnbekendeAanbieding` if it serves the URL but there is no such offer."""


class LokaleCatalogus:
    def resolve(self, url: str, request) -> Aanbieding | None:
        base = collection_url(request, CATALOGUS, "aanbiedingen") + "/"
        if not url.startswith(base):
            return None
        try:
            identifier = uuid.UUID(url[len(base) :])
        except ValueError:
            raise OnbekendeAanbieding(url) from None
        aanbieding = (
            Aanbieding.objects.select_related("leverancier", "raamovereenkomst", "softwarepakket")
            .filter(uuid=identifier)
            .first()
        )
        if aanbieding is None:
            raise OnbekendeAanbieding(url)
        return aanbieding


RESOLVERS: list[AanbiedingResolver] = [LokaleCatalogus()]


def resolve(url: str, request) -> Aanbieding:
    for resolver in RESOLVERS:
        aanbieding = resolver.resolve(url, request)
        if aanbieding is not None:
            return aanbieding
    raise OnbekendeAanbieding(url)
