"""Joining a round, changing and withdrawing a deelname, and its approval by the
organisation's budget holder (the same rules as an order's: four eyes, within the mandate)."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from softwarebroker.audit.services import snapshot
from softwarebroker.autorisaties.context import normalise_user_id
from softwarebroker.bestellingen import pricing
from softwarebroker.bestellingen.services import regel_problems
from softwarebroker.bestellingen.services.verklaringen import check_aanbieding as check_verklaringen
from softwarebroker.catalogus.constants import Licentiemodel
from softwarebroker.core import errors
from softwarebroker.organisaties.models import Mandaat

from .. import prijzen
from ..constants import ACTIEF, DeelnameStatus, VraagbundelingStatus
from ..models import Deelname, Vraagbundeling
from .common import (
    actor,
    audit,
    check_version,
    deelname_status,
    is_afnemer_of,
    is_budgethouder_of,
    lock,
    lock_deelname,
    not_allowed,
    publish,
)

WIJZIGBAAR = ("aantal", "max_eenheidsprijs", "bestelparameters", "kostenplaats")


def _check_open(vraagbundeling: Vraagbundeling) -> None:
    """Deelnames change only while the round is open and before its closing date."""
    if vraagbundeling.status != VraagbundelingStatus.OPEN:
        raise errors.Conflict(
            f"De vraagbundeling is '{vraagbundeling.status}': deelnames wijzigen niet meer.", code="niet_open"
        )
    if timezone.localdate() >= vraagbundeling.sluitingsdatum:
        raise errors.Conflict(
            f"De sluitingsdatum ({vraagbundeling.sluitingsdatum}) is bereikt: deelnames wijzigen niet meer.",
            code="gesloten",
        )


def _quantity(organisatie, aanbieding, aantal):
    """Per-inhabitant offers count the organisation's inhabitants, as orders do."""
    if aanbieding.licentiemodel == Licentiemodel.PER_INWONER:
        return organisatie.inwonertal
    return aantal


def _problems(vraagbundeling: Vraagbundeling, organisatie, values: dict) -> list:
    """Every problem of a deelname as an order line of the round's offer would have them
    (quantity, minimum, parameters, framework participation), at the paths of a deelname. The
    offer's own problems (withdrawn, no longer valid) are the round's: a conflict."""
    aanbieding = vraagbundeling.aanbieding
    regel = {
        "aanbieding": aanbieding,
        "aantal": values.get("aantal"),
        "bestelparameters": values.get("bestelparameters") or {},
    }
    problems, offer_problems = [], []
    for path, code, message in regel_problems(organisatie, regel, timezone.localdate(), "regel"):
        path = path.removeprefix("regel.")
        if path == "aanbieding" and code != "geen_deelnemer":
            offer_problems.append(message)
        else:
            problems.append(("organisatie" if path == "aanbieding" else path, code, message))
    if offer_problems:
        raise errors.Conflict(
            "De aanbieding van deze vraagbundeling is niet meer te bestellen: " + " ".join(offer_problems),
            code="aanbieding",
        )
    return problems


@transaction.atomic
def create_deelname(
    *,
    acting,
    vraagbundeling: Vraagbundeling,
    organisatie,
    aantal: int | None = None,
    max_eenheidsprijs: Decimal | None = None,
    bestelparameters: dict | None = None,
    kostenplaats: str = "",
) -> Deelname:
    """An organisation joins (``aangemeld``): its afnemer for itself, or the broker for any. It
    counts once its budget holder approved it."""
    vraagbundeling = lock(vraagbundeling)
    if not (acting.is_broker or is_afnemer_of(acting, getattr(organisatie, "pk", None))):
        raise not_allowed("Een afnemer meldt de eigen organisatie aan; de broker elke.")
    _check_open(vraagbundeling)
    existing = Deelname.objects.filter(
        vraagbundeling=vraagbundeling, organisatie=organisatie, status__in=sorted(ACTIEF)
    ).first()
    if existing is not None:
        raise errors.Conflict(
            "Deze organisatie neemt al deel; wijzig die deelname (PATCH) in plaats van een tweede.",
            code="al_aangemeld",
        )
    values = {"aantal": aantal, "bestelparameters": bestelparameters}
    errors.raise_if_any(_problems(vraagbundeling, organisatie, values))
    check_verklaringen(
        vraagbundeling.aanbieding, timezone.localdate(), "vraagbundeling", "Deelnemen aan deze vraagbundeling"
    )
    before = snapshot(vraagbundeling)
    name, weergave = actor(acting)
    deelname = Deelname.objects.create(
        vraagbundeling=vraagbundeling,
        organisatie=organisatie,
        aantal=_quantity(organisatie, vraagbundeling.aanbieding, aantal),
        max_eenheidsprijs=max_eenheidsprijs,
        bestelparameters=bestelparameters or {},
        kostenplaats=kostenplaats or "",
        aanvrager=name,
        aanvrager_weergave=weergave,
    )
    audit(acting, "create", vraagbundeling, deelname, before, organisatie_id=organisatie.pk)
    publish(deelname, "create")
    return deelname


@transaction.atomic
def update_deelname(
    *, acting, deelname: Deelname, expected_version: int | None = None, **changes
) -> Deelname:
    """The participant (or the broker) changes its deelname while the round is open. A change
    of quantity, ceiling or parameters makes an approved deelname ``aangemeld`` again: the
    budget holder approves what is asked now."""
    vraagbundeling, deelname = lock_deelname(deelname)
    if not (acting.is_broker or is_afnemer_of(acting, deelname.organisatie_id)):
        raise not_allowed("Alleen de eigen organisatie (afnemer) of de broker wijzigt een deelname.")
    check_version(deelname, expected_version, "deelname")
    _check_open(vraagbundeling)
    if deelname.status not in (DeelnameStatus.AANGEMELD, DeelnameStatus.GOEDGEKEURD):
        raise errors.Conflict(
            f"Een deelname met status '{deelname.status}' wijzigt niet meer.", code="status"
        )
    unknown = set(changes) - set(WIJZIGBAAR)
    if unknown:
        raise TypeError(f"Not changeable: {', '.join(sorted(unknown))}")
    values = {
        "aantal": changes.get("aantal", deelname.aantal),
        "bestelparameters": changes.get("bestelparameters", deelname.bestelparameters),
    }
    errors.raise_if_any(_problems(vraagbundeling, deelname.organisatie, values))
    before = snapshot(vraagbundeling)
    if "aantal" in changes:
        changes["aantal"] = _quantity(deelname.organisatie, vraagbundeling.aanbieding, changes["aantal"])
    changed = {name for name, value in changes.items() if getattr(deelname, name) != value}
    for name in changed:
        setattr(deelname, name, changes[name] if name != "kostenplaats" else changes[name] or "")
    if deelname.status == DeelnameStatus.GOEDGEKEURD and changed & {
        "aantal",
        "max_eenheidsprijs",
        "bestelparameters",
    }:
        deelname_status(
            acting, deelname, DeelnameStatus.AANGEMELD, "Gewijzigd na goedkeuring: opnieuw te beoordelen."
        )
        deelname.beoordelaar = deelname.beoordelaar_weergave = ""
        deelname.goedgekeurd_op = None
    deelname.versie += 1
    deelname.save()
    audit(acting, "partial_update", vraagbundeling, deelname, before, organisatie_id=deelname.organisatie_id)
    publish(deelname, "partial_update")
    return deelname


def mandaatbedrag(vraagbundeling: Vraagbundeling, deelname: Deelname) -> Decimal:
    """What the budget holder's mandate is compared with: the quantity times the worst price
    per unit the participant accepts (its ceiling, or else the list price without tiers), for
    one year when the price is recurring (as an order counts one-time plus one year)."""
    aanbieding = vraagbundeling.aanbieding
    day = max(timezone.localdate(), vraagbundeling.sluitingsdatum)
    geldig = prijzen.valid_prijzen(aanbieding, day)
    prijs = prijzen.leidende_prijs(geldig, aanbieding)
    if prijs is None:
        return Decimal("0.00")
    eenheid = deelname.max_eenheidsprijs if deelname.max_eenheidsprijs is not None else prijs.bedrag_excl_btw
    return pricing.cents(
        eenheid
        * deelname.aantal
        * pricing.TIMES_A_YEAR[prijs.periode if prijs.prijstype == "terugkerend" else ""]
    )


def _approve(acting, vraagbundeling: Vraagbundeling, deelname: Deelname) -> None:
    if not acting.user_id:
        raise errors.NotAllowed(
            "Een beoordeling vraagt om een gebruiker (claim user_id).", code="beoordelaar"
        )
    if acting.user_id == normalise_user_id(deelname.aanvrager):
        raise errors.NotAllowed("Wie een deelname aanmeldt, keurt haar niet zelf goed.", code="vier_ogen")
    mandaat = Mandaat.objects.filter(
        organisatie_id=deelname.organisatie_id, gebruikers_id=acting.user_id
    ).first()
    bedrag = mandaatbedrag(vraagbundeling, deelname)
    if mandaat is None or mandaat.maximum_bedrag < bedrag:
        limit = f"{mandaat.maximum_bedrag:.2f}" if mandaat else "geen mandaat"
        raise errors.NotAllowed(
            f"Het bedrag ({bedrag:.2f} excl. btw: aantal maal de hoogste eenheidsprijs die de deelname "
            f"accepteert, per jaar) gaat boven uw mandaat ({limit}).",
            code="mandaat",
        )
    deelname.beoordelaar, deelname.beoordelaar_weergave = actor(acting)
    deelname.goedgekeurd_op = timezone.now()


@transaction.atomic
def change_deelname_status(*, acting, deelname: Deelname, naar: str, toelichting: str = ""):
    """``goedgekeurd``: the organisation's budget holder approves (not who joined, within the
    mandate). ``ingetrokken``: the organisation (afnemer or budget holder) or the broker
    withdraws it. Both only while the round is open and before its closing date."""
    vraagbundeling, deelname = lock_deelname(deelname)
    own = is_afnemer_of(acting, deelname.organisatie_id) or is_budgethouder_of(
        acting, deelname.organisatie_id
    )
    if naar == DeelnameStatus.GOEDGEKEURD:
        if not is_budgethouder_of(acting, deelname.organisatie_id):
            raise not_allowed("Alleen een budgethouder van de eigen organisatie keurt een deelname goed.")
    elif naar == DeelnameStatus.INGETROKKEN:
        if not (acting.is_broker or own):
            raise not_allowed("Alleen de eigen organisatie of de broker trekt een deelname in.")
    else:
        errors.raise_if_any(
            [("naarStatus", "invalid_choice", "Een deelname wordt hier 'goedgekeurd' of 'ingetrokken'.")]
        )
    _check_open(vraagbundeling)
    allowed_from = {
        DeelnameStatus.GOEDGEKEURD: {DeelnameStatus.AANGEMELD},
        DeelnameStatus.INGETROKKEN: {DeelnameStatus.AANGEMELD, DeelnameStatus.GOEDGEKEURD},
    }[naar]
    if deelname.status not in allowed_from:
        raise errors.Conflict(f"Van '{deelname.status}' naar '{naar}' kan niet.", code="status_overgang")
    before = snapshot(vraagbundeling)
    if naar == DeelnameStatus.GOEDGEKEURD:
        _approve(acting, vraagbundeling, deelname)
    wijziging = deelname_status(acting, deelname, naar, toelichting)
    deelname.save()
    audit(acting, "create", vraagbundeling, wijziging, before, organisatie_id=deelname.organisatie_id)
    publish(deelname, "status")
    return wijziging
