"""Every change of an order goes through here: one function per change, each in one
transaction with a row lock on the order, its Statuswijziging, its audit trail entry and its
event (kanaal ``bestellingen``).

Problems are raised as API problems: 400 (input, every problem listed), 403 (not this
party, or not within the mandate), 409 (not from this state).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import jsonschema
from django.db import connection, transaction
from django.utils import timezone

from softwarebroker.api.exceptions import APIProblem
from softwarebroker.autorisaties.context import Acting
from softwarebroker.autorisaties.scopes import Rol
from softwarebroker.catalogus import rules
from softwarebroker.catalogus.constants import Licentiemodel, PublicatieStatus, RaamovereenkomstStatus
from softwarebroker.catalogus.models import Aanbieding, Prijs, Raamovereenkomst
from softwarebroker.catalogus.selectors import valid_on
from softwarebroker.core import events
from softwarebroker.organisaties.models import Mandaat

from . import prijsberekening, statemachine
from .constants import (
    EINDSTATUSSEN,
    Actie,
    AnnuleringStatus,
    AuteurRol,
    Besluit,
    BestellingStatus,
    LicentieStatus,
    RegelStatus,
    Zichtbaarheid,
)
from .models import (
    Annuleringsverzoek,
    Beoordeling,
    Bericht,
    Bestelling,
    Bestelregel,
    Levering,
    Licentie,
    Statuswijziging,
)

KANAAL = "bestellingen"
# Orders that count against a framework's maximum value once submitted.
TELT_VOOR_RAAMOVEREENKOMST = frozenset(
    {
        BestellingStatus.INGEDIEND,
        BestellingStatus.GEACCEPTEERD,
        BestellingStatus.IN_BEHANDELING,
        BestellingStatus.WACHT_OP_AFNEMER,
        BestellingStatus.ANNULERING_BEOORDELEN,
        BestellingStatus.GELEVERD,
        BestellingStatus.DEELS_GELEVERD,
    }
)


@dataclass(frozen=True)
class Wijziger:
    """Who makes a change, and how it is written to the audit trail.

    ``vastleggen(actie, bestelling, resource, instance, oud)`` writes the audit entry of a
    change of ``bestelling`` (its main object); the API layer provides it (it knows the URLs
    and the representation). ``oud`` is the order's representation before the change.
    """

    acting: Acting
    vastleggen: Callable | None = None
    momentopname: Callable[[Bestelling], dict] | None = None
    headers: Mapping = field(default_factory=dict)

    def voor(self, bestelling: Bestelling) -> dict | None:
        return self.momentopname(bestelling) if self.momentopname else None

    def leg_vast(self, actie: str, bestelling: Bestelling, instance, oud: dict | None) -> None:
        if self.vastleggen is not None:
            self.vastleggen(actie, bestelling, instance, oud)


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


def mag_bestellen_voor(acting: Acting, besteller) -> bool:
    if acting.is_broker:
        return True
    return (
        Rol.AFNEMER in acting.roles
        and acting.organisatie is not None
        and besteller is not None
        and acting.organisatie.pk == besteller.pk
    )


def _auteur_rol(acting: Acting, bestelling: Bestelling) -> str:
    wie = partijen(acting, bestelling)
    if statemachine.AFNEMER in wie or statemachine.BUDGETHOUDER in wie:
        return AuteurRol.AFNEMER
    if statemachine.LEVERANCIER in wie:
        return AuteurRol.LEVERANCIER
    return AuteurRol.BROKER


def _actor(acting: Acting) -> tuple[str, str]:
    return (acting.user_id or acting.client_id)[:255], (acting.user_representation or acting.label)[:255]


# --- numbers --------------------------------------------------------------------------------


def volgend_nummer(jaar: int) -> str:
    """``2026-000123``: the counter row of the year is incremented atomically, so concurrent
    orders never get the same number (a rolled-back order leaves a gap)."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO bestellingen_nummerreeks (jaar, laatste) VALUES (%s, 1)
            ON CONFLICT (jaar) DO UPDATE SET laatste = bestellingen_nummerreeks.laatste + 1
            RETURNING laatste
            """,
            [jaar],
        )
        (laatste,) = cursor.fetchone()
    return f"{jaar}-{laatste:06d}"


# --- lines ----------------------------------------------------------------------------------


def _geldige_prijzen(aanbieding: Aanbieding, dag: datetime.date) -> list[Prijs]:
    return list(Prijs.objects.filter(valid_on(dag), aanbieding=aanbieding))


def regel_problemen(besteller, regel: dict, dag: datetime.date, pad: str) -> list[tuple[str, str, str]]:
    """Every problem of one line (``pad`` is its place in the request, ``regels.0``)."""
    problems = []
    aanbieding: Aanbieding | None = regel.get("aanbieding")
    if aanbieding is None:
        return [(f"{pad}.aanbieding", "required", "Geef de aanbieding.")]
    if aanbieding.status != PublicatieStatus.GEPUBLICEERD:
        problems.append((f"{pad}.aanbieding", "niet_gepubliceerd", "Deze aanbieding is niet gepubliceerd."))
    if not (
        aanbieding.geldig_vanaf <= dag and (aanbieding.geldig_tot is None or aanbieding.geldig_tot > dag)
    ):
        problems.append(
            (f"{pad}.aanbieding", "niet_geldig", f"Deze aanbieding geldt niet op {dag.isoformat()}.")
        )
    raam = aanbieding.raamovereenkomst
    if raam is not None:
        if besteller is not None and not raam.deelnemers.filter(pk=besteller.pk).exists():
            problems.append(
                (
                    f"{pad}.aanbieding",
                    "geen_deelnemer",
                    f"Alleen deelnemers van raamovereenkomst {raam.kenmerk} bestellen deze aanbieding.",
                )
            )
        if raam.status != RaamovereenkomstStatus.ACTIEF or not (
            raam.ingangsdatum <= dag and (raam.einddatum is None or raam.einddatum >= dag)
        ):
            problems.append(
                (
                    f"{pad}.aanbieding",
                    "raamovereenkomst",
                    f"Raamovereenkomst {raam.kenmerk} is niet van kracht.",
                )
            )
    if aanbieding.licentiemodel == Licentiemodel.PER_INWONER:
        if besteller is not None and not besteller.inwonertal:
            problems.append(
                (
                    f"{pad}.aantal",
                    "inwonertal",
                    "Per-inwonerprijzen vragen om het inwonertal van de besteller.",
                )
            )
    elif not regel.get("aantal"):
        problems.append((f"{pad}.aantal", "required", "Geef een aantal van minimaal 1."))
    elif regel["aantal"] < aanbieding.minimale_afname:
        problems.append(
            (
                f"{pad}.aantal",
                "minimale_afname",
                f"Deze aanbieding vraagt om minstens {aanbieding.minimale_afname}.",
            )
        )
    actie = regel.get("actie", Actie.NIEUW)
    licentie = regel.get("licentie")
    if actie == Actie.NIEUW and licentie is not None:
        problems.append(
            (f"{pad}.licentie", "niet_toegestaan", "Een nieuwe licentie verwijst niet naar een licentie.")
        )
    if actie != Actie.NIEUW:
        if licentie is None:
            problems.append(
                (f"{pad}.licentie", "required", f"Actie '{actie}' verwijst naar een bestaande licentie.")
            )
        elif besteller is not None and licentie.organisatie_id != besteller.pk:
            problems.append(
                (f"{pad}.licentie", "andere_organisatie", "De licentie is van een andere organisatie.")
            )
        elif licentie.aanbieding.softwarepakket_id != aanbieding.softwarepakket_id:
            problems.append(
                (f"{pad}.licentie", "ander_pakket", "De licentie is voor een ander softwarepakket.")
            )
    schema = aanbieding.bestelparameters_schema
    if schema:
        validator = jsonschema.Draft202012Validator(schema)
        for error in sorted(validator.iter_errors(regel.get("bestelparameters") or {}), key=str):
            location = ".".join(str(part) for part in error.absolute_path)
            name = f"{pad}.bestelparameters" + (f".{location}" if location else "")
            problems.append((name, "bestelparameters", error.message))
    return problems


def _aantal(besteller, aanbieding: Aanbieding, gevraagd: int | None) -> int:
    if aanbieding.licentiemodel == Licentiemodel.PER_INWONER:
        return besteller.inwonertal
    return gevraagd


def bestelling_problemen(besteller, regels: list[dict], dag: datetime.date) -> list:
    problems = []
    for index, regel in enumerate(regels):
        problems += regel_problemen(besteller, regel, dag, f"regels.{index}")
    leveranciers = {regel["aanbieding"].leverancier_id for regel in regels if regel.get("aanbieding")}
    if len(leveranciers) > 1:
        problems.append(("regels", "een_leverancier", "Een bestelling gaat naar één leverancier."))
    raamovereenkomsten = {
        regel["aanbieding"].raamovereenkomst_id for regel in regels if regel.get("aanbieding")
    }
    if len(raamovereenkomsten) > 1:
        problems.append(
            (
                "regels",
                "een_raamovereenkomst",
                "Aanbiedingen van verschillende raamovereenkomsten gaan apart.",
            )
        )
    return problems


def _prijs_regel(regel: Bestelregel, dag: datetime.date) -> prijsberekening.Regelprijs:
    aanbieding = regel.aanbieding
    return prijsberekening.bereken_regel(
        _geldige_prijzen(aanbieding, dag),
        regel.aantal,
        raamovereenkomst=aanbieding.raamovereenkomst_id is not None,
    )


def _zet_regels(bestelling: Bestelling, regels: list[dict], dag: datetime.date) -> None:
    bestelling.regels.all().delete()
    nieuwe = []
    for volgnummer, regel in enumerate(regels, start=1):
        aanbieding = regel["aanbieding"]
        line = Bestelregel(
            bestelling=bestelling,
            volgnummer=volgnummer,
            aanbieding=aanbieding,
            aantal=_aantal(bestelling.besteller, aanbieding, regel.get("aantal")),
            actie=regel.get("actie", Actie.NIEUW),
            licentie=regel.get("licentie"),
            bestelparameters=regel.get("bestelparameters") or {},
        )
        prijs = _prijs_regel(line, dag)
        line.bedrag_eenmalig_excl_btw, line.bedrag_per_jaar_excl_btw, line.btw = (
            prijs.eenmalig,
            prijs.per_jaar,
            prijs.btw,
        )
        nieuwe.append(line)
    Bestelregel.objects.bulk_create(nieuwe)
    first = regels[0]["aanbieding"] if regels else None
    bestelling.leverancier = first.leverancier if first else None
    bestelling.raamovereenkomst = first.raamovereenkomst if first else None
    _zet_totalen(bestelling, nieuwe)


def _zet_totalen(bestelling: Bestelling, regels) -> None:
    totalen = prijsberekening.totalen(regels)
    bestelling.totaal_eenmalig_excl_btw = totalen.eenmalig
    bestelling.totaal_per_jaar_excl_btw = totalen.per_jaar
    bestelling.totaal_btw = totalen.btw


# --- the order itself -----------------------------------------------------------------------


def _publiceer(bestelling: Bestelling, actie: str, instance=None) -> None:
    events.publish(
        kanaal=KANAAL,
        actie=actie,
        instance=instance or bestelling,
        hoofd_object=bestelling,
        kenmerken={
            "besteller": bestelling.besteller.oin,
            "leverancier": str(bestelling.leverancier.uuid) if bestelling.leverancier_id else "",
            "status": bestelling.status,
        },
    )


def _vergrendeld(bestelling: Bestelling) -> Bestelling:
    """The order re-read under a row lock: every change starts here."""
    return (
        Bestelling.objects.select_for_update(of=("self",))
        .select_related("besteller", "leverancier")
        .get(pk=bestelling.pk)
    )


@transaction.atomic
def create_bestelling(wijziger: Wijziger, *, besteller, regels: list[dict], **velden) -> Bestelling:
    if not mag_bestellen_voor(wijziger.acting, besteller):
        raise APIProblem(
            status=403,
            code="autorisatie",
            detail="U kunt alleen bestellen voor de organisatie waarvoor u optreedt.",
        )
    dag = timezone.localdate()
    rules.raise_problems(bestelling_problemen(besteller, regels, dag))
    aanvrager, weergave = _actor(wijziger.acting)
    bestelling = Bestelling.objects.create(
        nummer=volgend_nummer(dag.year),
        besteller=besteller,
        aanvrager=aanvrager,
        aanvrager_weergave=weergave,
        **velden,
    )
    _zet_regels(bestelling, regels, dag)
    bestelling.save()
    wijziger.leg_vast("create", bestelling, bestelling, None)
    _publiceer(bestelling, "create")
    return bestelling


def _alleen_concept(bestelling: Bestelling, wat: str) -> None:
    if bestelling.status != BestellingStatus.CONCEPT:
        raise APIProblem(
            status=409,
            code="status",
            detail=f"Alleen een bestelling in concept kan worden {wat} (status: {bestelling.status}).",
        )


@transaction.atomic
def update_bestelling(
    wijziger: Wijziger, bestelling: Bestelling, *, regels: list[dict] | None = None, **velden
):
    bestelling = _vergrendeld(bestelling)
    _alleen_concept(bestelling, "gewijzigd")
    if statemachine.AFNEMER not in partijen(wijziger.acting, bestelling) and not wijziger.acting.is_broker:
        raise APIProblem(
            status=403, code="rol", detail="Alleen de afnemer wijzigt een bestelling in concept."
        )
    oud = wijziger.voor(bestelling)
    dag = timezone.localdate()
    velden.pop("besteller", None)  # an order never changes hands
    if regels is not None:
        rules.raise_problems(bestelling_problemen(bestelling.besteller, regels, dag))
    for name, value in velden.items():
        setattr(bestelling, name, value)
    if regels is not None:
        _zet_regels(bestelling, regels, dag)
    bestelling.versie += 1
    bestelling.save()
    wijziger.leg_vast("update", bestelling, bestelling, oud)
    _publiceer(bestelling, "update")
    return bestelling


@transaction.atomic
def delete_bestelling(wijziger: Wijziger, bestelling: Bestelling) -> None:
    bestelling = _vergrendeld(bestelling)
    if bestelling.status != BestellingStatus.CONCEPT:
        raise APIProblem(
            status=409,
            code="status",
            detail="Alleen een concept kan worden verwijderd; trek een ingediende bestelling in "
            "(statuswijziging naar 'ingetrokken').",
        )
    if statemachine.AFNEMER not in partijen(wijziger.acting, bestelling) and not wijziger.acting.is_broker:
        raise APIProblem(status=403, code="rol", detail="Alleen de afnemer verwijdert een concept.")
    _publiceer(bestelling, "destroy")
    bestelling.regels.all().delete()
    bestelling.statuswijzigingen.all().delete()
    bestelling.delete()


# --- transitions ----------------------------------------------------------------------------


def _toegestaan(status: str, via: str | None = None) -> str:
    mogelijk = statemachine.overgangen_vanuit(status, via=via)
    if not mogelijk:
        return f"Vanuit '{status}' is geen statuswijziging meer mogelijk."
    return f"Vanuit '{status}' mag: " + ", ".join(f"{o.naar} (via {o.via})" for o in mogelijk) + "."


def _controleer_overgang(wijziger: Wijziger, bestelling: Bestelling, naar: str, via: str, toelichting: str):
    overgang = statemachine.zoek(bestelling.status, naar)
    if overgang is None or overgang.via != via:
        raise APIProblem(
            status=409,
            code="status_overgang",
            detail=f"Van '{bestelling.status}' naar '{naar}' kan niet hier. "
            + _toegestaan(bestelling.status),
        )
    if not (overgang.door & partijen(wijziger.acting, bestelling)):
        raise APIProblem(
            status=403,
            code="rol",
            detail=f"Deze overgang ({bestelling.status} -> {naar}) is voorbehouden aan: "
            + ", ".join(sorted(overgang.door))
            + ".",
        )
    if overgang.toelichting_verplicht and not (toelichting or "").strip():
        rules.raise_problems(
            [("toelichting", "required", f"Een overgang naar '{naar}' vraagt om een toelichting.")]
        )
    return overgang


def _overgang(
    wijziger: Wijziger, bestelling: Bestelling, naar: str, toelichting: str, oud
) -> Statuswijziging:
    actor, weergave = _actor(wijziger.acting)
    wijziging = Statuswijziging.objects.create(
        bestelling=bestelling,
        van_status=bestelling.status,
        naar_status=naar,
        toelichting=toelichting or "",
        actor=actor,
        actor_weergave=weergave,
        applicatie=wijziger.acting.client_id[:100],
    )
    bestelling.status = naar
    bestelling.versie += 1
    bestelling.save()
    wijziger.leg_vast("create", bestelling, wijziging, oud)
    _publiceer(bestelling, "status", wijziging)
    return wijziging


@transaction.atomic
def wijzig_status(
    wijziger: Wijziger, bestelling: Bestelling, *, naar: str, toelichting: str = ""
) -> Statuswijziging:
    """A transition asked for through ``/statuswijzigingen``."""
    bestelling = _vergrendeld(bestelling)
    _controleer_overgang(wijziger, bestelling, naar, statemachine.STATUSWIJZIGING, toelichting)
    oud = wijziger.voor(bestelling)
    if naar == BestellingStatus.TER_GOEDKEURING:
        _indienen(bestelling)
    elif naar == BestellingStatus.WACHT_OP_AFNEMER or (
        naar == BestellingStatus.IN_BEHANDELING and bestelling.status == BestellingStatus.WACHT_OP_AFNEMER
    ):
        if (toelichting or "").strip():
            _bericht(wijziger, bestelling, toelichting, Zichtbaarheid.OPENBAAR)
    elif naar in (BestellingStatus.GELEVERD, BestellingStatus.DEELS_GELEVERD):
        _afronden_levering(bestelling, naar)
    elif naar in EINDSTATUSSEN:
        bestelling.regels.filter(status=RegelStatus.OPEN).update(
            status=RegelStatus.MISLUKT if naar == BestellingStatus.MISLUKT else RegelStatus.GEANNULEERD
        )
    return _overgang(wijziger, bestelling, naar, toelichting, oud)


def _indienen(bestelling: Bestelling) -> None:
    """Submission: the lines checked again today, prices frozen, the framework's budget."""
    regels = list(bestelling.regels.select_related("aanbieding__raamovereenkomst", "licentie__aanbieding"))
    if not regels:
        rules.raise_problems([("regels", "leeg", "Een bestelling zonder regels kan niet worden ingediend.")])
    dag = timezone.localdate()
    waarden = [
        {
            "aanbieding": regel.aanbieding,
            "aantal": regel.aantal,
            "actie": regel.actie,
            "licentie": regel.licentie,
            "bestelparameters": regel.bestelparameters,
        }
        for regel in regels
    ]
    rules.raise_problems(bestelling_problemen(bestelling.besteller, waarden, dag))
    for regel in regels:
        prijs = _prijs_regel(regel, dag)
        regel.bedrag_eenmalig_excl_btw = prijs.eenmalig
        regel.bedrag_per_jaar_excl_btw = prijs.per_jaar
        regel.btw = prijs.btw
        regel.prijs_momentopname = prijs.momentopname(dag)
    Bestelregel.objects.bulk_update(
        regels, ["bedrag_eenmalig_excl_btw", "bedrag_per_jaar_excl_btw", "btw", "prijs_momentopname"]
    )
    _zet_totalen(bestelling, regels)
    bestelling.ingediend_op = timezone.now()
    if bestelling.raamovereenkomst_id:
        _binnen_raamovereenkomst(bestelling)


def _binnen_raamovereenkomst(bestelling: Bestelling) -> None:
    # The framework row lock makes concurrent submissions under one framework take turns.
    raam = Raamovereenkomst.objects.select_for_update().get(pk=bestelling.raamovereenkomst_id)
    if raam.maximale_waarde is None:
        return
    besteed = sum(
        (
            b.totaal_eenmalig_excl_btw + b.totaal_per_jaar_excl_btw
            for b in Bestelling.objects.filter(
                raamovereenkomst=raam, status__in=TELT_VOOR_RAAMOVEREENKOMST
            ).exclude(pk=bestelling.pk)
        ),
        prijsberekening.Decimal("0.00"),
    )
    totaal = bestelling.totaal_eenmalig_excl_btw + bestelling.totaal_per_jaar_excl_btw
    if besteed + totaal > raam.maximale_waarde:
        raise APIProblem(
            status=409,
            code="maximale_waarde",
            detail=f"Deze bestelling ({totaal:.2f}) past niet meer binnen de maximale waarde van "
            f"raamovereenkomst {raam.kenmerk}: {raam.maximale_waarde - besteed:.2f} over.",
        )


def _afronden_levering(bestelling: Bestelling, naar: str) -> None:
    regels = list(bestelling.regels.filter(status=RegelStatus.OPEN).select_related("levering"))
    geleverd = [regel for regel in regels if hasattr(regel, "levering")]
    if naar == BestellingStatus.GELEVERD and len(geleverd) != len(regels):
        missing = ", ".join(str(regel.volgnummer) for regel in regels if regel not in geleverd)
        raise APIProblem(
            status=409,
            code="levering",
            detail=f"Geleverd vraagt om een levering voor elke regel; ontbreekt: {missing}.",
        )
    if naar == BestellingStatus.DEELS_GELEVERD and not geleverd:
        raise APIProblem(
            status=409, code="levering", detail="Deels geleverd vraagt om minstens één levering."
        )
    for regel in regels:
        regel.status = RegelStatus.GELEVERD if regel in geleverd else RegelStatus.MISLUKT
    Bestelregel.objects.bulk_update(regels, ["status"])
    for regel in geleverd:
        _verwerk_licentie(bestelling, regel)


def _verwerk_licentie(bestelling: Bestelling, regel: Bestelregel) -> None:
    aanbieding = regel.aanbieding
    vandaag = timezone.localdate()
    if regel.actie == Actie.NIEUW:
        ingang = bestelling.gewenste_ingangsdatum or vandaag
        einde = _plus_maanden(ingang, aanbieding.looptijd_maanden) if aanbieding.looptijd_maanden else None
        licentie = Licentie.objects.create(
            organisatie=bestelling.besteller,
            aanbieding=aanbieding,
            aantal=regel.aantal,
            ingangsdatum=ingang,
            einddatum=einde,
            automatisch_verlengen=aanbieding.verlenging == "automatisch",
            status=LicentieStatus.ACTIEF,
        )
    else:
        licentie = Licentie.objects.select_for_update().get(pk=regel.licentie_id)
        if regel.actie == Actie.UITBREIDEN:
            licentie.aantal += regel.aantal
        elif regel.actie == Actie.VERMINDEREN:
            licentie.aantal = max(licentie.aantal - regel.aantal, 0)
        elif regel.actie == Actie.VERLENGEN:
            start = max(licentie.einddatum or vandaag, vandaag)
            licentie.einddatum = _plus_maanden(start, aanbieding.looptijd_maanden or 12)
            licentie.status = LicentieStatus.ACTIEF
        elif regel.actie == Actie.OPZEGGEN:
            licentie.status = LicentieStatus.OPGEZEGD
        licentie.save()
    licentie.bronregels.add(regel)
    events.publish(
        kanaal="licenties",
        actie="create" if regel.actie == Actie.NIEUW else "update",
        instance=licentie,
    )


def _plus_maanden(dag: datetime.date, maanden: int) -> datetime.date:
    jaar, maand = divmod(dag.month - 1 + maanden, 12)
    jaar, maand = dag.year + jaar, maand + 1
    for laatste in (31, 30, 29, 28):
        try:
            return datetime.date(jaar, maand, min(dag.day, laatste))
        except ValueError:
            continue
    raise AssertionError("unreachable")


# --- approval -------------------------------------------------------------------------------

BESLUIT_NAAR = {
    Besluit.GOEDGEKEURD: BestellingStatus.INGEDIEND,
    Besluit.AANVULLING_GEVRAAGD: BestellingStatus.CONCEPT,
    Besluit.AFGEWEZEN: BestellingStatus.AFGEWEZEN,
}


@transaction.atomic
def beoordelen(
    wijziger: Wijziger, bestelling: Bestelling, *, besluit: str, toelichting: str = ""
) -> Beoordeling:
    bestelling = _vergrendeld(bestelling)
    naar = BESLUIT_NAAR[besluit]
    _controleer_overgang(wijziger, bestelling, naar, statemachine.BEOORDELING, toelichting)
    acting = wijziger.acting
    beoordelaar, weergave = _actor(acting)
    if not acting.user_id:
        raise APIProblem(
            status=403, code="beoordelaar", detail="Een beoordeling vraagt om een gebruiker (claim user_id)."
        )
    if acting.user_id == bestelling.aanvrager:
        raise APIProblem(
            status=403, code="vier_ogen", detail="Wie een bestelling aanvraagt, keurt haar niet zelf goed."
        )
    if besluit == Besluit.GOEDGEKEURD:
        mandaat = Mandaat.objects.filter(
            organisatie_id=bestelling.besteller_id, gebruikers_id=acting.user_id
        ).first()
        totaal = bestelling.totaal_eenmalig_excl_btw + bestelling.totaal_per_jaar_excl_btw
        if mandaat is None or mandaat.maximum_bedrag < totaal:
            grens = f"{mandaat.maximum_bedrag:.2f}" if mandaat else "geen mandaat"
            raise APIProblem(
                status=403,
                code="mandaat",
                detail=f"Het totaal ({totaal:.2f} excl. btw, eenmalig plus een jaar) gaat boven uw "
                f"mandaat ({grens}).",
            )
    oud = wijziger.voor(bestelling)
    beoordeling = Beoordeling.objects.create(
        bestelling=bestelling,
        besluit=besluit,
        toelichting=toelichting or "",
        beoordelaar=beoordelaar,
        beoordelaar_weergave=weergave,
    )
    if naar == BestellingStatus.AFGEWEZEN:
        bestelling.regels.update(status=RegelStatus.GEANNULEERD)
    if naar == BestellingStatus.INGEDIEND:
        bestelling.verzonden_op = timezone.now()
    _overgang(wijziger, bestelling, naar, toelichting, oud)
    return beoordeling


# --- messages, deliveries, cancellations ----------------------------------------------------


def _bericht(wijziger: Wijziger, bestelling: Bestelling, inhoud: str, zichtbaarheid: str) -> Bericht:
    actor, _ = _actor(wijziger.acting)
    return Bericht.objects.create(
        bestelling=bestelling,
        auteur_rol=_auteur_rol(wijziger.acting, bestelling),
        auteur=actor,
        zichtbaarheid=zichtbaarheid,
        inhoud=inhoud,
    )


@transaction.atomic
def plaats_bericht(wijziger: Wijziger, bestelling: Bestelling, *, inhoud: str, zichtbaarheid: str) -> Bericht:
    bestelling = _vergrendeld(bestelling)
    oud = wijziger.voor(bestelling)
    bericht = _bericht(wijziger, bestelling, inhoud, zichtbaarheid)
    bestelling.versie += 1
    bestelling.save(update_fields=["versie", "gewijzigd_op"])
    wijziger.leg_vast("create", bestelling, bericht, oud)
    _publiceer(bestelling, "create", bericht)
    return bericht


@transaction.atomic
def leveren(
    wijziger: Wijziger,
    bestelling: Bestelling,
    *,
    regel: Bestelregel,
    type: str,
    verwijzing: str = "",
    geheim: str = "",
):
    bestelling = _vergrendeld(bestelling)
    wie = partijen(wijziger.acting, bestelling)
    if not wie & statemachine.VERWERKERS:
        raise APIProblem(
            status=403, code="rol", detail="Alleen de leverancier van de bestelling (of de broker) levert."
        )
    if bestelling.status != BestellingStatus.IN_BEHANDELING:
        raise APIProblem(
            status=409,
            code="status",
            detail=f"Leveren kan alleen in behandeling (status: {bestelling.status}).",
        )
    if regel.bestelling_id != bestelling.pk:
        rules.raise_problems([("regel", "andere_bestelling", "Deze regel hoort niet bij deze bestelling.")])
    if Levering.objects.filter(regel=regel).exists():
        raise APIProblem(status=409, code="al_geleverd", detail=f"Regel {regel.volgnummer} is al geleverd.")
    oud = wijziger.voor(bestelling)
    levering = Levering.objects.create(
        bestelling=bestelling, regel=regel, type=type, verwijzing=verwijzing, geheim=geheim
    )
    bestelling.versie += 1
    bestelling.save(update_fields=["versie", "gewijzigd_op"])
    wijziger.leg_vast("create", bestelling, levering, oud)
    _publiceer(bestelling, "create", levering)
    return levering


@transaction.atomic
def vraag_annulering_aan(wijziger: Wijziger, bestelling: Bestelling, *, reden: str) -> Annuleringsverzoek:
    bestelling = _vergrendeld(bestelling)
    _controleer_overgang(
        wijziger, bestelling, BestellingStatus.ANNULERING_BEOORDELEN, statemachine.ANNULERINGSVERZOEK, reden
    )
    if not (reden or "").strip():
        rules.raise_problems([("reden", "required", "Geef de reden van de annulering.")])
    oud = wijziger.voor(bestelling)
    actor, _ = _actor(wijziger.acting)
    verzoek = Annuleringsverzoek.objects.create(bestelling=bestelling, reden=reden, aangevraagd_door=actor)
    bestelling.status_voor_annulering = bestelling.status
    _overgang(wijziger, bestelling, BestellingStatus.ANNULERING_BEOORDELEN, reden, oud)
    return verzoek


@transaction.atomic
def besluit_annulering(
    wijziger: Wijziger, verzoek: Annuleringsverzoek, *, status: str, toelichting: str = ""
) -> Annuleringsverzoek:
    bestelling = _vergrendeld(verzoek.bestelling)
    verzoek = Annuleringsverzoek.objects.select_for_update().get(pk=verzoek.pk)
    if (
        verzoek.status != AnnuleringStatus.ONTVANGEN
        or bestelling.status != BestellingStatus.ANNULERING_BEOORDELEN
    ):
        raise APIProblem(status=409, code="status", detail="Over dit annuleringsverzoek is al besloten.")
    if not partijen(wijziger.acting, bestelling) & statemachine.VERWERKERS:
        raise APIProblem(
            status=403, code="rol", detail="De leverancier (of de broker) besluit over annulering."
        )
    if status == AnnuleringStatus.AFGEWEZEN and not (toelichting or "").strip():
        rules.raise_problems([("toelichting", "required", "Een afwijzing vraagt om een toelichting.")])
    oud = wijziger.voor(bestelling)
    verzoek.status = status
    verzoek.toelichting = toelichting or ""
    verzoek.save()
    if status == AnnuleringStatus.UITGEVOERD:
        bestelling.regels.filter(status=RegelStatus.OPEN).update(status=RegelStatus.GEANNULEERD)
        naar = BestellingStatus.GEANNULEERD
    else:
        naar = bestelling.status_voor_annulering or BestellingStatus.IN_BEHANDELING
    bestelling.status_voor_annulering = ""
    _overgang(wijziger, bestelling, naar, toelichting, oud)
    return verzoek


# --- licences -------------------------------------------------------------------------------


def meld_opzegtermijnen(dag: datetime.date | None = None) -> int:
    """Announce, once, each active licence whose notice period has started (``einddatum`` minus
    ``opzegtermijnDagen`` has come): an update on kanaal ``licenties``, and the licence shows
    ``opzegtermijnGemeldOp``. Running it again announces nothing twice."""
    dag = dag or timezone.localdate()
    count = 0
    with transaction.atomic():
        kandidaten = Licentie.objects.select_for_update().filter(
            status=LicentieStatus.ACTIEF, einddatum__isnull=False, opzegtermijn_gemeld_op__isnull=True
        )
        for licentie in kandidaten:
            if licentie.einddatum - datetime.timedelta(days=licentie.opzegtermijn_dagen) > dag:
                continue
            licentie.opzegtermijn_gemeld_op = timezone.now()
            licentie.save(update_fields=["opzegtermijn_gemeld_op"])
            events.publish(kanaal="licenties", actie="update", instance=licentie)
            count += 1
    return count


def markeer_verlopen_licenties(dag: datetime.date | None = None) -> int:
    """Licences past their end date become ``verlopen``; running it again changes nothing."""
    dag = dag or timezone.localdate()
    count = 0
    with transaction.atomic():
        for licentie in Licentie.objects.select_for_update().filter(
            status=LicentieStatus.ACTIEF,
            einddatum__isnull=False,
            einddatum__lt=dag,
            automatisch_verlengen=False,
        ):
            licentie.status = LicentieStatus.VERLOPEN
            licentie.save(update_fields=["status"])
            events.publish(kanaal="licenties", actie="update", instance=licentie)
            count += 1
    return count
