"""Cross-field rules of the catalogue, checked by the catalogue services.

Each ``check_*`` takes the resulting values (model field names; for updates the instance's
values merged with the changes) and returns every problem as ``(apiField, code, message)``.
The services raise them as one :class:`~softwarebroker.core.errors.Invalid`; admin forms
call the same functions to show the problems next to the fields before saving.
"""

from __future__ import annotations

from decimal import Decimal

from . import validators
from .constants import (
    PUBLICATIE_TRANSITIONS,
    Doelgroep,
    Grondslag,
    Indexering,
    Prijstype,
    ReferentiecomponentStatus,
    Verlenging,
)
from .models import LEVERANCIER_TRANSITIONS, Categorie, Prijs, Referentiecomponent

Problem = validators.Problem
OVERLAP = (
    "Er geldt in deze periode al een prijs van dit type en deze grondslag voor deze doelgroep; laat de "
    "oude eerder eindigen."
)


def status_transition(old: str | None, new: str | None, transitions: dict) -> list[Problem]:
    if old is None or new is None or old == new:
        return []
    if new not in transitions.get(old, set()):
        allowed = ", ".join(sorted(transitions.get(old, ()))) or "geen"
        return [("status", "status_transition", f"Van '{old}' naar '{new}' mag niet; toegestaan: {allowed}.")]
    return []


def check_categorie(values: dict, instance=None) -> list[Problem]:
    parent = values.get("bovenliggende_categorie")
    duplicates = Categorie.objects.filter(bovenliggende_categorie=parent, naam=values.get("naam"))
    if instance is not None:
        duplicates = duplicates.exclude(pk=instance.pk)
    if duplicates.exists():
        return [("naam", "unique", "Er bestaat al een categorie met deze naam op dit niveau.")]
    if parent is None or instance is None:
        return []
    if parent == instance or instance in parent.ancestors():
        return [
            (
                "bovenliggendeCategorie",
                "cycle",
                "Een categorie kan niet onder zichzelf of een eigen subcategorie vallen.",
            )
        ]
    return []


def check_leverancier(values: dict, instance=None) -> list[Problem]:
    return status_transition(getattr(instance, "status", None), values.get("status"), LEVERANCIER_TRANSITIONS)


def referentiecomponent_problems(uris, *, field: str = "referentiecomponenten", already=()) -> list[Problem]:
    """Each URI must name an entry of the GEMMA register; one GEMMA withdrew may stay where it
    was (``already``) but is not added anew. Unchanged values are not checked again, so an
    edit of something else never fails on what was stored before the register existed."""
    kept = set(already or ())
    new = [uri for uri in uris or () if uri not in kept]
    if not new:
        return []
    known = dict(Referentiecomponent.objects.filter(uri__in=new).values_list("uri", "status"))
    problems: list[Problem] = []
    seen = set()
    for index, uri in enumerate(uris):
        if uri in seen:
            problems.append((f"{field}.{index}", "dubbel", f"{uri} staat er al eerder in."))
        seen.add(uri)
        if uri in kept:
            continue
        if uri not in known:
            problems.append(
                (
                    f"{field}.{index}",
                    "onbekend",
                    f"{uri} staat niet in het register van GEMMA-referentiecomponenten "
                    "(/referentiecomponenten).",
                )
            )
        elif known[uri] == ReferentiecomponentStatus.TERUGGETROKKEN:
            problems.append(
                (
                    f"{field}.{index}",
                    "teruggetrokken",
                    f"GEMMA heeft de referentiecomponent {uri} teruggetrokken.",
                )
            )
    return problems


def check_softwarepakket(values: dict, instance=None) -> list[Problem]:
    problems = validators.spdx(values.get("licentie", ""))
    problems += referentiecomponent_problems(
        values.get("referentiecomponenten"), already=getattr(instance, "referentiecomponenten", ())
    )
    if values.get("open_source") and not validators.is_open_source_licence(values.get("licentie", "")):
        problems.append(("openSource", "licence", "Open source vraagt om een open-source SPDX-licentie."))
    problems += status_transition(
        getattr(instance, "status", None), values.get("status"), PUBLICATIE_TRANSITIONS
    )
    return problems


def check_softwarepakketversie(values: dict, instance=None) -> list[Problem]:
    problems = validators.semantic_version(values.get("versie", ""))
    problems += validators.period(
        values.get("releasedatum"), values.get("einde_ondersteuning"), end_field="eindeOndersteuning"
    )
    return problems


def check_aanbieding(values: dict, instance=None) -> list[Problem]:
    problems = validators.period(values.get("geldig_vanaf"), values.get("geldig_tot"))
    problems += validators.json_schema(values.get("bestelparameters_schema"))
    raamovereenkomst, leverancier = values.get("raamovereenkomst"), values.get("leverancier")
    if (
        raamovereenkomst
        and leverancier
        and not raamovereenkomst.leveranciers.filter(pk=leverancier.pk).exists()
    ):
        problems.append(
            ("raamovereenkomst", "leverancier", "De leverancier hoort niet bij deze raamovereenkomst.")
        )
    old_status, new_status = getattr(instance, "status", None), values.get("status")
    problems += status_transition(old_status, new_status, PUBLICATIE_TRANSITIONS)
    pakket = values.get("softwarepakket")
    if (
        new_status == "gepubliceerd"
        and old_status != "gepubliceerd"
        and pakket
        and pakket.status != "gepubliceerd"
    ):
        problems.append(("status", "softwarepakket", "Publiceer eerst het softwarepakket."))
    problems += contractvoorwaarden(values)
    return problems


# The shortest a month can be: a notice period must fit in the shortest possible term.
KORTSTE_MAAND_DAGEN = 28


def contractvoorwaarden(values: dict) -> list[Problem]:
    """The contract terms of an offer: notice period, renewals and price indexation."""
    problems = []
    looptijd, opzegtermijn = values.get("looptijd_maanden"), values.get("opzegtermijn_dagen") or 0
    if looptijd and opzegtermijn >= KORTSTE_MAAND_DAGEN * looptijd:
        problems.append(
            (
                "opzegtermijnDagen",
                "langer_dan_looptijd",
                f"Een opzegtermijn van {opzegtermijn} dagen is niet korter dan de looptijd van "
                f"{looptijd} maanden.",
            )
        )
    if values.get("verlenging") == Verlenging.GEEN:
        for field, name in (
            ("verlengingstermijn_maanden", "verlengingstermijnMaanden"),
            ("max_verlengingen", "maxVerlengingen"),
        ):
            if values.get(field) is not None:
                problems.append(
                    (name, "not_allowed", "Zonder verlenging (verlenging: geen) blijft dit leeg.")
                )
    methode = values.get("indexering") or Indexering.GEEN
    percentage, plafond = values.get("indexering_percentage"), values.get("indexering_plafond")
    if methode == Indexering.VAST and percentage is None:
        problems.append(("indexering.percentage", "required", "Een vaste indexering heeft een percentage."))
    if methode != Indexering.VAST and percentage is not None:
        problems.append(
            ("indexering.percentage", "not_allowed", "Alleen een vaste indexering heeft een percentage.")
        )
    if methode == Indexering.GEEN and plafond is not None:
        problems.append(
            ("indexering.plafondPercentage", "not_allowed", "Zonder indexering is er geen plafond.")
        )
    for name, value in (("indexering.percentage", percentage), ("indexering.plafondPercentage", plafond)):
        if value is not None and not Decimal(0) <= Decimal(value) <= Decimal(100):
            problems.append((name, "range", "Een percentage ligt tussen 0 en 100."))
    return problems


def check_prijs(values: dict, instance=None) -> list[Problem]:
    problems = validators.period(values.get("geldig_vanaf"), values.get("geldig_tot"))
    problems += validators.staffels(values.get("staffels"))
    prijstype, periode = values.get("prijstype"), values.get("periode")
    if prijstype == Prijstype.TERUGKEREND and not periode:
        problems.append(("periode", "required", "Een terugkerende prijs heeft een periode (maand of jaar)."))
    if prijstype == Prijstype.EENMALIG and periode:
        problems.append(("periode", "not_allowed", "Een eenmalige prijs heeft geen periode."))
    problems += _grondslag_problems(values)
    aanbieding = values.get("aanbieding")
    if (
        values.get("doelgroep") == Doelgroep.RAAMOVEREENKOMST
        and aanbieding
        and not aanbieding.raamovereenkomst_id
    ):
        problems.append(
            ("doelgroep", "raamovereenkomst", "De aanbieding valt niet onder een raamovereenkomst.")
        )
    if aanbieding and prijstype and values.get("geldig_vanaf") and not problems:
        problems += overlap(values, instance)
    return problems


def _grondslag_problems(values: dict) -> list[Problem]:
    grondslag = values.get("grondslag")
    if grondslag not in Grondslag.values:  # absent or unknown: the serializer or the form says so
        return []
    problems = []
    if grondslag == Grondslag.PER_BESTELLING and values.get("staffels"):
        problems.append(
            (
                "staffels",
                "grondslag",
                "Staffels horen bij een prijs per eenheid; een prijs per bestelling telt één keer per "
                "bestelregel, ongeacht het aantal.",
            )
        )
    if grondslag == Grondslag.PER_BESTELLING and values.get("prijstype") == Prijstype.VERBRUIK:
        problems.append(("grondslag", "verbruik", "Een verbruiksprijs geldt per eenheid (per_eenheid)."))
    return problems


def overlap(values: dict, instance) -> list[Problem]:
    """Another price of the same aanbieding, prijstype, grondslag and doelgroep valid on a shared day."""
    start, end = values["geldig_vanaf"], values.get("geldig_tot")
    others = Prijs.objects.filter(
        aanbieding=values["aanbieding"],
        prijstype=values["prijstype"],
        grondslag=values.get("grondslag", Grondslag.PER_EENHEID),
        doelgroep=values.get("doelgroep", "iedereen"),
    ).exclude(geldig_tot__isnull=False, geldig_tot__lte=start)
    if end is not None:
        others = others.exclude(geldig_vanaf__gte=end)
    if instance is not None:
        others = others.exclude(pk=instance.pk)
    if others.exists():
        return [("geldigVanaf", "overlap", OVERLAP)]
    return []


def check_raamovereenkomst(values: dict, instance=None) -> list[Problem]:
    return validators.period(values.get("ingangsdatum"), values.get("einddatum"), end_field="einddatum")
