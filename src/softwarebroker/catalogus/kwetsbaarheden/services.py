"""The only writers of vulnerabilities. Publishing one (creating it) is an event on kanaal
``softwarepakketten``; the uses of the version are alerted in the same transaction."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from softwarebroker.audit.services import record_audit, snapshot
from softwarebroker.core import errors, events

from .. import kanalen
from ..models import Kwetsbaarheid, Softwarepakketversie

WIJZIGBAAR = ("titel", "beschrijving", "ernst", "opgelost_in", "referenties")


def check_owner(acting, softwarepakketversie: Softwarepakketversie) -> None:
    """The package's manufacturer publishes its vulnerabilities; the broker may for any."""
    if acting.is_broker:
        return
    fabrikant_id = softwarepakketversie.softwarepakket.fabrikant_id
    if acting.leverancier is None or fabrikant_id is None or acting.leverancier.pk != fabrikant_id:
        raise errors.NotAllowed(
            "Alleen de fabrikant van het softwarepakket (of de broker) publiceert en wijzigt "
            "zijn kwetsbaarheden.",
            code="autorisatie",
        )


def _audit(acting, actie: str, kwetsbaarheid: Kwetsbaarheid, before) -> None:
    record_audit(
        acting=acting,
        actie=actie,
        instance=kwetsbaarheid,
        before=before,
        leverancier_id=kwetsbaarheid.softwarepakketversie.softwarepakket.fabrikant_id,
    )


def _duplicate(cve_id: str) -> errors.Conflict:
    return errors.Conflict(
        f"{cve_id} is voor deze versie al gepubliceerd; wijzig die kwetsbaarheid.",
        code="bestaat_al",
        field="cveId",
    )


@transaction.atomic
def publiceer_kwetsbaarheid(*, acting, softwarepakketversie: Softwarepakketversie, **fields) -> Kwetsbaarheid:
    check_owner(acting, softwarepakketversie)
    kwetsbaarheid = Kwetsbaarheid(softwarepakketversie=softwarepakketversie, **fields)
    try:
        with transaction.atomic():
            kwetsbaarheid.save(force_insert=True)
    except IntegrityError:
        raise _duplicate(kwetsbaarheid.cve_id) from None
    _audit(acting, "create", kwetsbaarheid, None)
    events.publish(kanalen.SOFTWAREPAKKETTEN, kwetsbaarheid, "create", acting=acting)
    return kwetsbaarheid


@transaction.atomic
def update_kwetsbaarheid(
    *, acting, kwetsbaarheid: Kwetsbaarheid, partial: bool = False, **changes
) -> Kwetsbaarheid:
    kwetsbaarheid = (
        Kwetsbaarheid.objects.select_for_update(of=("self",))
        .select_related("softwarepakketversie__softwarepakket")
        .get(pk=kwetsbaarheid.pk)
    )
    check_owner(acting, kwetsbaarheid.softwarepakketversie)
    if "cve_id" in changes and changes["cve_id"] != kwetsbaarheid.cve_id:
        errors.raise_if_any(
            [("cveId", "onveranderlijk", "Publiceer een andere CVE als nieuwe kwetsbaarheid.")]
        )
    before = snapshot(kwetsbaarheid)
    for name in WIJZIGBAAR:
        if name in changes:
            setattr(kwetsbaarheid, name, changes[name])
    kwetsbaarheid.save()
    _audit(acting, "partial_update" if partial else "update", kwetsbaarheid, before)
    events.publish(kanalen.SOFTWAREPAKKETTEN, kwetsbaarheid, "update", acting=acting)
    return kwetsbaarheid
