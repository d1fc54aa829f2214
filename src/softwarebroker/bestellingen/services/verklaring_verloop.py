"""What the expiry of a declaration means for licences: the organisations holding an active
licence of an offer the declaration covered hear of it (kanaal ``licenties``, actie
``verklaring_verlopen``, kenmerken ``verklaring`` and ``verklaringType``), once, in the
transaction of the expiry.

The catalogue's nightly job (:mod:`softwarebroker.catalogus.verklaringen.services.verloop`) expires the
declarations and calls :func:`licenties_bij_verlopen_verklaringen`, which the task of this app
hands it: the catalogue knows nothing of licences.

Covered were the offers the declaration was inherited by: its own offer, every offer of its
package, every offer of its supplier (a version's declaration covers no offer). An offer still
covered by another valid approved declaration of the same type lost nothing: its licence
holders are not told.
"""

from __future__ import annotations

import datetime

from django.db.models import Q

from softwarebroker.api.resources import url_of
from softwarebroker.catalogus.models import Aanbieding, Verklaring
from softwarebroker.catalogus.verklaringen import geldig
from softwarebroker.core import events

from .. import kanalen
from ..constants import LicentieStatus
from ..models import Licentie

VERKLARING_VERLOPEN = "verklaring_verlopen"


def _covers(verklaring: Verklaring, aanbieding: Aanbieding) -> bool:
    if verklaring.aanbieding_id:
        return verklaring.aanbieding_id == aanbieding.pk
    if verklaring.softwarepakket_id:
        return verklaring.softwarepakket_id == aanbieding.softwarepakket_id
    if verklaring.leverancier_id:
        return verklaring.leverancier_id == aanbieding.leverancier_id
    return False


def getroffen_aanbiedingen(verklaringen: list[Verklaring], day: datetime.date) -> dict[int, list[int]]:
    """Per declaration (by pk) the offers (pks) it covered that have no valid approved
    declaration of its type on ``day``: three queries whatever the number."""
    condition = Q(pk__in=[])
    for verklaring in verklaringen:
        if verklaring.aanbieding_id:
            condition |= Q(pk=verklaring.aanbieding_id)
        elif verklaring.softwarepakket_id:
            condition |= Q(softwarepakket_id=verklaring.softwarepakket_id)
        elif verklaring.leverancier_id:
            condition |= Q(leverancier_id=verklaring.leverancier_id)
    aanbiedingen = list(
        Aanbieding.objects.filter(condition).only("pk", "softwarepakket_id", "leverancier_id")
    )
    gedekt = geldig.geldige_verklaringen(aanbiedingen, day)
    return {
        verklaring.pk: [
            aanbieding.pk
            for aanbieding in aanbiedingen
            if _covers(verklaring, aanbieding) and verklaring.type not in gedekt.get(aanbieding.pk, {})
        ]
        for verklaring in verklaringen
    }


def licenties_bij_verlopen_verklaringen(verklaringen: list[Verklaring], day: datetime.date) -> int:
    """One notification per active licence of an offer each declaration left uncovered;
    returns how many were sent."""
    getroffen = getroffen_aanbiedingen(verklaringen, day)
    alle = {pk for pks in getroffen.values() for pk in pks}
    if not alle:
        return 0
    per_aanbieding: dict[int, list[Licentie]] = {}
    for licentie in (
        Licentie.objects.filter(status=LicentieStatus.ACTIEF, aanbieding_id__in=alle)
        .select_related("organisatie")
        .order_by("pk")
    ):
        per_aanbieding.setdefault(licentie.aanbieding_id, []).append(licentie)
    changes = []
    for verklaring in verklaringen:
        kenmerken = {"verklaring": url_of(verklaring), "verklaringType": verklaring.type}
        for aanbieding_id in getroffen[verklaring.pk]:
            changes += [
                (licentie, VERKLARING_VERLOPEN, kenmerken)
                for licentie in per_aanbieding.get(aanbieding_id, [])
            ]
    events.publish_many(kanalen.LICENTIES, changes)
    return len(changes)
