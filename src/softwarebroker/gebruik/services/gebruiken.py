"""Registering, changing and ending the use of software by an organisation."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone

from softwarebroker.audit.services import snapshot
from softwarebroker.catalogus.rules import referentiecomponent_problems
from softwarebroker.core import errors

from ..constants import ORDER, GebruikStatus
from ..models import Attentie, Gebruik
from .common import audit, check_may_manage, check_version, history, lock, publish, today

# What a PATCH may change; organisation and package make another use (register that one).
WIJZIGBAAR = (
    "softwarepakketversie",
    "referentiecomponenten",
    "licentie",
    "bedrijfskritisch",
    "verwerkt_persoonsgegevens",
    "vertrouwelijk",
    "toelichting",
)


def _problems(organisatie, softwarepakket, values: dict, instance: Gebruik | None) -> list:
    problems = []
    versie = values.get("softwarepakketversie")
    if versie is not None and versie.softwarepakket_id != softwarepakket.pk:
        problems.append(
            ("softwarepakketversie", "ander_pakket", "Deze versie hoort bij een ander softwarepakket.")
        )
    problems += referentiecomponent_problems(
        values.get("referentiecomponenten") or [],
        already=instance.referentiecomponenten if instance is not None else (),
    )
    licentie = values.get("licentie")
    if licentie is not None:
        if licentie.organisatie_id != organisatie.pk:
            problems.append(
                ("licentie", "andere_organisatie", "Deze licentie is van een andere organisatie.")
            )
        elif licentie.softwarepakket_id is not None and licentie.softwarepakket_id != softwarepakket.pk:
            problems.append(("licentie", "ander_pakket", "Deze licentie is voor een ander softwarepakket."))
    return problems


def _duplicate(organisatie, softwarepakket, versie) -> errors.Conflict:
    return errors.Conflict(
        f"{organisatie.naam} heeft dit gebruik van {softwarepakket.naam}"
        + (f" {versie.versie}" if versie is not None else " (zonder versie)")
        + " al geregistreerd; wijzig dat.",
        code="bestaat_al",
        field="softwarepakketversie",
    )


def insert(acting, *, organisatie, softwarepakket, status, statusdatum, **values) -> Gebruik:
    """A new use, its first history entry, audit entry and event (rules checked by the caller)."""
    gebruik = Gebruik(
        organisatie=organisatie, softwarepakket=softwarepakket, status=status, statusdatum=statusdatum
    )
    for name, value in values.items():
        setattr(gebruik, name, value)
    try:
        with transaction.atomic():
            gebruik.save(force_insert=True)
    except IntegrityError:
        raise _duplicate(organisatie, softwarepakket, gebruik.softwarepakketversie) from None
    history(acting, gebruik, "", gebruik.status, gebruik.statusdatum, "Geregistreerd.")
    audit(acting, "create", gebruik, None)
    publish(gebruik, "create")
    return gebruik


@transaction.atomic
def create_gebruik(
    *,
    acting,
    organisatie,
    softwarepakket,
    softwarepakketversie=None,
    referentiecomponenten=None,
    licentie=None,
    status: str = GebruikStatus.IN_PRODUCTIE,
    statusdatum=None,
    bedrijfskritisch: bool = False,
    verwerkt_persoonsgegevens: bool = False,
    vertrouwelijk: bool = False,
    toelichting: str = "",
) -> Gebruik:
    check_may_manage(acting, organisatie.pk)
    values = {
        "softwarepakketversie": softwarepakketversie,
        "referentiecomponenten": list(referentiecomponenten or []),
        "licentie": licentie,
    }
    errors.raise_if_any(_problems(organisatie, softwarepakket, values, None))
    return insert(
        acting,
        organisatie=organisatie,
        softwarepakket=softwarepakket,
        status=status,
        statusdatum=statusdatum or today(),
        bedrijfskritisch=bedrijfskritisch,
        verwerkt_persoonsgegevens=verwerkt_persoonsgegevens,
        vertrouwelijk=vertrouwelijk,
        toelichting=toelichting or "",
        **values,
    )


def _close_alerts_of_version(gebruik: Gebruik) -> None:
    Attentie.objects.filter(gebruik=gebruik, afgehandeld_op__isnull=True).exclude(
        softwarepakketversie_id=gebruik.softwarepakketversie_id
    ).update(afgehandeld_op=timezone.now())


@transaction.atomic
def update_gebruik(
    *, acting, gebruik: Gebruik, partial: bool = False, expected_versie=None, **changes
) -> Gebruik:
    gebruik = lock(gebruik)
    check_may_manage(acting, gebruik.organisatie_id)
    check_version(gebruik, expected_versie)
    problems = []
    for name in ("organisatie", "softwarepakket"):
        if name in changes and getattr(changes[name], "pk", None) != getattr(gebruik, f"{name}_id"):
            problems.append(
                (name, "onveranderlijk", "Registreer een ander gebruik in plaats van dit te wijzigen.")
            )
    if "status" in changes and changes["status"] != gebruik.status:
        problems.append(
            ("status", "via_statuswijziging", "Wijzig de status via /gebruiken/{uuid}/statuswijzigingen.")
        )
    if "statusdatum" in changes and changes["statusdatum"] != gebruik.statusdatum:
        problems.append(("statusdatum", "via_statuswijziging", "De datum hoort bij een statuswijziging."))
    fields = {name: value for name, value in changes.items() if name in WIJZIGBAAR}
    problems += _problems(gebruik.organisatie, gebruik.softwarepakket, fields, gebruik)
    errors.raise_if_any(problems)
    before = snapshot(gebruik)
    old_versie = gebruik.softwarepakketversie_id
    for name, value in fields.items():
        setattr(gebruik, name, value)
    gebruik.versie += 1
    try:
        with transaction.atomic():
            gebruik.save()
    except IntegrityError:
        raise _duplicate(gebruik.organisatie, gebruik.softwarepakket, gebruik.softwarepakketversie) from None
    if gebruik.softwarepakketversie_id != old_versie:
        # Alerts were about the version left behind.
        _close_alerts_of_version(gebruik)
    audit(acting, "update", gebruik, before)
    publish(gebruik, "update")
    return gebruik


def allowed_targets(gebruik: Gebruik, previous: str | None) -> set[str]:
    """Forward always; back only to the status the use had right before (undo of one step);
    nothing after uitgefaseerd."""
    if gebruik.status == GebruikStatus.UITGEFASEERD:
        return set()
    position = ORDER.index(gebruik.status)
    targets = set(ORDER[position + 1 :])
    if previous and ORDER.index(previous) < position:
        targets.add(previous)
    return targets


@transaction.atomic
def wijzig_status(*, acting, gebruik: Gebruik, naar_status: str, datum=None, toelichting: str = ""):
    gebruik = lock(gebruik)
    check_may_manage(acting, gebruik.organisatie_id)
    last = gebruik.statuswijzigingen.order_by("-geregistreerd_op", "-id").first()
    previous = last.van_status if last is not None else None
    targets = allowed_targets(gebruik, previous)
    if naar_status not in targets:
        toegestaan = ", ".join(status for status in ORDER if status in targets) or "geen"
        raise errors.Conflict(
            f"Een gebruik met status {gebruik.status} kan niet naar {naar_status}; "
            f"de geschiedenis staat toe: {toegestaan}.",
            code="status_overgang",
            field="naarStatus",
        )
    datum = datum or today()
    if datum < gebruik.statusdatum:
        errors.raise_if_any(
            [
                (
                    "datum",
                    "voor_vorige",
                    f"De datum ligt voor die van de huidige status ({gebruik.statusdatum}).",
                )
            ]
        )
    before = snapshot(gebruik)
    wijziging = history(acting, gebruik, gebruik.status, naar_status, datum, toelichting)
    gebruik.status, gebruik.statusdatum = naar_status, datum
    gebruik.versie += 1
    gebruik.save(update_fields=["status", "statusdatum", "versie", "gewijzigd_op"])
    if naar_status == GebruikStatus.UITGEFASEERD:
        gebruik.attenties.filter(afgehandeld_op__isnull=True).update(afgehandeld_op=timezone.now())
    audit(acting, "update", gebruik, before, instance=wijziging)
    publish(gebruik, "status")
    return wijziging


@transaction.atomic
def delete_gebruik(*, acting, gebruik: Gebruik) -> None:
    gebruik = lock(gebruik)
    check_may_manage(acting, gebruik.organisatie_id)
    if gebruik.licentie_id is not None:
        raise errors.Conflict(
            "Een gebruik onder een licentie wordt niet verwijderd (een volgende levering zou het opnieuw "
            "registreren); zet het op uitgefaseerd.",
            code="onder_licentie",
        )
    before = snapshot(gebruik)
    publish(gebruik, "destroy")
    audit(acting, "destroy", gebruik, before)
    gebruik.delete()
