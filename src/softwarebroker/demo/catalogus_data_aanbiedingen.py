"""Demo catalogue, part 2: offers, their prices and a framework agreement (all fictional).

Prices are compact dicts: ``type`` (prijstype), ``periode``, ``bedrag`` (excl. btw), and
optionally ``btw`` (default 21), ``staffels`` as ``(vanafAantal, bedrag)`` pairs, ``doelgroep``
(default iedereen), ``vanaf`` (default the offer's start) and ``tot``.
"""

START = "2026-01-01"

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

_SCHEMA = "https://json-schema.org/draft/2020-12/schema"

BESTELPARAMETERS_SCHEMAS = {
    "saas_omgeving": {
        "$schema": _SCHEMA,
        "type": "object",
        "required": ["omgeving", "contactpersoonEmail"],
        "properties": {
            "omgeving": {"type": "string", "enum": ["productie", "acceptatie", "test"]},
            "subdomein": {"type": "string", "pattern": "^[a-z0-9-]{3,40}$"},
            "contactpersoonEmail": {"type": "string", "format": "email"},
        },
        "additionalProperties": False,
    },
    "migratie": {
        "$schema": _SCHEMA,
        "type": "object",
        "required": ["huidigSysteem"],
        "properties": {
            "huidigSysteem": {"type": "string", "minLength": 1, "maxLength": 200},
            "gewensteMigratiedatum": {"type": "string", "format": "date"},
            "aantalZaaktypen": {"type": "integer", "minimum": 0},
        },
        "additionalProperties": False,
    },
    "apparaten": {
        "$schema": _SCHEMA,
        "type": "object",
        "required": ["locaties"],
        "properties": {
            "locaties": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "required": ["naam", "aantalApparaten"],
                    "properties": {
                        "naam": {"type": "string", "minLength": 1},
                        "aantalApparaten": {"type": "integer", "minimum": 1},
                    },
                    "additionalProperties": False,
                },
            }
        },
        "additionalProperties": False,
    },
    "telefonie": {
        "$schema": _SCHEMA,
        "type": "object",
        "required": ["telefoonnummers"],
        "properties": {
            "telefoonnummers": {
                "type": "array",
                "minItems": 1,
                "uniqueItems": True,
                "items": {"type": "string", "pattern": "^\\+31[0-9]{9}$"},
            },
            "openingstijden": {"type": "string", "maxLength": 200},
        },
        "additionalProperties": False,
    },
    "kantoor": {
        "$schema": _SCHEMA,
        "type": "object",
        "required": ["domeinnaam", "beheerderEmail"],
        "properties": {
            "domeinnaam": {"type": "string", "format": "hostname"},
            "beheerderEmail": {"type": "string", "format": "email"},
            "taal": {"type": "string", "enum": ["nl", "en"], "default": "nl"},
        },
        "additionalProperties": False,
    },
}

SAAS_DOCUMENTEN = ["verwerkersovereenkomst", "sla", "beveiligingsverklaring", "exitplan"]
ON_PREMISES_DOCUMENTEN = ["sla"]


def _aanbieding(naam, kop, prijzen, **fields):
    """An offer with the defaults most offers share; ``kop`` holds the fields every offer sets."""
    leverancier, pakket, leveringsvorm, hostinglocatie, licentiemodel, eenheid = kop
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


def _jaar(bedrag, **fields):
    return {"type": "terugkerend", "periode": "jaar", "bedrag": bedrag, **fields}


def _maand(bedrag, **fields):
    return {"type": "terugkerend", "periode": "maand", "bedrag": bedrag, **fields}


def _eenmalig(bedrag, **fields):
    return {"type": "eenmalig", "periode": "", "bedrag": bedrag, **fields}


def _verbruik(bedrag, **fields):
    return {"type": "verbruik", "periode": "", "bedrag": bedrag, **fields}


VOORBEELD = "12345678"
POLDERDATA = "23456781"
STADHUIS = "34567812"
KANAAL = "45678123"
WOLKENKANTOOR = "56781234"
RESELLER = "67812345"
COOPERATIE = "78123456"
MELDPUNT = "81234567"

# The cooperative serves its member municipalities under the VAT cost-sharing exemption.
_COOP = {"btw": "0"}

# kop: (leverancier-KvK, softwarepakket, leveringsvorm, hostinglocatie, licentiemodel, eenheid)
AANBIEDINGEN_COMMERCIEEL = [
    _aanbieding(
        "Voorbeeld Zaaksysteem SaaS per gebruiker",
        (VOORBEELD, "Voorbeeld Zaaksysteem", "saas", "nl", "per_gebruiker", "gebruiker"),
        [
            _eenmalig("12500.00"),
            # An indexed price from 2027: the old one ends the day the new one starts.
            _jaar("420.00", staffels=[(50, "395.00"), (100, "370.00"), (250, "340.00")], tot="2027-01-01"),
            _jaar("436.80", staffels=[(50, "410.80"), (100, "384.80"), (250, "353.60")], vanaf="2027-01-01"),
        ],
        omschrijving="Het zaaksysteem als dienst vanuit een Nederlands datacenter, inclusief updates.",
        minimale_afname=10,
        looptijd_maanden=36,
        bestelparameters_schema="saas_omgeving",
    ),
    _aanbieding(
        "Voorbeeld Zaaksysteem SaaS per inwoner",
        (VOORBEELD, "Voorbeeld Zaaksysteem", "saas", "nl", "per_inwoner", "inwoner"),
        [_eenmalig("9500.00"), _jaar("0.35", staffels=[(50000, "0.32"), (100000, "0.29")])],
        omschrijving="Onbeperkt aantal gebruikers; de prijs volgt het inwonertal.",
        looptijd_maanden=36,
        bestelparameters_schema="migratie",
    ),
    _aanbieding(
        "Voorbeeld Zaaksysteem SaaS – raamovereenkomst",
        (VOORBEELD, "Voorbeeld Zaaksysteem", "saas", "nl", "per_inwoner", "inwoner"),
        [
            _eenmalig("7500.00", doelgroep="raamovereenkomst"),
            _jaar("0.29", staffels=[(100000, "0.26")], doelgroep="raamovereenkomst"),
        ],
        omschrijving="Afroep onder raamovereenkomst VNG-RO-2026-001, alleen voor deelnemers.",
        looptijd_maanden=48,
        raamovereenkomst="VNG-RO-2026-001",
        geldig_tot="2029-12-31",
        bestelparameters_schema="migratie",
    ),
    _aanbieding(
        "Voorbeeld Zaaksysteem on-premises",
        (VOORBEELD, "Voorbeeld Zaaksysteem", "on_premises", "", "per_organisatie", "organisatie"),
        [_eenmalig("45000.00"), _jaar("9000.00")],
        omschrijving="Eeuwigdurende licentie voor het eigen datacenter, met onderhoud per jaar.",
        verlenging="handmatig",
    ),
    _aanbieding(
        "Voorbeeld Burgerzaken SaaS",
        (VOORBEELD, "Voorbeeld Burgerzaken", "saas", "nl", "per_inwoner", "inwoner"),
        [_jaar("0.42", staffels=[(50000, "0.38"), (100000, "0.34")])],
        looptijd_maanden=36,
        vereiste_documenten=[*SAAS_DOCUMENTEN, "dpia"],
    ),
    _aanbieding(
        "Voorbeeld Afsprakenplanner abonnement",
        (VOORBEELD, "Voorbeeld Afsprakenplanner", "saas", "eu", "per_organisatie", "organisatie"),
        [_eenmalig("1500.00"), _maand("249.00")],
        omschrijving="Maandabonnement, per maand opzegbaar na het eerste jaar.",
    ),
    _aanbieding(
        "Voorbeeld Afvalbeheer SaaS (pilot)",
        (VOORBEELD, "Voorbeeld Afvalbeheer", "saas", "nl", "per_inwoner", "inwoner"),
        [_jaar("0.12")],
        status="concept",
        verlenging="geen",
    ),
    _aanbieding(
        "Polderdata Documentbeheer Cloud",
        (POLDERDATA, "Polderdata Documentbeheer", "saas", "eu", "per_gebruiker", "gebruiker"),
        [_eenmalig("8000.00"), _maand("18.50", staffels=[(100, "16.75"), (500, "14.90")])],
        minimale_afname=25,
        looptijd_maanden=24,
        bestelparameters_schema="saas_omgeving",
    ),
    _aanbieding(
        "Polderdata Documentbeheer on-premises",
        (POLDERDATA, "Polderdata Documentbeheer", "on_premises", "", "per_gebruiker", "gebruiker"),
        [_eenmalig("350.00", staffels=[(100, "315.00"), (500, "280.00")]), _jaar("70.00")],
        minimale_afname=25,
        verlenging="handmatig",
    ),
    _aanbieding(
        "Polderdata Mailarchief hybride",
        (POLDERDATA, "Polderdata Mailarchief", "hybride", "eu", "per_organisatie", "organisatie"),
        [_jaar("6800.00")],
        omschrijving="Archiefserver in het eigen netwerk, zoeken en beheer vanuit de cloud.",
        geldig_tot="2028-06-30",
    ),
    _aanbieding(
        "Polderdata Mailarchief extra opslag",
        (POLDERDATA, "Polderdata Mailarchief", "saas", "eu", "verbruik", "GB per maand"),
        [_verbruik("0.08", staffels=[(1000, "0.06"), (10000, "0.04")])],
        minimale_afname=100,
        looptijd_maanden=None,
        verlenging="geen",
    ),
    _aanbieding(
        "Polderdata Scanstraat per scanwerkplek",
        (POLDERDATA, "Polderdata Scanstraat", "on_premises", "", "per_apparaat", "scanwerkplek"),
        [_eenmalig("4950.00"), _jaar("990.00", staffels=[(5, "895.00"), (10, "810.00")])],
        bestelparameters_schema="apparaten",
    ),
    _aanbieding(
        "Stadhuis Financiële Suite on-premises",
        (STADHUIS, "Stadhuis Financiële Suite", "on_premises", "", "per_gebruiker", "gebruiker"),
        [_eenmalig("1200.00", staffels=[(25, "1080.00"), (50, "960.00")]), _jaar("240.00")],
        minimale_afname=5,
        verlenging="handmatig",
    ),
    _aanbieding(
        "Stadhuis Financiële Suite hybride",
        (
            STADHUIS,
            "Stadhuis Financiële Suite",
            "hybride",
            "nl",
            "gelijktijdig_gebruik",
            "gelijktijdige gebruiker",
        ),
        [_jaar("1450.00", staffels=[(10, "1325.00"), (25, "1190.00")])],
        minimale_afname=3,
        looptijd_maanden=36,
    ),
    _aanbieding(
        "Stadhuis Belastingen SaaS",
        (STADHUIS, "Stadhuis Belastingen", "saas", "nl", "per_inwoner", "inwoner"),
        [_eenmalig("15000.00"), _jaar("0.55")],
        looptijd_maanden=48,
        vereiste_documenten=[*SAAS_DOCUMENTEN, "dpia"],
        bestelparameters_schema="migratie",
    ),
    _aanbieding(
        "Stadhuis Belastingen on-premises",
        (STADHUIS, "Stadhuis Belastingen", "on_premises", "", "per_organisatie", "organisatie"),
        [_eenmalig("60000.00"), _jaar("12000.00")],
        verlenging="handmatig",
    ),
    _aanbieding(
        "Kanaal KCC per medewerker",
        (KANAAL, "Kanaal Klantcontactcentrum", "saas", "nl", "per_gebruiker", "medewerker"),
        [_maand("65.00", staffels=[(20, "59.00"), (50, "52.50")])],
        minimale_afname=5,
        bestelparameters_schema="saas_omgeving",
    ),
    _aanbieding(
        "Kanaal KCC per inwoner",
        (KANAAL, "Kanaal Klantcontactcentrum", "saas", "nl", "per_inwoner", "inwoner"),
        [_jaar("0.21")],
        looptijd_maanden=36,
    ),
    _aanbieding(
        "Kanaal Telefonie per gelijktijdige lijn",
        (KANAAL, "Kanaal Telefonie", "saas", "eu", "gelijktijdig_gebruik", "gelijktijdige lijn"),
        [_eenmalig("750.00"), _maand("39.00", staffels=[(10, "35.00"), (30, "31.50")])],
        minimale_afname=2,
        bestelparameters_schema="telefonie",
    ),
    _aanbieding(
        "Kanaal Balie aanmeldzuil",
        (KANAAL, "Kanaal Balie", "hybride", "nl", "per_apparaat", "zuil"),
        [_eenmalig("3500.00"), _jaar("1200.00")],
        status="concept",
        bestelparameters_schema="apparaten",
    ),
    _aanbieding(
        "Kantoorwolk Online rechtstreeks",
        (WOLKENKANTOOR, "Kantoorwolk Online", "saas", "buiten_eu", "per_gebruiker", "gebruiker"),
        [_maand("11.90", staffels=[(250, "10.70"), (1000, "9.50")])],
        omschrijving="Gehost bij een Amerikaanse cloudaanbieder; een DPIA is vereist.",
        minimale_afname=10,
        vereiste_documenten=[*SAAS_DOCUMENTEN, "dpia"],
        bestelparameters_schema="kantoor",
    ),
    _aanbieding(
        "Kantoorwolk Online EU-datagrens (reseller)",
        (RESELLER, "Kantoorwolk Online", "saas", "eu", "per_gebruiker", "gebruiker"),
        [
            _jaar("129.00", staffels=[(100, "121.00"), (500, "112.00")]),
            _jaar("104.00", doelgroep="vraagbundeling"),
        ],
        omschrijving="Jaarlicenties met opslag binnen de EU, geleverd via een reseller.",
        minimale_afname=10,
        geldig_tot="2027-12-31",
        vereiste_documenten=[*SAAS_DOCUMENTEN, "dpia"],
        bestelparameters_schema="kantoor",
    ),
    _aanbieding(
        "Meldpunt Berichtenservice per bericht",
        (MELDPUNT, "Meldpunt Berichtenservice", "saas", "eu", "verbruik", "bericht"),
        [_eenmalig("495.00"), _verbruik("0.07", staffels=[(10000, "0.06"), (100000, "0.05")])],
        looptijd_maanden=None,
        verlenging="geen",
    ),
]

AANBIEDINGEN_OPEN_SOURCE = [
    _aanbieding(
        "Open Zaak als dienst",
        (COOPERATIE, "Open Zaak", "saas", "nl", "open_source_ondersteuning", "omgeving"),
        [_eenmalig("2500.00", **_COOP), _jaar("14500.00", **_COOP)],
        omschrijving="Hosting, beheer, updates en ondersteuning van Open Zaak in een Nederlands datacenter.",
        bestelparameters_schema="saas_omgeving",
    ),
    _aanbieding(
        "Open Zaak als dienst – raamovereenkomst",
        (COOPERATIE, "Open Zaak", "saas", "nl", "open_source_ondersteuning", "omgeving"),
        [_jaar("12500.00", doelgroep="raamovereenkomst", **_COOP)],
        raamovereenkomst="VNG-RO-2026-001",
        looptijd_maanden=48,
        geldig_tot="2029-12-31",
        bestelparameters_schema="saas_omgeving",
    ),
    _aanbieding(
        "Open Zaak ondersteuning on-premises",
        (VOORBEELD, "Open Zaak", "on_premises", "", "open_source_ondersteuning", "organisatie"),
        [_jaar("9600.00")],
        omschrijving="Tweedelijnsondersteuning en updates voor een eigen installatie.",
    ),
    _aanbieding(
        "Open Formulieren als dienst",
        (COOPERATIE, "Open Formulieren", "saas", "nl", "open_source_ondersteuning", "omgeving"),
        [_jaar("9800.00", **_COOP)],
        bestelparameters_schema="saas_omgeving",
    ),
    _aanbieding(
        "KISS met Open Klant als dienst",
        (COOPERATIE, "KISS", "saas", "nl", "open_source_ondersteuning", "omgeving"),
        [_eenmalig("4000.00", **_COOP), _jaar("11000.00", **_COOP)],
    ),
    _aanbieding(
        "Open Klant als dienst",
        (COOPERATIE, "Open Klant", "saas", "nl", "open_source_ondersteuning", "omgeving"),
        [_jaar("4800.00", **_COOP)],
    ),
    _aanbieding(
        "Open Notificaties als dienst",
        (COOPERATIE, "Open Notificaties", "saas", "nl", "open_source_ondersteuning", "omgeving"),
        [_jaar("3600.00", **_COOP)],
    ),
    _aanbieding(
        "Objecten en Objecttypen API als dienst",
        (COOPERATIE, "Objecten API", "saas", "nl", "open_source_ondersteuning", "omgeving"),
        [_jaar("4200.00", **_COOP)],
    ),
    _aanbieding(
        "Open Inwoner als dienst",
        (COOPERATIE, "Open Inwoner", "saas", "nl", "open_source_ondersteuning", "omgeving"),
        [_eenmalig("3000.00", **_COOP), _jaar("7800.00", **_COOP)],
    ),
    _aanbieding(
        "Signalen als dienst",
        (COOPERATIE, "Signalen", "saas", "nl", "open_source_ondersteuning", "omgeving"),
        [_jaar("8900.00", **_COOP)],
    ),
    _aanbieding(
        "Open Archiefbeheer als dienst",
        (COOPERATIE, "Open Archiefbeheer", "hybride", "eu", "open_source_ondersteuning", "omgeving"),
        [_jaar("2900.00", **_COOP)],
    ),
    _aanbieding(
        "Open Producten als dienst",
        (COOPERATIE, "Open Producten", "saas", "nl", "open_source_ondersteuning", "omgeving"),
        [_jaar("3400.00", **_COOP)],
    ),
    _aanbieding(
        "Gemeentewebsite op Open Webconcept",
        (COOPERATIE, "Open Webconcept", "saas", "nl", "open_source_ondersteuning", "website"),
        [_eenmalig("6500.00", **_COOP), _maand("395.00", **_COOP)],
        looptijd_maanden=24,
    ),
    _aanbieding(
        "ZAC hosting en beheer",
        (VOORBEELD, "ZAC (Zaakafhandelcomponent)", "hybride", "nl", "open_source_ondersteuning", "omgeving"),
        [_maand("1150.00")],
        bestelparameters_schema="saas_omgeving",
    ),
    _aanbieding(
        "GZAC implementatie en ondersteuning",
        (VOORBEELD, "GZAC", "on_premises", "", "open_source_ondersteuning", "organisatie"),
        [_eenmalig("18000.00"), _jaar("7200.00")],
        verlenging="handmatig",
    ),
]

AANBIEDINGEN = AANBIEDINGEN_COMMERCIEEL + AANBIEDINGEN_OPEN_SOURCE
