"""The single place where the catalogue changes. Each function runs in one transaction,
keeps the search columns current and publishes the change as an event."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from softwarebroker.api.exceptions import APIProblem

from . import events, rules, search
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

_raise = rules.raise_problems


def _write(instance, fields: dict, m2m: dict | None = None):
    for name, value in fields.items():
        setattr(instance, name, value)
    instance.save()
    for name, values in (m2m or {}).items():
        if values is not None:
            getattr(instance, name).set(values)
    return instance


def _split(fields: dict, *names: str) -> tuple[dict, dict]:
    m2m = {name: fields.pop(name) for name in names if name in fields}
    return fields, m2m


def _refuse_delete(detail: str):
    raise APIProblem(status=409, code="in_use", detail=detail)


# --- categories -------------------------------------------------------------------------


def _check_parent(categorie: Categorie | None, parent: Categorie | None) -> None:
    if parent is None or categorie is None or categorie.pk is None:
        return
    if parent == categorie or categorie in parent.ancestors():
        _raise(
            [
                (
                    "bovenliggendeCategorie",
                    "cycle",
                    "Een categorie kan niet onder zichzelf of een eigen subcategorie vallen.",
                )
            ]
        )


@transaction.atomic
def create_categorie(*, naam: str, omschrijving: str = "", bovenliggende_categorie=None) -> Categorie:
    return Categorie.objects.create(
        naam=naam, omschrijving=omschrijving, bovenliggende_categorie=bovenliggende_categorie
    )


@transaction.atomic
def update_categorie(*, categorie: Categorie, **changes) -> Categorie:
    categorie = Categorie.objects.select_for_update().get(pk=categorie.pk)
    if "bovenliggende_categorie" in changes:
        _check_parent(categorie, changes["bovenliggende_categorie"])
    _write(categorie, changes)
    search.refresh_softwarepakketten(categorie.softwarepakket_set.values_list("id", flat=True))
    search.refresh_aanbiedingen_of_softwarepakketten(
        categorie.softwarepakket_set.values_list("id", flat=True)
    )
    return categorie


@transaction.atomic
def delete_categorie(*, categorie: Categorie) -> None:
    if categorie.subcategorieen.exists():
        _refuse_delete("Deze categorie heeft subcategorieën en kan niet worden verwijderd.")
    if categorie.softwarepakket_set.exists():
        _refuse_delete("Deze categorie is in gebruik bij softwarepakketten en kan niet worden verwijderd.")
    categorie.delete()


# --- suppliers --------------------------------------------------------------------------


@transaction.atomic
def create_leverancier(**fields) -> Leverancier:
    return _write(Leverancier(), fields)


@transaction.atomic
def leverancier_with_kvk_nummer(*, kvk_nummer: str, naam: str) -> Leverancier:
    """The supplier with this KvK number, created with this name if there is none yet."""
    return Leverancier.objects.filter(kvk_nummer=kvk_nummer).first() or create_leverancier(
        kvk_nummer=kvk_nummer, naam=naam
    )


@transaction.atomic
def update_leverancier(*, leverancier: Leverancier, **changes) -> Leverancier:
    leverancier = Leverancier.objects.select_for_update().get(pk=leverancier.pk)
    _raise(rules.check_leverancier({**changes}, leverancier))
    _write(leverancier, changes)
    if "naam" in changes:
        ids = leverancier.softwarepakketten.values_list("id", flat=True)
        search.refresh_softwarepakketten(ids)
        search.refresh_aanbiedingen(leverancier.aanbiedingen.values_list("id", flat=True))
    return leverancier


@transaction.atomic
def delete_leverancier(*, leverancier: Leverancier) -> None:
    if (
        leverancier.aanbiedingen.exists()
        or leverancier.softwarepakketten.exists()
        or leverancier.applicaties.exists()
    ):
        _refuse_delete(
            "Deze leverancier heeft aanbiedingen, softwarepakketten of API-clients; "
            "schors haar in plaats daarvan."
        )
    leverancier.delete()


# --- software packages and versions ---------------------------------------------------


def _pakket_changed(pakket: Softwarepakket, actie: str) -> None:
    search.refresh_softwarepakketten([pakket.id])
    search.refresh_aanbiedingen_of_softwarepakketten([pakket.id])
    events.publish(kanaal=events.SOFTWAREPAKKETTEN, actie=actie, instance=pakket)


@transaction.atomic
def create_softwarepakket(**fields) -> Softwarepakket:
    fields, m2m = _split(fields, "categorieen")
    pakket = _write(Softwarepakket(), fields, m2m)
    _pakket_changed(pakket, "create")
    return pakket


@transaction.atomic
def update_softwarepakket(*, softwarepakket: Softwarepakket, **changes) -> Softwarepakket:
    pakket = Softwarepakket.objects.select_for_update().get(pk=softwarepakket.pk)
    old_status = pakket.status
    changes, m2m = _split(changes, "categorieen")
    _write(pakket, changes, m2m)
    _pakket_changed(pakket, "status" if pakket.status != old_status else "update")
    return pakket


@transaction.atomic
def delete_softwarepakket(*, softwarepakket: Softwarepakket) -> None:
    if softwarepakket.status != PublicatieStatus.CONCEPT:
        _refuse_delete("Alleen een concept kan worden verwijderd; trek een gepubliceerd softwarepakket in.")
    if softwarepakket.aanbiedingen.exists() or softwarepakket.versies.exists():
        _refuse_delete("Dit softwarepakket heeft aanbiedingen of versies en kan niet worden verwijderd.")
    events.publish(kanaal=events.SOFTWAREPAKKETTEN, actie="destroy", instance=softwarepakket)
    softwarepakket.delete()


@transaction.atomic
def create_softwarepakketversie(**fields) -> Softwarepakketversie:
    versie = _write(Softwarepakketversie(), fields)
    events.publish(
        kanaal=events.SOFTWAREPAKKETTEN, actie="create", instance=versie, hoofd_object=versie.softwarepakket
    )
    return versie


@transaction.atomic
def update_softwarepakketversie(
    *, softwarepakketversie: Softwarepakketversie, **changes
) -> Softwarepakketversie:
    versie = Softwarepakketversie.objects.select_for_update().get(pk=softwarepakketversie.pk)
    _write(versie, changes)
    events.publish(
        kanaal=events.SOFTWAREPAKKETTEN, actie="update", instance=versie, hoofd_object=versie.softwarepakket
    )
    return versie


@transaction.atomic
def delete_softwarepakketversie(*, softwarepakketversie: Softwarepakketversie) -> None:
    events.publish(
        kanaal=events.SOFTWAREPAKKETTEN,
        actie="destroy",
        instance=softwarepakketversie,
        hoofd_object=softwarepakketversie.softwarepakket,
    )
    softwarepakketversie.delete()


# --- offers and prices ------------------------------------------------------------------


@transaction.atomic
def create_aanbieding(**fields) -> Aanbieding:
    aanbieding = _write(Aanbieding(), fields)
    search.refresh_aanbiedingen([aanbieding.id])
    events.publish(kanaal=events.AANBIEDINGEN, actie="create", instance=aanbieding)
    return aanbieding


@transaction.atomic
def update_aanbieding(*, aanbieding: Aanbieding, **changes) -> Aanbieding:
    aanbieding = Aanbieding.objects.select_for_update().get(pk=aanbieding.pk)
    old_status = aanbieding.status
    _write(aanbieding, changes)
    search.refresh_aanbiedingen([aanbieding.id])
    events.publish(
        kanaal=events.AANBIEDINGEN,
        actie="status" if aanbieding.status != old_status else "update",
        instance=aanbieding,
    )
    return aanbieding


@transaction.atomic
def delete_aanbieding(*, aanbieding: Aanbieding) -> None:
    if aanbieding.status != PublicatieStatus.CONCEPT:
        _refuse_delete("Alleen een concept kan worden verwijderd; trek een gepubliceerde aanbieding in.")
    events.publish(kanaal=events.AANBIEDINGEN, actie="destroy", instance=aanbieding)
    aanbieding.delete()  # its prices go with it: a concept was never orderable


def _save_prijs(prijs: Prijs, fields: dict) -> Prijs:
    # Serialise price writes per offer, then check overlap; the exclusion constraint is the backstop.
    Aanbieding.objects.select_for_update().get(pk=(fields.get("aanbieding") or prijs.aanbieding).pk)
    names = ("aanbieding", "prijstype", "doelgroep", "geldig_vanaf", "geldig_tot")
    values = {name: getattr(prijs, name, None) for name in names}
    values.update(fields)
    _raise(rules.overlap(values, prijs if prijs.pk else None) if values.get("aanbieding") else [])
    try:
        with transaction.atomic():
            return _write(prijs, fields)
    except IntegrityError:
        _raise(
            [
                (
                    "geldigVanaf",
                    "overlap",
                    "Er geldt in deze periode al een prijs van dit type voor deze doelgroep.",
                )
            ]
        )


@transaction.atomic
def create_prijs(**fields) -> Prijs:
    prijs = _save_prijs(Prijs(), fields)
    events.publish(kanaal=events.AANBIEDINGEN, actie="create", instance=prijs, hoofd_object=prijs.aanbieding)
    return prijs


@transaction.atomic
def update_prijs(*, prijs: Prijs, **changes) -> Prijs:
    prijs = _save_prijs(Prijs.objects.get(pk=prijs.pk), changes)
    events.publish(kanaal=events.AANBIEDINGEN, actie="update", instance=prijs, hoofd_object=prijs.aanbieding)
    return prijs


@transaction.atomic
def delete_prijs(*, prijs: Prijs) -> None:
    if prijs.aanbieding.status != PublicatieStatus.CONCEPT:
        _refuse_delete(
            "Prijzen van een gepubliceerde aanbieding blijven bewaard; laat de prijs eindigen (geldigTot)."
        )
    events.publish(kanaal=events.AANBIEDINGEN, actie="destroy", instance=prijs, hoofd_object=prijs.aanbieding)
    prijs.delete()


# --- framework agreements ------------------------------------------------------------------


@transaction.atomic
def create_raamovereenkomst(**fields) -> Raamovereenkomst:
    fields, m2m = _split(fields, "leveranciers", "deelnemers")
    return _write(Raamovereenkomst(), fields, m2m)


@transaction.atomic
def update_raamovereenkomst(*, raamovereenkomst: Raamovereenkomst, **changes) -> Raamovereenkomst:
    raamovereenkomst = Raamovereenkomst.objects.select_for_update().get(pk=raamovereenkomst.pk)
    changes, m2m = _split(changes, "leveranciers", "deelnemers")
    return _write(raamovereenkomst, changes, m2m)


@transaction.atomic
def delete_raamovereenkomst(*, raamovereenkomst: Raamovereenkomst) -> None:
    if raamovereenkomst.aanbiedingen.exists():
        _refuse_delete("Er vallen aanbiedingen onder deze raamovereenkomst; beëindig haar in plaats daarvan.")
    raamovereenkomst.delete()
