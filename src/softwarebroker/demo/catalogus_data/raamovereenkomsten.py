"""The demo framework agreement (fictional)."""

from . import START

RAAMOVEREENKOMST = {
    "kenmerk": "VNG-RO-2026-001",
    "naam": "Raamovereenkomst Zaakgericht werken 2026",
    "contractant": "VNG Realisatie",
    "leveranciers": ["12345678", "78123456"],
    # Every organisation of demo/data.py takes part.
    "deelnemers": "alle",
    "ingangsdatum": START,
    "einddatum": "2029-12-31",
    "maximale_waarde": "2500000.00",
    "status": "actief",
}
