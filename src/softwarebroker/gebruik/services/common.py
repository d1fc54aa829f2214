"""What every change of a use shares: who may make it, the row lock, the history, the audit
entry and the event."""

from __future__ import annotations

import datetime

from django.utils import timezone

from softwarebroker.audit.services import record_audit
from softwarebroker.autorisaties.context import Acting
from softwarebroker.autorisaties.scopes import Rol
from softwarebroker.core import errors, events

from .. import kanalen
from ..models import Gebruik, GebruikStatuswijziging

# A use registered or alerted in reaction to another change, when that change named no actor.
AUTOMATISCH = Acting.system("gebruik", label="Automatisch bij levering of catalogus")


def actor(acting: Acting) -> tuple[str, str]:
    return (acting.user_id or acting.client_id)[:255], (acting.user_representation or acting.label)[:255]


def may_manage(acting: Acting, organisatie_id) -> bool:
    """The broker, or an afnemer of the organisation itself."""
    if acting.is_broker:
        return True
    return (
        Rol.AFNEMER in acting.roles
        and acting.organisatie is not None
        and acting.organisatie.pk == organisatie_id
    )


def check_may_manage(acting: Acting, organisatie_id) -> None:
    if not may_manage(acting, organisatie_id):
        raise errors.NotAllowed(
            "Alleen een afnemer van de organisatie zelf, of de broker, registreert en wijzigt haar gebruik.",
            code="rol",
        )


def lock(gebruik: Gebruik) -> Gebruik:
    return (
        Gebruik.objects.select_for_update(of=("self",))
        .select_related("organisatie", "softwarepakket", "softwarepakketversie")
        .get(pk=gebruik.pk)
    )


def check_version(gebruik: Gebruik, expected: int | None) -> None:
    if expected is not None and expected != gebruik.versie:
        raise errors.VersionMismatch(
            "Het gebruik is gewijzigd sinds u het las (If-Match klopt niet); lees het opnieuw.",
            code="precondition_failed",
        )


def today() -> datetime.date:
    return timezone.localdate()


def history(
    acting, gebruik: Gebruik, van: str, naar: str, datum, toelichting: str = ""
) -> GebruikStatuswijziging:
    name, weergave = actor(acting)
    return GebruikStatuswijziging.objects.create(
        gebruik=gebruik,
        van_status=van,
        naar_status=naar,
        datum=datum,
        toelichting=toelichting or "",
        actor=name or "onbekend",
        actor_weergave=weergave,
    )


def audit(acting, actie: str, gebruik: Gebruik, before, instance=None) -> None:
    record_audit(
        acting=acting,
        actie=actie,
        instance=gebruik if instance is None else instance,
        main=gebruik,
        before=before,
        organisatie_id=gebruik.organisatie_id,
    )


def publish(gebruik: Gebruik, actie: str, kenmerken: dict | None = None) -> None:
    events.publish(kanalen.GEBRUIKEN, gebruik, actie, kenmerken=kenmerken)
