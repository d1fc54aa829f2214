"""A publiccode.yml document stored as a software package, matched on its ``url``."""

from __future__ import annotations

import datetime

from django.db import transaction

from .. import services
from ..constants import PUBLICATIE_TRANSITIONS
from ..models import Leverancier, Softwarepakket, Softwarepakketversie
from .parsing import load_publiccode, read_publiccode


def import_publiccode(text: str, *, acting) -> tuple[Softwarepakket, bool]:
    """Create or update the package with the document's ``url``; returns (package, created)."""
    return import_publiccode_document(load_publiccode(text), acting=acting)


@transaction.atomic
def import_publiccode_document(document, *, acting) -> tuple[Softwarepakket, bool]:
    """:func:`import_publiccode` for a document already read (the same document as JSON).

    Goes through the catalogue services, so search columns and events follow as for any change.
    """
    parsed = read_publiccode(document)
    fields = dict(parsed.fields)
    status = fields.pop("status")
    fabrikant = _existing_leverancier(parsed.fabrikant_naam)
    if fabrikant is not None:
        fields["fabrikant"] = fabrikant
    existing = Softwarepakket.objects.select_for_update().filter(repository_url=fields["repository_url"])
    pakket = existing.first()
    created = pakket is None
    if created:
        pakket = services.create_softwarepakket(acting=acting, **fields, status=status)
    else:
        # Publication follows the catalogue's life cycle: only allowed transitions are taken over.
        if status in PUBLICATIE_TRANSITIONS.get(pakket.status, set()):
            fields["status"] = status
        pakket = services.update_softwarepakket(acting=acting, softwarepakket=pakket, **fields)
    if parsed.versie:
        _save_version(acting, pakket, *parsed.versie)
    return pakket, created


def _existing_leverancier(naam: str | None) -> Leverancier | None:
    """The one supplier with exactly this name. Never created: a supplier needs a KvK number."""
    if not naam:
        return None
    matches = list(Leverancier.objects.filter(naam=naam)[:2])
    return matches[0] if len(matches) == 1 else None


def _save_version(acting, pakket: Softwarepakket, versie: str, releasedatum: datetime.date | None) -> None:
    changes = {"releasedatum": releasedatum} if releasedatum else {}
    existing = Softwarepakketversie.objects.filter(softwarepakket=pakket, versie=versie).first()
    if existing is None:
        services.create_softwarepakketversie(acting=acting, softwarepakket=pakket, versie=versie, **changes)
    elif changes:
        services.update_softwarepakketversie(acting=acting, softwarepakketversie=existing, **changes)
