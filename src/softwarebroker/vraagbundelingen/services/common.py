"""What every change of a round shares: who acts (as which party), the row lock, the status
history, the audit entry and the event."""

from __future__ import annotations

from softwarebroker.audit.services import record_audit
from softwarebroker.autorisaties.context import Acting
from softwarebroker.autorisaties.scopes import Rol
from softwarebroker.core import errors, events

from .. import kanalen
from ..models import Deelname, DeelnameStatuswijziging, Vraagbundeling, VraagbundelingStatuswijziging


def actor(acting: Acting) -> tuple[str, str]:
    return (acting.user_id or acting.client_id)[:255], (acting.user_representation or acting.label)[:255]


def is_afnemer_of(acting: Acting, organisatie_id) -> bool:
    return (
        Rol.AFNEMER in acting.roles
        and acting.organisatie is not None
        and acting.organisatie.pk == organisatie_id
    )


def is_budgethouder_of(acting: Acting, organisatie_id) -> bool:
    return (
        Rol.BUDGETHOUDER in acting.roles
        and acting.organisatie is not None
        and acting.organisatie.pk == organisatie_id
    )


def is_initiatiefnemer(acting: Acting, vraagbundeling: Vraagbundeling) -> bool:
    return is_afnemer_of(acting, vraagbundeling.initiatiefnemer_id)


def is_leverancier(acting: Acting, vraagbundeling: Vraagbundeling) -> bool:
    return (
        Rol.LEVERANCIER in acting.roles
        and acting.leverancier is not None
        and acting.leverancier.pk == vraagbundeling.aanbieding.leverancier_id
    )


def not_allowed(message: str) -> errors.NotAllowed:
    return errors.NotAllowed(message, code="rol")


def lock(vraagbundeling: Vraagbundeling) -> Vraagbundeling:
    """The round re-read under a row lock: every change of it or its deelnames starts here, so
    changes of one round take turns and its totals are always those of its stored deelnames."""
    return (
        Vraagbundeling.objects.select_for_update(of=("self",))
        .select_related("aanbieding__leverancier", "aanbieding__raamovereenkomst", "initiatiefnemer")
        .get(pk=vraagbundeling.pk)
    )


def lock_deelname(deelname: Deelname) -> tuple[Vraagbundeling, Deelname]:
    vraagbundeling = lock(deelname.vraagbundeling)
    return vraagbundeling, Deelname.objects.select_related("organisatie").get(pk=deelname.pk)


def check_version(instance, expected: int | None, noun: str) -> None:
    """Under the row lock: the version the client read (``If-Match``) is still the current one."""
    if expected is not None and expected != instance.versie:
        raise errors.VersionMismatch(
            f"De {noun} is gewijzigd sinds u haar las (If-Match klopt niet); lees haar opnieuw.",
            code="precondition_failed",
        )


def audit(
    acting, actie: str, vraagbundeling: Vraagbundeling, instance, before, *, organisatie_id=None
) -> None:
    """The audit entry of a change of the round or a resource under it (before and after: the
    round's representation, which shows totals only). A deelname's entry is read by its own
    organisation and the broker; the round's by the initiator, the supplier and the broker."""
    if organisatie_id is None:
        record_audit(
            acting=acting,
            actie=actie,
            instance=instance,
            main=vraagbundeling,
            before=before,
            organisatie_id=vraagbundeling.initiatiefnemer_id,
            leverancier_id=vraagbundeling.aanbieding.leverancier_id,
        )
    else:
        record_audit(
            acting=acting,
            actie=actie,
            instance=instance,
            main=vraagbundeling,
            before=before,
            organisatie_id=organisatie_id,
        )


def publish(instance, actie: str) -> None:
    events.publish(kanalen.VRAAGBUNDELINGEN, instance, actie)


def round_status(
    acting, vraagbundeling: Vraagbundeling, naar: str, toelichting: str = ""
) -> VraagbundelingStatuswijziging:
    name, weergave = actor(acting)
    wijziging = VraagbundelingStatuswijziging.objects.create(
        vraagbundeling=vraagbundeling,
        van_status=vraagbundeling.status,
        naar_status=naar,
        toelichting=toelichting or "",
        actor=name,
        actor_weergave=weergave,
    )
    vraagbundeling.status = naar
    vraagbundeling.versie += 1
    return wijziging


def deelname_status(acting, deelname: Deelname, naar: str, toelichting: str = "") -> DeelnameStatuswijziging:
    name, weergave = actor(acting)
    wijziging = DeelnameStatuswijziging.objects.create(
        deelname=deelname,
        van_status=deelname.status,
        naar_status=naar,
        toelichting=toelichting or "",
        actor=name,
        actor_weergave=weergave,
    )
    deelname.status = naar
    deelname.versie += 1
    return wijziging
