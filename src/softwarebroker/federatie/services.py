"""The single place where federation data changes: the peer catalogues this instance uses
(configuration) and its copies of peers' offers (a cache of other organisations' data).

Neither is a resource of this instance's APIs, so these changes have no audit entry of their
own and publish no notification; an order that uses a copy is audited as the order's change.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from .models import PeerAanbieding, PeerCatalogus


@transaction.atomic
def save_peer_catalogus(*, naam: str, **fields) -> PeerCatalogus:
    """The peer catalogue named ``naam``, created or changed; written only when something
    differs (the encrypted webhook value would otherwise get a new ciphertext every time)."""
    peer = PeerCatalogus.objects.select_for_update().filter(naam=naam).first() or PeerCatalogus(naam=naam)
    if peer.pk is None or any(getattr(peer, name) != value for name, value in fields.items()):
        for name, value in fields.items():
            setattr(peer, name, value)
        peer.save()
    return peer


@transaction.atomic
def update_peer_catalogus(*, peer_catalogus: PeerCatalogus, **changes) -> PeerCatalogus:
    peer = PeerCatalogus.objects.select_for_update().get(pk=peer_catalogus.pk)
    for name, value in changes.items():
        setattr(peer, name, value)
    peer.save()
    return peer


def store_peer_aanbieding(*, url: str, service, gegevens: dict, etag: str) -> PeerAanbieding:
    """The copy of a peer's offer as just read (valid: its shape was checked)."""
    kopie, _ = PeerAanbieding.objects.update_or_create(
        url=url,
        defaults={
            "service": service,
            "gegevens": gegevens,
            "etag": etag[:200],
            "opgehaald_op": timezone.now(),
            "verouderd": False,
        },
    )
    return kopie


def mark_revalidated(*, peer_aanbieding: PeerAanbieding) -> PeerAanbieding:
    """The peer answered 304: the copy is current again."""
    peer_aanbieding.opgehaald_op, peer_aanbieding.verouderd = timezone.now(), False
    peer_aanbieding.save(update_fields=["opgehaald_op", "verouderd"])
    return peer_aanbieding


def mark_stale(*, urls) -> int:
    """A peer said these offers changed (or an administrator asks): the next use reads them again."""
    return PeerAanbieding.objects.filter(url__in=list(urls), verouderd=False).update(verouderd=True)
