"""The single place where the catalogue changes.

Every function takes who acts (``acting``) and runs in one transaction: it checks the
catalogue's rules (:mod:`.rules`) and the supplier's ownership, writes, keeps the search
columns current, records the audit entry and publishes the event of its kanaal. The API,
the admin, the publiccode import, demo data and commands all come through here.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction

from softwarebroker.audit.services import record_audit, snapshot
from softwarebroker.core import errors, events
from softwarebroker.core.writes import delete_or_conflict, resulting_values

from . import kanalen, rules, search
from .constants import PublicatieStatus
from .models import (
    Aanbieding,
    Categorie,
    Leverancier,
    Prijs,
    Raamovereenkomst,
    Softwarepakket,
    Softwarepakketversie,
)

# --- what every change shares ------------------------------------------------------------------


def _check(rule, instance, changes: dict) -> None:
    errors.raise_if_any(
        rule(resulting_values(instance, changes), instance if instance.pk is not None else None)
    )


def _write(instance, fields: dict, many_to_many: dict | None = None):
    for name, value in fields.items():
        setattr(instance, name, value)
    instance.save()
    for name, values in (many_to_many or {}).items():
        if values is not None:
            getattr(instance, name).set(values)
    return instance


def _split(fields: dict, *names: str) -> tuple[dict, dict]:
    many_to_many = {name: fields.pop(name) for name in names if name in fields}
    return fields, many_to_many


def _tenant(instance) -> dict:
    """Whose data the object is, for the audit trail (offers and prices: their supplier's)."""
    if isinstance(instance, Leverancier):
        return {"leverancier_id": instance.pk}
    if isinstance(instance, Aanbieding):
        return {"leverancier_id": instance.leverancier_id}
    if isinstance(instance, Prijs):
        return {"leverancier_id": instance.aanbieding.leverancier_id}
    return {}


def _audit(
    acting, actie: str, instance, before, *, partial: bool = False, tenant: dict | None = None
) -> None:
    record_audit(
        acting=acting,
        actie="partial_update" if partial and actie == "update" else actie,
        instance=instance,
        before=before,
        **(_tenant(instance) if tenant is None else tenant),
    )


def _locked(instance):
    return type(instance).objects.select_for_update().get(pk=instance.pk)


def _delete(acting, instance) -> None:
    before, tenant = snapshot(instance), _tenant(instance)
    delete_or_conflict(instance)
    _audit(acting, "destroy", instance, before, tenant=tenant)


def check_owner(acting, leverancier) -> None:
    """Offers and prices belong to a supplier: only that supplier (and the broker) changes them."""
    if acting.is_broker:
        return
    if acting.leverancier is None or leverancier is None or acting.leverancier.pk != leverancier.pk:
        raise errors.NotAllowed(
            "Alleen de eigen leverancier (of de broker) mag deze aanbieding en haar prijzen wijzigen.",
            code="autorisatie",
        )


# --- categories ----------------------------------------------------------------------------------


@transaction.atomic
def create_categorie(*, acting, **fields) -> Categorie:
    categorie = Categorie()
    _check(rules.check_categorie, categorie, fields)
    _write(categorie, fields)
    _audit(acting, "create", categorie, None)
    return categorie


@transaction.atomic
def update_categorie(*, acting, categorie: Categorie, partial: bool = False, **changes) -> Categorie:
    categorie = _locked(categorie)
    _check(rules.check_categorie, categorie, changes)
    before = snapshot(categorie)
    _write(categorie, changes)
    pakketten = categorie.softwarepakket_set.values_list("id", flat=True)
    search.refresh_softwarepakketten(pakketten)
    search.refresh_aanbiedingen_of_softwarepakketten(pakketten)
    _audit(acting, "update", categorie, before, partial=partial)
    return categorie


@transaction.atomic
def delete_categorie(*, acting, categorie: Categorie) -> None:
    if categorie.subcategorieen.exists():
        raise errors.Conflict(
            "Deze categorie heeft subcategorieën en kan niet worden verwijderd.", code="in_use"
        )
    if categorie.softwarepakket_set.exists():
        raise errors.Conflict(
            "Deze categorie is in gebruik bij softwarepakketten en kan niet worden verwijderd.", code="in_use"
        )
    _delete(acting, categorie)


# --- suppliers -----------------------------------------------------------------------------------


@transaction.atomic
def create_leverancier(*, acting, **fields) -> Leverancier:
    leverancier = Leverancier()
    _check(rules.check_leverancier, leverancier, fields)
    _write(leverancier, fields)
    _audit(acting, "create", leverancier, None)
    return leverancier


@transaction.atomic
def leverancier_with_kvk_nummer(*, acting, kvk_nummer: str, naam: str) -> Leverancier:
    """The supplier with this KvK number, created with this name if there is none yet."""
    return Leverancier.objects.filter(kvk_nummer=kvk_nummer).first() or create_leverancier(
        acting=acting, kvk_nummer=kvk_nummer, naam=naam
    )


@transaction.atomic
def update_leverancier(*, acting, leverancier: Leverancier, partial: bool = False, **changes) -> Leverancier:
    leverancier = _locked(leverancier)
    _check(rules.check_leverancier, leverancier, changes)
    before = snapshot(leverancier)
    _write(leverancier, changes)
    if "naam" in changes:
        search.refresh_softwarepakketten(leverancier.softwarepakketten.values_list("id", flat=True))
        search.refresh_aanbiedingen(leverancier.aanbiedingen.values_list("id", flat=True))
    _audit(acting, "update", leverancier, before, partial=partial)
    return leverancier


@transaction.atomic
def delete_leverancier(*, acting, leverancier: Leverancier) -> None:
    if (
        leverancier.aanbiedingen.exists()
        or leverancier.softwarepakketten.exists()
        or leverancier.applicaties.exists()
    ):
        raise errors.Conflict(
            "Deze leverancier heeft aanbiedingen, softwarepakketten of API-clients; "
            "schors haar in plaats daarvan.",
            code="in_use",
        )
    _delete(acting, leverancier)


# --- software packages and versions ------------------------------------------------------------


def _pakket_changed(pakket: Softwarepakket) -> None:
    search.refresh_softwarepakketten([pakket.id])
    search.refresh_aanbiedingen_of_softwarepakketten([pakket.id])


@transaction.atomic
def create_softwarepakket(*, acting, **fields) -> Softwarepakket:
    fields, many_to_many = _split(fields, "categorieen")
    pakket = Softwarepakket()
    _check(rules.check_softwarepakket, pakket, fields)
    _write(pakket, fields, many_to_many)
    _pakket_changed(pakket)
    _audit(acting, "create", pakket, None)
    events.publish(kanalen.SOFTWAREPAKKETTEN, pakket, "create")
    return pakket


@transaction.atomic
def update_softwarepakket(
    *, acting, softwarepakket: Softwarepakket, partial: bool = False, **changes
) -> Softwarepakket:
    pakket = _locked(softwarepakket)
    changes, many_to_many = _split(changes, "categorieen")
    _check(rules.check_softwarepakket, pakket, changes)
    before, old_status = snapshot(pakket), pakket.status
    _write(pakket, changes, many_to_many)
    _pakket_changed(pakket)
    _audit(acting, "update", pakket, before, partial=partial)
    events.publish(kanalen.SOFTWAREPAKKETTEN, pakket, "status" if pakket.status != old_status else "update")
    return pakket


@transaction.atomic
def delete_softwarepakket(*, acting, softwarepakket: Softwarepakket) -> None:
    if softwarepakket.status != PublicatieStatus.CONCEPT:
        raise errors.Conflict(
            "Alleen een concept kan worden verwijderd; trek een gepubliceerd softwarepakket in.",
            code="in_use",
        )
    if softwarepakket.aanbiedingen.exists() or softwarepakket.versies.exists():
        raise errors.Conflict(
            "Dit softwarepakket heeft aanbiedingen of versies en kan niet worden verwijderd.", code="in_use"
        )
    events.publish(kanalen.SOFTWAREPAKKETTEN, softwarepakket, "destroy")
    _delete(acting, softwarepakket)


@transaction.atomic
def create_softwarepakketversie(*, acting, **fields) -> Softwarepakketversie:
    versie = Softwarepakketversie()
    _check(rules.check_softwarepakketversie, versie, fields)
    _write(versie, fields)
    _audit(acting, "create", versie, None)
    events.publish(kanalen.SOFTWAREPAKKETTEN, versie, "create", acting=acting)
    return versie


@transaction.atomic
def update_softwarepakketversie(
    *, acting, softwarepakketversie: Softwarepakketversie, partial: bool = False, **changes
) -> Softwarepakketversie:
    versie = _locked(softwarepakketversie)
    _check(rules.check_softwarepakketversie, versie, changes)
    before = snapshot(versie)
    _write(versie, changes)
    _audit(acting, "update", versie, before, partial=partial)
    events.publish(kanalen.SOFTWAREPAKKETTEN, versie, "update", acting=acting)
    return versie


@transaction.atomic
def delete_softwarepakketversie(*, acting, softwarepakketversie: Softwarepakketversie) -> None:
    events.publish(kanalen.SOFTWAREPAKKETTEN, softwarepakketversie, "destroy")
    _delete(acting, softwarepakketversie)


# --- offers and prices ---------------------------------------------------------------------------


@transaction.atomic
def create_aanbieding(*, acting, **fields) -> Aanbieding:
    aanbieding = Aanbieding()
    _check(rules.check_aanbieding, aanbieding, fields)
    check_owner(acting, fields.get("leverancier"))
    _write(aanbieding, fields)
    search.refresh_aanbiedingen([aanbieding.id])
    _audit(acting, "create", aanbieding, None)
    events.publish(kanalen.AANBIEDINGEN, aanbieding, "create")
    return aanbieding


@transaction.atomic
def update_aanbieding(*, acting, aanbieding: Aanbieding, partial: bool = False, **changes) -> Aanbieding:
    aanbieding = _locked(aanbieding)
    _check(rules.check_aanbieding, aanbieding, changes)
    check_owner(acting, aanbieding.leverancier)
    check_owner(acting, changes.get("leverancier", aanbieding.leverancier))
    before, old_status = snapshot(aanbieding), aanbieding.status
    _write(aanbieding, changes)
    search.refresh_aanbiedingen([aanbieding.id])
    _audit(acting, "update", aanbieding, before, partial=partial)
    events.publish(
        kanalen.AANBIEDINGEN, aanbieding, "status" if aanbieding.status != old_status else "update"
    )
    return aanbieding


@transaction.atomic
def delete_aanbieding(*, acting, aanbieding: Aanbieding) -> None:
    check_owner(acting, aanbieding.leverancier)
    if aanbieding.status != PublicatieStatus.CONCEPT:
        raise errors.Conflict(
            "Alleen een concept kan worden verwijderd; trek een gepubliceerde aanbieding in.", code="in_use"
        )
    events.publish(kanalen.AANBIEDINGEN, aanbieding, "destroy")
    _delete(acting, aanbieding)  # its prices go with it: a concept was never orderable


def _save_prijs(prijs: Prijs, fields: dict) -> Prijs:
    # Serialise price writes per offer, then check overlap; the exclusion constraint is the backstop.
    Aanbieding.objects.select_for_update().get(pk=(fields.get("aanbieding") or prijs.aanbieding).pk)
    _check(rules.check_prijs, prijs, fields)
    try:
        with transaction.atomic():
            return _write(prijs, fields)
    except IntegrityError:
        # Another writer got in between (the exclusion constraint): the same answer, shorter.
        raise errors.Invalid(
            [
                (
                    "geldigVanaf",
                    "overlap",
                    "Er geldt in deze periode al een prijs van dit type en deze grondslag voor deze "
                    "doelgroep.",
                )
            ]
        ) from None


@transaction.atomic
def create_prijs(*, acting, **fields) -> Prijs:
    aanbieding = fields.get("aanbieding")
    check_owner(acting, aanbieding.leverancier if aanbieding else None)
    prijs = _save_prijs(Prijs(), fields)
    _audit(acting, "create", prijs, None)
    events.publish(kanalen.AANBIEDINGEN, prijs, "create")
    return prijs


@transaction.atomic
def update_prijs(*, acting, prijs: Prijs, partial: bool = False, **changes) -> Prijs:
    prijs = Prijs.objects.select_related("aanbieding__leverancier").get(pk=prijs.pk)
    check_owner(acting, prijs.aanbieding.leverancier)
    check_owner(acting, changes.get("aanbieding", prijs.aanbieding).leverancier)
    before = snapshot(prijs)
    prijs = _save_prijs(prijs, changes)
    _audit(acting, "update", prijs, before, partial=partial)
    events.publish(kanalen.AANBIEDINGEN, prijs, "update")
    return prijs


@transaction.atomic
def delete_prijs(*, acting, prijs: Prijs) -> None:
    check_owner(acting, prijs.aanbieding.leverancier)
    if prijs.aanbieding.status != PublicatieStatus.CONCEPT:
        raise errors.Conflict(
            "Prijzen van een gepubliceerde aanbieding blijven bewaard; laat de prijs eindigen (geldigTot).",
            code="in_use",
        )
    events.publish(kanalen.AANBIEDINGEN, prijs, "destroy")
    _delete(acting, prijs)


# --- framework agreements ------------------------------------------------------------------------


@transaction.atomic
def create_raamovereenkomst(*, acting, **fields) -> Raamovereenkomst:
    fields, many_to_many = _split(fields, "leveranciers", "deelnemers")
    raamovereenkomst = Raamovereenkomst()
    _check(rules.check_raamovereenkomst, raamovereenkomst, fields)
    _write(raamovereenkomst, fields, many_to_many)
    _audit(acting, "create", raamovereenkomst, None)
    return raamovereenkomst


@transaction.atomic
def update_raamovereenkomst(
    *, acting, raamovereenkomst: Raamovereenkomst, partial: bool = False, **changes
) -> Raamovereenkomst:
    raamovereenkomst = _locked(raamovereenkomst)
    changes, many_to_many = _split(changes, "leveranciers", "deelnemers")
    _check(rules.check_raamovereenkomst, raamovereenkomst, changes)
    before = snapshot(raamovereenkomst)
    _write(raamovereenkomst, changes, many_to_many)
    _audit(acting, "update", raamovereenkomst, before, partial=partial)
    return raamovereenkomst


@transaction.atomic
def delete_raamovereenkomst(*, acting, raamovereenkomst: Raamovereenkomst) -> None:
    if raamovereenkomst.aanbiedingen.exists():
        raise errors.Conflict(
            "Er vallen aanbiedingen onder deze raamovereenkomst; beëindig haar in plaats daarvan.",
            code="in_use",
        )
    _delete(acting, raamovereenkomst)
