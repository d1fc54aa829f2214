"""The only writers of declarations: one function per change, each in one transaction with a
row lock, its audit entry and its event (kanaal ``verklaringen``).

A supplier makes, changes and submits the declarations of what is its own (itself, the packages
it manufactures and their versions, the offers it supplies); the broker may for any. Only the
broker reviews, and never one of its own supplier. A concept (or a rejected one) changes; a
submitted or approved one does not (a new declaration replaces it).
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from softwarebroker.audit.services import record_audit, snapshot
from softwarebroker.core import errors, events

from ... import kanalen
from ...constants import Document, VerklaringStatus, Vertrouwelijkheid
from ...models import Aanbieding, Leverancier, Softwarepakket, Softwarepakketversie, Verklaring
from .. import documenten

ONDERWERPEN = {
    Leverancier: "leverancier",
    Softwarepakket: "softwarepakket",
    Softwarepakketversie: "softwarepakketversie",
    Aanbieding: "aanbieding",
}
WIJZIGBAAR = (
    "type",
    "standaard",
    "standaard_versie",
    "omschrijving",
    "geldig_vanaf",
    "geldig_tot",
    "vertrouwelijkheid",
    "bewijs_url",
)
BEWERKBAAR = frozenset({VerklaringStatus.CONCEPT, VerklaringStatus.AFGEWEZEN})


def eigenaar_van(onderwerp) -> Leverancier | None:
    """The supplier a subject belongs to: itself, a package's (or version's) manufacturer, an
    offer's supplier."""
    if isinstance(onderwerp, Leverancier):
        return onderwerp
    if isinstance(onderwerp, Softwarepakketversie):
        return onderwerp.softwarepakket.fabrikant
    if isinstance(onderwerp, Softwarepakket):
        return onderwerp.fabrikant
    if isinstance(onderwerp, Aanbieding):
        return onderwerp.leverancier
    raise TypeError(f"No subject of a declaration: {type(onderwerp).__name__}")


def _check_owner(acting, eigenaar) -> None:
    if acting.is_broker:
        return
    if acting.leverancier is None or eigenaar is None or acting.leverancier.pk != eigenaar.pk:
        raise errors.NotAllowed(
            "Alleen de eigen leverancier (of de broker) maakt en wijzigt deze verklaring.", code="autorisatie"
        )


def field_problems(values: dict) -> list[tuple[str, str, str]]:
    """The rules across fields, every problem at once."""
    problems = []
    vanaf, tot = values.get("geldig_vanaf"), values.get("geldig_tot")
    if isinstance(vanaf, datetime.date) and isinstance(tot, datetime.date) and tot < vanaf:
        problems.append(("geldigTot", "voor_geldig_vanaf", "geldigTot ligt op of na geldigVanaf."))
    if values.get("type") == Document.STANDAARD and not (values.get("standaard") or "").strip():
        problems.append(("standaard", "required", "Een verklaring van type standaard noemt de standaard."))
    if values.get("type") not in (None, Document.STANDAARD):
        for name, api in (("standaard", "standaard"), ("standaard_versie", "standaardVersie")):
            if values.get(name):
                problems.append(
                    (api, "niet_toegestaan", "Alleen een verklaring van type standaard noemt een standaard.")
                )
    return problems


def _audit(acting, actie: str, verklaring: Verklaring, before, *, instance=None) -> None:
    record_audit(
        acting=acting,
        actie=actie,
        instance=instance or verklaring,
        main=verklaring,
        before=before,
        leverancier_id=verklaring.eigenaar_id,
    )


def _publish(verklaring: Verklaring, actie: str, kenmerken: dict | None = None) -> None:
    events.publish(kanalen.VERKLARINGEN, verklaring, actie, kenmerken=kenmerken)


def _locked(verklaring: Verklaring) -> Verklaring:
    return Verklaring.objects.select_for_update().select_related("eigenaar").get(pk=verklaring.pk)


@transaction.atomic
def create_verklaring(
    *,
    acting,
    onderwerp,
    type: str,  # the API's name, shadowing the builtin here only
    geldig_vanaf: datetime.date,
    geldig_tot: datetime.date | None = None,
    standaard: str = "",
    standaard_versie: str = "",
    omschrijving: str = "",
    vertrouwelijkheid: str = Vertrouwelijkheid.OPENBAAR,
    bewijs_url: str = "",
) -> Verklaring:
    """A new declaration (``concept``) of ``onderwerp``."""
    eigenaar = eigenaar_van(onderwerp)
    _check_owner(acting, eigenaar)
    values = {
        "type": type,
        "geldig_vanaf": geldig_vanaf,
        "geldig_tot": geldig_tot,
        "standaard": standaard or "",
        "standaard_versie": standaard_versie or "",
        "omschrijving": omschrijving or "",
        "vertrouwelijkheid": vertrouwelijkheid,
        "bewijs_url": bewijs_url or "",
    }
    errors.raise_if_any(field_problems(values))
    verklaring = Verklaring.objects.create(
        eigenaar=eigenaar, **{ONDERWERPEN[type_of(onderwerp)]: onderwerp}, **values
    )
    _audit(acting, "create", verklaring, None)
    _publish(verklaring, "create")
    return verklaring


def type_of(onderwerp):
    for model in ONDERWERPEN:
        if isinstance(onderwerp, model):
            return model
    raise TypeError(f"No subject of a declaration: {type(onderwerp).__name__}")


@transaction.atomic
def update_verklaring(*, acting, verklaring: Verklaring, partial: bool = True, **changes) -> Verklaring:
    """A concept or rejected declaration changes (a rejected one becomes a concept again)."""
    verklaring = _locked(verklaring)
    _check_owner(acting, verklaring.eigenaar)
    if verklaring.status not in BEWERKBAAR:
        raise errors.Conflict(
            f"Een verklaring met status '{verklaring.status}' wijzigt niet meer; maak een nieuwe.",
            code="status",
        )
    unknown = set(changes) - set(WIJZIGBAAR)
    if unknown:
        raise TypeError(f"Not changeable: {', '.join(sorted(unknown))}")
    values = {name: getattr(verklaring, name) for name in WIJZIGBAAR} | changes
    errors.raise_if_any(field_problems(values))
    before = snapshot(verklaring)
    for name, value in changes.items():
        setattr(verklaring, name, "" if value is None and name != "geldig_tot" else value)
    verklaring.status = VerklaringStatus.CONCEPT
    verklaring.versie += 1
    verklaring.save()
    _audit(acting, "partial_update" if partial else "update", verklaring, before)
    _publish(verklaring, "update")
    return verklaring


@transaction.atomic
def submit_verklaring(*, acting, verklaring: Verklaring) -> Verklaring:
    """Submitted for review (``ter_beoordeling``): it needs its evidence, a URL or a document."""
    verklaring = _locked(verklaring)
    _check_owner(acting, verklaring.eigenaar)
    if verklaring.status not in BEWERKBAAR:
        raise errors.Conflict(
            f"Van '{verklaring.status}' naar 'ter_beoordeling' kan niet.", code="status_overgang"
        )
    if not verklaring.bewijs_url and not verklaring.document:
        errors.raise_if_any([("bewijsUrl", "required", "Geef een URL of upload een document als bewijs.")])
    before = snapshot(verklaring)
    verklaring.status = VerklaringStatus.TER_BEOORDELING
    verklaring.versie += 1
    verklaring.save()
    _audit(acting, "update", verklaring, before)
    _publish(verklaring, "status")
    return verklaring


@transaction.atomic
def review_verklaring(*, acting, verklaring: Verklaring, besluit: str, toelichting: str = "") -> Verklaring:
    """The broker approves (``goedgekeurd``) or rejects (``afgewezen``, with a reason) a
    submitted declaration; never one of its own supplier."""
    verklaring = _locked(verklaring)
    if not acting.is_broker or (
        acting.leverancier is not None and acting.leverancier.pk == verklaring.eigenaar_id
    ):
        raise errors.NotAllowed(
            "Alleen de broker beoordeelt een verklaring, nooit een eigen.", code="beoordelaar"
        )
    if besluit not in (VerklaringStatus.GOEDGEKEURD, VerklaringStatus.AFGEWEZEN):
        errors.raise_if_any([("besluit", "invalid_choice", "Het besluit is goedgekeurd of afgewezen.")])
    if verklaring.status != VerklaringStatus.TER_BEOORDELING:
        raise errors.Conflict(
            f"Alleen een verklaring ter beoordeling wordt beoordeeld (deze is '{verklaring.status}').",
            code="status_overgang",
        )
    if besluit == VerklaringStatus.AFGEWEZEN and not (toelichting or "").strip():
        errors.raise_if_any([("toelichting", "required", "Een afwijzing vraagt om een toelichting.")])
    before = snapshot(verklaring)
    verklaring.status = besluit
    verklaring.beoordelaar = (acting.user_id or acting.client_id)[:255]
    verklaring.beoordelaar_weergave = (acting.user_representation or acting.label)[:255]
    verklaring.beoordeeld_op = timezone.now()
    verklaring.beoordeling_toelichting = toelichting or ""
    if (
        besluit == VerklaringStatus.GOEDGEKEURD
        and verklaring.geldig_tot
        and verklaring.geldig_tot < timezone.localdate()
    ):
        verklaring.status = VerklaringStatus.VERLOPEN
    verklaring.versie += 1
    verklaring.save()
    _audit(acting, "update", verklaring, before)
    _publish(verklaring, "status")
    return verklaring


@transaction.atomic
def upload_document(*, acting, verklaring: Verklaring, upload) -> Verklaring:
    """The evidence as a PDF (replacing an earlier one) of a concept or rejected declaration."""
    verklaring = _locked(verklaring)
    _check_owner(acting, verklaring.eigenaar)
    if verklaring.status not in BEWERKBAAR:
        raise errors.Conflict(
            f"Een verklaring met status '{verklaring.status}' krijgt geen ander document.", code="status"
        )
    errors.raise_if_any(documenten.document_problems(upload))
    before = snapshot(verklaring)
    old = verklaring.document.name if verklaring.document else ""
    verklaring.document_sha256 = documenten.sha256(upload)
    verklaring.document_grootte = upload.size
    verklaring.document_naam = (getattr(upload, "name", "") or "document.pdf")[-255:]
    verklaring.document.save(f"{verklaring.uuid}.pdf", upload, save=False)
    verklaring.status = VerklaringStatus.CONCEPT
    verklaring.versie += 1
    verklaring.save()
    if old and old != verklaring.document.name:
        storage, name = verklaring.document.storage, old
        transaction.on_commit(lambda: storage.delete(name))
    _audit(acting, "update", verklaring, before)
    _publish(verklaring, "update")
    return verklaring


@transaction.atomic
def record_document_read(*, acting, verklaring: Verklaring) -> None:
    """Every download of a declaration's document is in the audit trail (who, when)."""
    record_audit(
        acting=acting,
        actie="document_gelezen",
        instance=verklaring,
        before=snapshot(verklaring),
        leverancier_id=verklaring.eigenaar_id,
        resultaat=200,
    )
