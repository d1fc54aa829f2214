"""Finding the offer an order line names by URL: one interface for every catalogue.

An order line references its aanbieding by URL. Resolvers are asked in turn; the local one
answers URLs of this instance's Catalogus API straight from the database (no HTTP); the peer
resolver reads offers of other instances through their zgw-consumers Service
(:mod:`softwarebroker.federatie.aanbiedingen`). A URL neither serves is ``bad-url``.
"""

from __future__ import annotations

import uuid
from typing import Protocol

from softwarebroker.api.definitions import CATALOGUS
from softwarebroker.api.urls_building import collection_url
from softwarebroker.catalogus import selectors as catalogus_selectors
from softwarebroker.catalogus.models import Aanbieding
from softwarebroker.federatie import aanbiedingen as peer
from softwarebroker.federatie.models import PeerAanbieding

OUTSIDE_CATALOGI_MESSAGE = (
    "{url} ligt niet in deze catalogus en niet onder een geconfigureerde service (peer-catalogus)."
)


class UnknownAanbieding(LookupError):
    """The URL is served by a catalogue, but there is no such offer."""


class InvalidReference(ValueError):
    """The URL cannot name an offer: ``code`` is ``bad-url`` or ``invalid-resource``."""

    def __init__(self, code: str, reason: str):
        super().__init__(reason)
        self.code = code
        self.reason = reason


class AanbiedingResolver(Protocol):
    def resolve(self, url: str, request) -> Aanbieding | PeerAanbieding | None:
        """The offer at ``url``, ``None`` if this resolver does not serve that URL; raises
        :class:`UnknownAanbieding` if it serves the URL but there is no such offer."""


class LocalCatalogus:
    def resolve(self, url: str, request) -> Aanbieding | None:
        base = collection_url(request, CATALOGUS, "aanbiedingen") + "/"
        if not url.startswith(base):
            return None
        try:
            identifier = uuid.UUID(url[len(base) :])
        except ValueError:
            raise UnknownAanbieding(url) from None
        # Only what the client may see: another supplier's concept is as unknown as nothing.
        aanbieding = (
            catalogus_selectors.aanbiedingen(getattr(request, "auth", None))
            .prefetch_related(None)
            .filter(uuid=identifier)
            .first()
        )
        if aanbieding is None:
            raise UnknownAanbieding(url)
        return aanbieding


def peer_aanbieding(url: str, *, user_id: str = "", refresh: bool = False) -> PeerAanbieding:
    """A peer's offer (see :func:`softwarebroker.federatie.aanbiedingen.fetch`), its failures
    in this module's terms: :class:`UnknownAanbieding`, :class:`InvalidReference`
    (``bad-url``, ``invalid-resource``) or, unreadable, ``PeerUnreachable`` (502)."""
    try:
        return peer.fetch(url, refresh=refresh, user_id=user_id)
    except peer.NoServiceForURL:
        raise InvalidReference("bad-url", OUTSIDE_CATALOGI_MESSAGE.format(url=url)) from None
    except peer.UnknownAtPeer:
        raise UnknownAanbieding(url) from None
    except peer.InvalidAanbieding as error:
        raise InvalidReference("invalid-resource", f"Op {url} staat geen aanbieding: {error}.") from None


class PeerCatalogi:
    """Offers of other instances, under a configured zgw-consumers Service."""

    def resolve(self, url: str, request) -> PeerAanbieding | None:
        acting = getattr(request, "auth", None)
        try:
            return peer_aanbieding(url, user_id=getattr(acting, "user_id", "") or "")
        except InvalidReference as error:
            if error.code == "bad-url":
                return None  # not a peer's: the next resolver, or bad-url in the end
            raise


RESOLVERS: list[AanbiedingResolver] = [LocalCatalogus(), PeerCatalogi()]


def resolve(url: str, request) -> Aanbieding | PeerAanbieding:
    """Raises :class:`UnknownAanbieding`, :class:`InvalidReference` or (a peer that
    cannot be read) :class:`softwarebroker.federatie.aanbiedingen.PeerUnreachable`."""
    for resolver in RESOLVERS:
        aanbieding = resolver.resolve(url, request)
        if aanbieding is not None:
            return aanbieding
    raise InvalidReference("bad-url", OUTSIDE_CATALOGI_MESSAGE.format(url=url))
