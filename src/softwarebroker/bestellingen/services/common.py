"""What every order change shares: who acts (and as which party), the row lock, the audit entry
and the event."""

from __future__ import annotations

from softwarebroker.audit.services import record_audit
from softwarebroker.autorisaties.context import Acting
from softwarebroker.autorisaties.scopes import Rol
from softwarebroker.catalogus.constants import AFROEP_TELT_STATUSSEN
from softwarebroker.core import errors, events

from .. import kanalen, statemachine
from ..constants import (
    AuteurRol,
    BestellingStatus,
)
from ..models import (
    Bericht,
    Bestelling,
)

# Orders that count against a framework's maximum value with their call-off value: from
# submission (awaiting approval included) until withdrawn, rejected, refused, cancelled or failed.
COUNTS_AGAINST_RAAMOVEREENKOMST = frozenset(BestellingStatus(status) for status in AFROEP_TELT_STATUSSEN)


# --- parties --------------------------------------------------------------------------------


def partijen(acting: Acting, bestelling: Bestelling) -> set[str]:
    """As which parties of this order the client acts."""
    result = set()
    if acting.is_broker:
        result.add(statemachine.BROKER)
    organisatie = acting.organisatie
    if organisatie is not None and organisatie.pk == bestelling.besteller_id:
        if Rol.AFNEMER in acting.roles:
            result.add(statemachine.AFNEMER)
        if Rol.BUDGETHOUDER in acting.roles:
            result.add(statemachine.BUDGETHOUDER)
    leverancier = acting.leverancier
    if (
        leverancier is not None
        and bestelling.leverancier_id == leverancier.pk
        and Rol.LEVERANCIER in acting.roles
    ):
        result.add(statemachine.LEVERANCIER)
    return result


def may_order_for(acting: Acting, besteller) -> bool:
    if acting.is_broker:
        return True
    return (
        Rol.AFNEMER in acting.roles
        and acting.organisatie is not None
        and besteller is not None
        and acting.organisatie.pk == besteller.pk
    )


def _auteur_rol(acting: Acting, bestelling: Bestelling) -> str:
    parties = partijen(acting, bestelling)
    if statemachine.AFNEMER in parties or statemachine.BUDGETHOUDER in parties:
        return AuteurRol.AFNEMER
    if statemachine.LEVERANCIER in parties:
        return AuteurRol.LEVERANCIER
    return AuteurRol.BROKER


def _actor(acting: Acting) -> tuple[str, str]:
    return (acting.user_id or acting.client_id)[:255], (acting.user_representation or acting.label)[:255]


# --- the order itself -----------------------------------------------------------------------


def _publish(bestelling: Bestelling, actie: str, instance=None) -> None:
    events.publish(kanalen.BESTELLINGEN, instance or bestelling, actie)


def _audit(
    acting: Acting, actie: str, bestelling: Bestelling, instance, before: dict | None, *, side: str = ""
) -> None:
    """The audit entry of a change of the order or a resource under it: the order's
    representation before and after. ``side`` (afnemer, leverancier, broker) limits who reads
    the entry besides the broker, for what only that side may see (an internal message)."""
    record_audit(
        acting=acting,
        actie=actie,
        instance=instance,
        main=bestelling,
        before=before,
        organisatie_id=bestelling.besteller_id if side in ("", AuteurRol.AFNEMER) else None,
        leverancier_id=bestelling.leverancier_id if side in ("", AuteurRol.LEVERANCIER) else None,
    )


def lock(bestelling: Bestelling) -> Bestelling:
    """The order re-read under a row lock: every change starts here."""
    return (
        Bestelling.objects.select_for_update(of=("self",))
        .select_related("besteller", "leverancier")
        .get(pk=bestelling.pk)
    )


# --- messages, deliveries, cancellations ----------------------------------------------------


def _add_bericht(acting, bestelling: Bestelling, inhoud: str, zichtbaarheid: str) -> Bericht:
    actor, _ = _actor(acting)
    return Bericht.objects.create(
        bestelling=bestelling,
        auteur_rol=_auteur_rol(acting, bestelling),
        auteur=actor,
        zichtbaarheid=zichtbaarheid,
        inhoud=inhoud,
    )


def version_mismatch() -> errors.VersionMismatch:
    """``If-Match`` names another version than the order has now."""
    return errors.VersionMismatch(
        "De bestelling is gewijzigd sinds u haar las (If-Match klopt niet); lees haar opnieuw.",
        code="precondition_failed",
    )


def check_version(bestelling: Bestelling, expected: int | None) -> None:
    """Under the row lock: the version the client read (``If-Match``) is still the current one."""
    if expected is not None and expected != bestelling.versie:
        raise version_mismatch()
