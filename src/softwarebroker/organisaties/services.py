"""The single place where organisations and their budget holders' mandates change.

Each function takes who acts, checks :mod:`.rules`, writes, and records the audit entry
(an organisation is its own tenant), in one transaction.
"""

from __future__ import annotations

from django.db import transaction

from softwarebroker.audit.services import record_audit, snapshot
from softwarebroker.autorisaties.context import normalise_user_id
from softwarebroker.core import errors
from softwarebroker.core.writes import delete_or_conflict, resulting_values

from . import rules
from .models import Mandaat, Organisatie


def _audit(acting, actie: str, organisatie: Organisatie, before, instance=None, partial=False) -> None:
    record_audit(
        acting=acting,
        actie="partial_update" if partial and actie == "update" else actie,
        instance=instance or organisatie,
        main=organisatie,
        before=before,
        organisatie_id=organisatie.pk,
    )


@transaction.atomic
def create_organisatie(*, acting, deelnemers=(), **fields) -> Organisatie:
    organisatie = Organisatie(**fields)
    errors.raise_if_any(rules.check_organisatie(resulting_values(organisatie, fields)))
    organisatie.save()
    organisatie.deelnemers.set(deelnemers)
    _audit(acting, "create", organisatie, None)
    return organisatie


@transaction.atomic
def update_organisatie(*, acting, organisatie: Organisatie, partial: bool = False, **changes) -> Organisatie:
    organisatie = Organisatie.objects.select_for_update().get(pk=organisatie.pk)
    deelnemers = changes.pop("deelnemers", None)
    errors.raise_if_any(
        rules.check_organisatie(resulting_values(organisatie, changes), organisatie, deelnemers)
    )
    before = snapshot(organisatie)
    for name, value in changes.items():
        setattr(organisatie, name, value)
    organisatie.save()
    if deelnemers is not None:
        organisatie.deelnemers.set(deelnemers)
    _audit(acting, "update", organisatie, before, partial=partial)
    return organisatie


@transaction.atomic
def delete_organisatie(*, acting, organisatie: Organisatie) -> None:
    before, pk = snapshot(organisatie), organisatie.pk
    delete_or_conflict(organisatie)
    record_audit(acting=acting, actie="destroy", instance=organisatie, before=before, organisatie_id=pk)


@transaction.atomic
def set_mandaat(*, acting, organisatie: Organisatie, gebruikers_id: str, **fields) -> Mandaat:
    """The mandate of one budget holder of the organisation, created or changed.

    ``gebruikers_id`` is normalised as a token's ``user_id`` is, so the mandate is found
    whatever case or surrounding spaces either was written with."""
    gebruikers_id = normalise_user_id(gebruikers_id)
    organisatie = Organisatie.objects.select_for_update().get(pk=organisatie.pk)
    mandaat = Mandaat.objects.filter(organisatie=organisatie, gebruikers_id=gebruikers_id).first()
    errors.raise_if_any(rules.check_mandaat(fields, mandaat))
    before = snapshot(organisatie)
    created = mandaat is None
    mandaat = mandaat or Mandaat(organisatie=organisatie, gebruikers_id=gebruikers_id)
    for name, value in fields.items():
        setattr(mandaat, name, value)
    mandaat.save()
    _audit(acting, "create" if created else "update", organisatie, before, instance=mandaat)
    return mandaat


@transaction.atomic
def create_mandaat(*, acting, organisatie: Organisatie, gebruikers_id: str, **fields) -> Mandaat:
    gebruikers_id = normalise_user_id(gebruikers_id)
    if Mandaat.objects.filter(organisatie=organisatie, gebruikers_id=gebruikers_id).exists():
        raise errors.Invalid(
            [("gebruikersId", "unique", "Deze persoon heeft al een mandaat bij deze organisatie.")]
        )
    return set_mandaat(acting=acting, organisatie=organisatie, gebruikers_id=gebruikers_id, **fields)


@transaction.atomic
def update_mandaat(*, acting, mandaat: Mandaat, **changes) -> Mandaat:
    mandaat = Mandaat.objects.select_for_update().get(pk=mandaat.pk)
    if "gebruikers_id" in changes:
        changes["gebruikers_id"] = normalise_user_id(changes["gebruikers_id"])
    errors.raise_if_any(rules.check_mandaat(resulting_values(mandaat, changes), mandaat))
    before = snapshot(mandaat.organisatie)
    for name, value in changes.items():
        setattr(mandaat, name, value)
    mandaat.save()
    _audit(acting, "update", mandaat.organisatie, before, instance=mandaat)
    return mandaat


@transaction.atomic
def delete_mandaat(*, acting, mandaat: Mandaat) -> None:
    organisatie = mandaat.organisatie
    before = snapshot(organisatie)
    mandaat.delete()
    _audit(acting, "destroy", organisatie, before, instance=mandaat)
