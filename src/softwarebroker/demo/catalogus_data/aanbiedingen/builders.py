"""Demo offers with the defaults most offers share, and their prices.

Prices are compact dicts: ``type`` (prijstype), ``periode``, ``grondslag``, ``bedrag`` (excl.
btw), and optionally ``btw`` (default 21), ``staffels`` as ``(vanafAantal, bedrag)`` pairs,
``doelgroep`` (default iedereen), ``vanaf`` (default the offer's start) and ``tot``.

A fee (implementation, set-up, migration) is a ``vergoeding``: once per order line, whatever
the quantity. Every other price counts per unit, a one-time one too (a perpetual licence per
user or device).

Contract terms: by default 60 days' notice, renewals as long as the term without limit and no
indexation; ``voorwaarden`` gives the usual combinations by name. An offer without renewal
(``verlenging="geen"``) has no renewal term or number.
"""

from .. import START

SAAS_DOCUMENTEN = ["verwerkersovereenkomst", "sla", "beveiligingsverklaring", "exitplan"]
ON_PREMISES_DOCUMENTEN = ["sla"]


def cpi(plafond=None):
    """Indexation with the consumer price index (CBS), optionally capped (a percentage)."""
    return {"indexering": "cpi", "indexering_percentage": None, "indexering_plafond": plafond}


def vast(percentage, plafond=None):
    """Indexation by a fixed percentage per renewal."""
    return {"indexering": "vast", "indexering_percentage": percentage, "indexering_plafond": plafond}


def verlengingen(termijn, maximaal, opzegtermijn=90):
    """Renewals of ``termijn`` months (None: as long as the term), at most ``maximaal``."""
    return {
        "verlengingstermijn_maanden": termijn,
        "max_verlengingen": maximaal,
        "opzegtermijn_dagen": opzegtermijn,
    }


def aanbieding(naam, common_fields, prijzen, **fields):
    """An offer with the defaults most offers share; ``common_fields`` holds the fields every offer sets."""
    leverancier, pakket, leveringsvorm, hostinglocatie, licentiemodel, eenheid = common_fields
    saas = leveringsvorm != "on_premises"
    item = {
        "leverancier": leverancier,
        "softwarepakket": pakket,
        "naam": naam,
        "omschrijving": "",
        "leveringsvorm": leveringsvorm,
        "hostinglocatie": hostinglocatie,
        "licentiemodel": licentiemodel,
        "eenheid": eenheid,
        "minimale_afname": 1,
        "looptijd_maanden": 12,
        "verlenging": "automatisch",
        "opzegtermijn_dagen": 60,
        "verlengingstermijn_maanden": None,
        "max_verlengingen": None,
        "indexering": "geen",
        "indexering_percentage": None,
        "indexering_plafond": None,
        "vereiste_documenten": SAAS_DOCUMENTEN if saas else ON_PREMISES_DOCUMENTEN,
        "bestelparameters_schema": None,
        "geldig_vanaf": START,
        "geldig_tot": None,
        "status": "gepubliceerd",
        "raamovereenkomst": None,
        "prijzen": prijzen,
        **fields,
    }
    if item["verlenging"] == "geen":
        item.update(verlengingstermijn_maanden=None, max_verlengingen=None)
    return item


PER_EENHEID, PER_BESTELLING = "per_eenheid", "per_bestelling"


def jaar(bedrag, **fields):
    return {"type": "terugkerend", "periode": "jaar", "grondslag": PER_EENHEID, "bedrag": bedrag, **fields}


def maand(bedrag, **fields):
    return {"type": "terugkerend", "periode": "maand", "grondslag": PER_EENHEID, "bedrag": bedrag, **fields}


def eenmalig(bedrag, **fields):
    """A one-time price per unit (a perpetual licence per user, device or organisation)."""
    return {"type": "eenmalig", "periode": "", "grondslag": PER_EENHEID, "bedrag": bedrag, **fields}


def vergoeding(bedrag, **fields):
    """A one-time fee per order line (implementation, set-up, migration), whatever the quantity."""
    return {"type": "eenmalig", "periode": "", "grondslag": PER_BESTELLING, "bedrag": bedrag, **fields}


def verbruik(bedrag, **fields):
    return {"type": "verbruik", "periode": "", "grondslag": PER_EENHEID, "bedrag": bedrag, **fields}
