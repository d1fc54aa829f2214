"""Demo offers with the defaults most offers share, and their prices.

Prices are compact dicts: ``type`` (prijstype), ``periode``, ``grondslag``, ``bedrag`` (excl.
btw), and optionally ``btw`` (default 21), ``staffels`` as ``(vanafAantal, bedrag)`` pairs,
``doelgroep`` (default iedereen), ``vanaf`` (default the offer's start) and ``tot``.

A fee (implementation, set-up, migration) is a ``vergoeding``: once per order line, whatever
the quantity. Every other price counts per unit, a one-time one too (a perpetual licence per
user or device).
"""

from .. import START

SAAS_DOCUMENTEN = ["verwerkersovereenkomst", "sla", "beveiligingsverklaring", "exitplan"]
ON_PREMISES_DOCUMENTEN = ["sla"]


def aanbieding(naam, common_fields, prijzen, **fields):
    """An offer with the defaults most offers share; ``common_fields`` holds the fields every offer sets."""
    leverancier, pakket, leveringsvorm, hostinglocatie, licentiemodel, eenheid = common_fields
    saas = leveringsvorm != "on_premises"
    return {
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
        "vereiste_documenten": SAAS_DOCUMENTEN if saas else ON_PREMISES_DOCUMENTEN,
        "bestelparameters_schema": None,
        "geldig_vanaf": START,
        "geldig_tot": None,
        "status": "gepubliceerd",
        "raamovereenkomst": None,
        "prijzen": prijzen,
        **fields,
    }


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
