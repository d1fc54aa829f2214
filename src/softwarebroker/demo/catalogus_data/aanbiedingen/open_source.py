"""Demo offers of support and hosting for open-source products (fictional)."""

from ..leveranciers import COOPERATIE, VOORBEELD
from .builders import aanbieding, cpi, jaar, maand, vast, vergoeding, verlengingen

# The cooperative serves its member municipalities under the VAT cost-sharing exemption.
_COOP = {"btw": "0"}

AANBIEDINGEN_OPEN_SOURCE = [
    aanbieding(
        "Open Zaak als dienst",
        (COOPERATIE, "Open Zaak", "saas", "nl", "open_source_ondersteuning", "omgeving"),
        [vergoeding("2500.00", **_COOP), jaar("14500.00", **_COOP)],
        omschrijving="Hosting, beheer, updates en ondersteuning van Open Zaak in een Nederlands datacenter.",
        bestelparameters_schema="saas_omgeving",
    ),
    aanbieding(
        "Open Zaak als dienst – raamovereenkomst",
        (COOPERATIE, "Open Zaak", "saas", "nl", "open_source_ondersteuning", "omgeving"),
        [jaar("12500.00", doelgroep="raamovereenkomst", **_COOP)],
        raamovereenkomst="VNG-RO-2026-001",
        looptijd_maanden=48,
        geldig_tot="2029-12-31",
        bestelparameters_schema="saas_omgeving",
        **verlengingen(12, 1),
        **vast("2.50"),
    ),
    aanbieding(
        "Open Zaak ondersteuning on-premises",
        (VOORBEELD, "Open Zaak", "on_premises", "", "open_source_ondersteuning", "organisatie"),
        [jaar("9600.00")],
        omschrijving="Tweedelijnsondersteuning en updates voor een eigen installatie.",
    ),
    aanbieding(
        "Open Formulieren als dienst",
        (COOPERATIE, "Open Formulieren", "saas", "nl", "open_source_ondersteuning", "omgeving"),
        [jaar("9800.00", **_COOP)],
        bestelparameters_schema="saas_omgeving",
        **verlengingen(12, None, opzegtermijn=90),
        **cpi(plafond="4.00"),
    ),
    aanbieding(
        "KISS met Open Klant als dienst",
        (COOPERATIE, "KISS", "saas", "nl", "open_source_ondersteuning", "omgeving"),
        [vergoeding("4000.00", **_COOP), jaar("11000.00", **_COOP)],
    ),
    aanbieding(
        "Open Klant als dienst",
        (COOPERATIE, "Open Klant", "saas", "nl", "open_source_ondersteuning", "omgeving"),
        [jaar("4800.00", **_COOP)],
    ),
    aanbieding(
        "Open Notificaties als dienst",
        (COOPERATIE, "Open Notificaties", "saas", "nl", "open_source_ondersteuning", "omgeving"),
        [jaar("3600.00", **_COOP)],
    ),
    aanbieding(
        "Objecten en Objecttypen API als dienst",
        (COOPERATIE, "Objecten API", "saas", "nl", "open_source_ondersteuning", "omgeving"),
        [jaar("4200.00", **_COOP)],
    ),
    aanbieding(
        "Open Inwoner als dienst",
        (COOPERATIE, "Open Inwoner", "saas", "nl", "open_source_ondersteuning", "omgeving"),
        [vergoeding("3000.00", **_COOP), jaar("7800.00", **_COOP)],
    ),
    aanbieding(
        "Signalen als dienst",
        (COOPERATIE, "Signalen", "saas", "nl", "open_source_ondersteuning", "omgeving"),
        [jaar("8900.00", **_COOP)],
    ),
    aanbieding(
        "Open Archiefbeheer als dienst",
        (COOPERATIE, "Open Archiefbeheer", "hybride", "eu", "open_source_ondersteuning", "omgeving"),
        [jaar("2900.00", **_COOP)],
    ),
    aanbieding(
        "Open Producten als dienst",
        (COOPERATIE, "Open Producten", "saas", "nl", "open_source_ondersteuning", "omgeving"),
        [jaar("3400.00", **_COOP)],
    ),
    aanbieding(
        "Gemeentewebsite op Open Webconcept",
        (COOPERATIE, "Open Webconcept", "saas", "nl", "open_source_ondersteuning", "website"),
        [vergoeding("6500.00", **_COOP), maand("395.00", **_COOP)],
        looptijd_maanden=24,
        verlenging="geen",
        opzegtermijn_dagen=0,
    ),
    aanbieding(
        "ZAC hosting en beheer",
        (VOORBEELD, "ZAC (Zaakafhandelcomponent)", "hybride", "nl", "open_source_ondersteuning", "omgeving"),
        [maand("1150.00")],
        bestelparameters_schema="saas_omgeving",
    ),
    aanbieding(
        "GZAC implementatie en ondersteuning",
        (VOORBEELD, "GZAC", "on_premises", "", "open_source_ondersteuning", "organisatie"),
        [vergoeding("18000.00"), jaar("7200.00")],
        verlenging="handmatig",
    ),
]
