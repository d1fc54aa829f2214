"""What an organisation does with its licences itself: register a contract bought outside the
broker (bron ``extern``), cancel a licence within its notice period, and change the few fields
that are its own (``automatischVerlengen``, ``contractnummer``, ``kostenplaats``)."""

from __future__ import annotations

import dataclasses
import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from softwarebroker.audit.services import snapshot
from softwarebroker.autorisaties.scopes import Rol
from softwarebroker.catalogus.constants import Indexering
from softwarebroker.core import errors

from ..constants import LicentieBron, LicentieStatus
from ..models import Licentie
from .licenties import _changed, next_end_date, store_dates

# The fields of a licence its organisation may change (API name: model field).
OWN_FIELDS = {
    "automatischVerlengen": "automatisch_verlengen",
    "contractnummer": "contractnummer",
    "kostenplaats": "kostenplaats",
}


def may_manage(acting, organisatie_id) -> bool:
    """The broker, or an afnemer of the licence's organisation."""
    if acting.is_broker:
        return True
    return (
        Rol.AFNEMER in acting.roles
        and acting.organisatie is not None
        and acting.organisatie.pk == organisatie_id
    )


def _date(value: datetime.date) -> str:
    return value.strftime("%d-%m-%Y")


# --- registering an external contract ---------------------------------------------------------


def _with_derived(values: dict) -> dict:
    """Supplier and package from the offer or version named, where not named themselves."""
    values = dict(values)
    aanbieding, versie = values.get("aanbieding"), values.get("softwarepakketversie")
    values["softwarepakket"] = (
        values.get("softwarepakket")
        or (versie.softwarepakket if versie is not None else None)
        or (aanbieding.softwarepakket if aanbieding is not None else None)
    )
    values["leverancier"] = values.get("leverancier") or (
        aanbieding.leverancier if aanbieding is not None else None
    )
    return values


def registration_problems(values: dict, invalid=frozenset()) -> list[tuple[str, str, str]]:
    """Every problem of an external licence's data across its fields (``values`` by model field
    name; ``invalid``: the API names of fields refused on their own, not checked again)."""
    values = _with_derived(values)
    problems = []
    if not values["leverancier"] and not values.get("leverancier_naam") and "leverancier" not in invalid:
        problems.append(
            (
                "leverancier",
                "required",
                "Geef de leverancier: een URL (leverancier) of een naam (leverancierNaam).",
            )
        )
    named = {"softwarepakket", "softwarepakketversie", "aanbieding"}
    if not values["softwarepakket"] and not values.get("softwarepakket_naam") and not named & set(invalid):
        problems.append(
            (
                "softwarepakket",
                "required",
                "Geef het softwarepakket: een URL (softwarepakket) of een naam (softwarepakketNaam).",
            )
        )
    pakket = values["softwarepakket"]
    for name in ("aanbieding", "softwarepakketversie"):
        other = values.get(name)
        if other is not None and pakket is not None and other.softwarepakket_id != pakket.pk:
            problems.append((name, "ander_pakket", f"De {name} hoort bij een ander softwarepakket."))
    aanbieding, leverancier = values.get("aanbieding"), values["leverancier"]
    if aanbieding is not None and leverancier is not None and aanbieding.leverancier_id != leverancier.pk:
        problems.append(("aanbieding", "andere_leverancier", "De aanbieding is van een andere leverancier."))
    if values.get("aantal") is not None and values["aantal"] < 1:
        problems.append(("aantal", "min_value", "Geef een aantal van minimaal 1."))
    for field, name in (
        ("bedrag_eenmalig_excl_btw", "bedragEenmaligExclBtw"),
        ("bedrag_per_jaar_excl_btw", "bedragPerJaarExclBtw"),
    ):
        if values.get(field) is not None and values[field] < 0:
            problems.append((name, "min_value", "Een bedrag is niet negatief."))
    problems += _term_problems(values)
    if "indexering" not in invalid:
        problems += indexering_problems(values)
    return problems


def _term_problems(values: dict) -> list[tuple[str, str, str]]:
    ingang, einde = values.get("ingangsdatum"), values.get("einddatum")
    if ingang is None or einde is None:
        return []
    if einde < ingang:
        return [
            ("einddatum", "einde_voor_ingang", f"De einddatum ligt voor de ingangsdatum ({_date(ingang)}).")
        ]
    dagen = (einde - ingang).days
    if (values.get("opzegtermijn_dagen") or 0) > dagen:
        return [
            (
                "opzegtermijnDagen",
                "langer_dan_looptijd",
                f"De opzegtermijn ({values['opzegtermijn_dagen']} dagen) is langer dan de looptijd van "
                f"ingangsdatum tot einddatum ({dagen} dagen).",
            )
        ]
    return []


def indexering_problems(values: dict) -> list[tuple[str, str, str]]:
    """A fixed percentage exactly with methode ``vast``; a cap only with some indexation (as on
    an offer)."""
    methode = values.get("indexering") or Indexering.GEEN
    problems = []
    percentage, plafond = values.get("indexering_percentage"), values.get("indexering_plafond")
    if methode == Indexering.VAST and percentage is None:
        problems.append(("indexering.percentage", "required", "Bij methode 'vast' hoort een percentage."))
    if methode != Indexering.VAST and percentage is not None:
        problems.append(
            ("indexering.percentage", "niet_toegestaan", "Een percentage hoort alleen bij methode 'vast'.")
        )
    if methode == Indexering.GEEN and plafond is not None:
        problems.append(
            ("indexering.plafondPercentage", "niet_toegestaan", "Zonder indexering geen plafond.")
        )
    return problems


@transaction.atomic
def register_licentie(
    *,
    acting,
    organisatie,
    aantal: int,
    ingangsdatum: datetime.date,
    einddatum: datetime.date | None = None,
    leverancier=None,
    leverancier_naam: str = "",
    softwarepakket=None,
    softwarepakket_naam: str = "",
    softwarepakketversie=None,
    aanbieding=None,
    contractnummer: str = "",
    kostenplaats: str = "",
    bedrag_eenmalig_excl_btw: Decimal = Decimal("0.00"),
    bedrag_per_jaar_excl_btw: Decimal = Decimal("0.00"),
    automatisch_verlengen: bool = False,
    opzegtermijn_dagen: int = 0,
    looptijd_maanden: int | None = None,
    verlengingstermijn_maanden: int | None = None,
    max_verlengingen: int | None = None,
    indexering: str = Indexering.GEEN,
    indexering_percentage: Decimal | None = None,
    indexering_plafond: Decimal | None = None,
) -> Licentie:
    """A contract the organisation bought outside the broker, in the same inventory (bron
    ``extern``): ``actief``, or ``verlopen`` when it already ended."""
    if not may_manage(acting, organisatie.pk):
        raise errors.NotAllowed(
            "Alleen de afnemer van de organisatie registreert haar licenties.", code="rol"
        )
    values = {
        "leverancier": leverancier,
        "leverancier_naam": leverancier_naam or "",
        "softwarepakket": softwarepakket,
        "softwarepakket_naam": softwarepakket_naam or "",
        "softwarepakketversie": softwarepakketversie,
        "aanbieding": aanbieding,
        "aantal": aantal,
        "bedrag_eenmalig_excl_btw": bedrag_eenmalig_excl_btw,
        "bedrag_per_jaar_excl_btw": bedrag_per_jaar_excl_btw,
        "ingangsdatum": ingangsdatum,
        "einddatum": einddatum,
        "opzegtermijn_dagen": opzegtermijn_dagen or 0,
        "indexering": indexering or Indexering.GEEN,
        "indexering_percentage": indexering_percentage,
        "indexering_plafond": indexering_plafond,
    }
    errors.raise_if_any(registration_problems(values))
    values = _with_derived(values)
    licentie = Licentie(
        organisatie=organisatie,
        bron=LicentieBron.EXTERN,
        contractnummer=contractnummer or "",
        kostenplaats=kostenplaats or "",
        automatisch_verlengen=bool(automatisch_verlengen),
        looptijd_maanden=looptijd_maanden,
        verlengingstermijn_maanden=verlengingstermijn_maanden,
        max_verlengingen=max_verlengingen,
        **values,
    )
    ended = einddatum is not None and einddatum < timezone.localdate()
    licentie.status = LicentieStatus.VERLOPEN if ended else LicentieStatus.ACTIEF
    store_dates(licentie)
    licentie.save()
    _changed(acting, licentie, "create", None)
    return licentie


# --- cancelling -------------------------------------------------------------------------------


def _lock(licentie: Licentie) -> Licentie:
    return Licentie.objects.select_for_update(of=("self",)).get(pk=licentie.pk)


def _with_toelichting(acting, toelichting: str):
    if not (toelichting or "").strip():
        return acting
    return dataclasses.replace(acting, headers={**acting.headers, "X-Audit-Toelichting": toelichting.strip()})


@transaction.atomic
def opzeggen_licentie(*, acting, licentie: Licentie, toelichting: str = "") -> Licentie:
    """Cancel an active licence on or before its ``opzegdatum``: ``opgezegd``, and it ends on its
    end date (one without an end date ends once its notice period has passed). Later, or a
    second time, is a conflict naming when it can end."""
    licentie = _lock(licentie)
    if not may_manage(acting, licentie.organisatie_id):
        raise errors.NotAllowed("Alleen de afnemer van de organisatie zegt haar licenties op.", code="rol")
    if licentie.status == LicentieStatus.OPGEZEGD:
        einde = f"; zij eindigt op {_date(licentie.einddatum)}" if licentie.einddatum else ""
        raise errors.Conflict(f"Deze licentie is al opgezegd{einde}.", code="al_opgezegd")
    if licentie.status != LicentieStatus.ACTIEF:
        raise errors.Conflict(
            f"Alleen een actieve licentie kan worden opgezegd (status: {licentie.status}).", code="status"
        )
    today = timezone.localdate()
    before = snapshot(licentie)
    if licentie.einddatum is None:
        licentie.einddatum = max(
            today + datetime.timedelta(days=licentie.opzegtermijn_dagen), licentie.ingangsdatum
        )
    else:
        opzegdatum = licentie.opzegdatum or (
            licentie.einddatum - datetime.timedelta(days=licentie.opzegtermijn_dagen)
        )
        if today > opzegdatum:
            raise errors.Conflict(_too_late(licentie, opzegdatum), code="opzegdatum_verstreken")
    licentie.status = LicentieStatus.OPGEZEGD
    licentie.opgezegd_op = timezone.now()
    store_dates(licentie)
    licentie.save()
    _changed(_with_toelichting(acting, toelichting), licentie, "update", before)
    return licentie


def _too_late(licentie: Licentie, opzegdatum: datetime.date) -> str:
    message = f"De opzegdatum ({_date(opzegdatum)}) is verstreken"
    volgende = next_end_date(licentie) if licentie.automatisch_verlengen else None
    if volgende is not None:
        return (
            f"{message}: de licentie wordt op {_date(licentie.einddatum)} verlengd. De eerstvolgende "
            f"mogelijke einddatum is {_date(volgende)} (opzeggen uiterlijk "
            f"{_date(volgende - datetime.timedelta(days=licentie.opzegtermijn_dagen))})."
        )
    return f"{message}; de licentie eindigt hoe dan ook op {_date(licentie.einddatum)}."


# --- changing its own fields ------------------------------------------------------------------


@transaction.atomic
def update_licentie(*, acting, licentie: Licentie, **changes) -> Licentie:
    """``automatisch_verlengen``, ``contractnummer`` and ``kostenplaats`` of an active licence;
    nothing else is changed or recomputed."""
    unknown = sorted(set(changes) - set(OWN_FIELDS.values()))
    if unknown:
        raise TypeError(f"Not changeable: {', '.join(unknown)}")
    licentie = _lock(licentie)
    if not may_manage(acting, licentie.organisatie_id):
        raise errors.NotAllowed("Alleen de afnemer van de organisatie wijzigt haar licenties.", code="rol")
    if licentie.status != LicentieStatus.ACTIEF:
        raise errors.Conflict(
            f"Alleen een actieve licentie kan worden gewijzigd (status: {licentie.status}).", code="status"
        )
    before = snapshot(licentie)
    for name, value in changes.items():
        setattr(licentie, name, value if name == "automatisch_verlengen" else (value or ""))
    if changes:
        licentie.save(update_fields=list(changes))
        _changed(acting, licentie, "update", before)
    return licentie
