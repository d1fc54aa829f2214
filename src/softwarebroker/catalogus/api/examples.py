"""Hand-written examples of the Catalogus API's main resource, for its documentation pages.

URLs come from ``api.schema_examples`` so they name the same resources as every other example
in the contract (the offer an order line names is this offer)."""

from drf_spectacular.utils import OpenApiExample

from softwarebroker.api.definitions import CATALOGUS
from softwarebroker.api.schema_examples import BESTELPARAMETERS_SCHEMA, VALUES, resource_url

AANBIEDING_URL = resource_url(CATALOGUS, "aanbiedingen")
PRIJS_PER_MAAND_URL = resource_url(CATALOGUS, "prijzen")
# A monthly price per user with a tier from 50 users: in the offer's answer, and (without its
# url) as the body that creates it.
PRIJS_PER_MAAND = {
    "url": PRIJS_PER_MAAND_URL,
    "aanbieding": AANBIEDING_URL,
    "prijstype": "terugkerend",
    "grondslag": "per_eenheid",
    "periode": "maand",
    "bedragExclBtw": "12.50",
    "btwPercentage": "21.00",
    "staffels": [{"vanafAantal": 50, "bedragExclBtw": "10.00"}],
    "doelgroep": "iedereen",
    "geldigVanaf": "2026-01-01",
    "geldigTot": "2027-01-01",
}
PRIJS_RAAMOVEREENKOMST_URL = resource_url(CATALOGUS, "prijzen", "prijzen-raamovereenkomst")
PRIJS_IMPLEMENTATIE_URL = resource_url(CATALOGUS, "prijzen", "prijzen-implementatie")

AANBIEDING = {
    "url": AANBIEDING_URL,
    "softwarepakket": resource_url(CATALOGUS, "softwarepakketten"),
    "leverancier": resource_url(CATALOGUS, "leveranciers"),
    "naam": VALUES["Aanbieding.naam"],
    "omschrijving": VALUES["Aanbieding.omschrijving"],
    "leveringsvorm": "saas",
    "hostinglocatie": "nl",
    "licentiemodel": "per_gebruiker",
    "eenheid": "gebruiker",
    "minimaleAfname": 10,
    "looptijdMaanden": 36,
    "verlenging": "automatisch",
    "opzegtermijnDagen": 90,
    "verlengingstermijnMaanden": 12,
    "maxVerlengingen": 2,
    "indexering": {"methode": "cpi", "percentage": None, "plafondPercentage": "4.00"},
    "raamovereenkomst": resource_url(CATALOGUS, "raamovereenkomsten"),
    "bestelparametersSchema": BESTELPARAMETERS_SCHEMA,
    "vereisteDocumenten": ["verwerkersovereenkomst", "sla", "exitplan"],
    "geldigVanaf": "2026-01-01",
    "geldigTot": "2029-01-01",
    "status": "gepubliceerd",
    "actuelePrijzen": [
        {
            "url": PRIJS_IMPLEMENTATIE_URL,
            "aanbieding": AANBIEDING_URL,
            "prijstype": "eenmalig",
            "grondslag": "per_bestelling",
            "periode": None,
            "bedragExclBtw": "12500.00",
            "btwPercentage": "21.00",
            "staffels": [],
            "doelgroep": "iedereen",
            "geldigVanaf": "2026-01-01",
            "geldigTot": None,
        },
        PRIJS_PER_MAAND,
        {
            "url": PRIJS_RAAMOVEREENKOMST_URL,
            "aanbieding": AANBIEDING_URL,
            "prijstype": "terugkerend",
            "grondslag": "per_eenheid",
            "periode": "jaar",
            "bedragExclBtw": "135.00",
            "btwPercentage": "21.00",
            "staffels": [],
            "doelgroep": "raamovereenkomst",
            "geldigVanaf": "2026-01-01",
            "geldigTot": "2029-01-01",
        },
    ],
    "verklaringen": [
        {
            "type": "sla",
            "verklaring": resource_url(CATALOGUS, "verklaringen", "verklaringen-sla"),
            "geldigVanaf": "2026-01-01",
            "geldigTot": "2027-01-01",
        },
        {
            "type": "verwerkersovereenkomst",
            "verklaring": resource_url(CATALOGUS, "verklaringen"),
            "geldigVanaf": "2025-06-01",
            "geldigTot": None,
        },
    ],
    "ontbrekendeVerklaringen": ["exitplan"],
}

AANBIEDING_EXAMPLE = OpenApiExample(
    "Zaaksysteem als SaaS",
    summary="Een gepubliceerde aanbieding met haar actuele prijzen",
    description="Eenmalig een implementatievergoeding per bestelregel (`per_bestelling`: 10 of 60 "
    "gebruikers, het blijft 12500.00), dan per gebruiker per maand, met een staffel vanaf 50 "
    "gebruikers; drie jaar, daarna hoogstens twee keer een jaar verlengd, 90 dagen opzegtermijn, "
    "geïndexeerd met de CPI tot 4%. Deelnemers van de raamovereenkomst betalen de jaarprijs van de "
    "overeenkomst. Bij een bestelregel horen de bestelparameters volgens `bestelparametersSchema`. "
    "De verwerkersovereenkomst (van de leverancier) en de SLA zijn goedgekeurd; zolang het exitplan "
    "ontbreekt, wordt een bestelling ervan niet ingediend.",
    value=AANBIEDING,
    response_only=True,
    status_codes=["200"],
)


PRIJS_AANMAKEN_EXAMPLES = [
    OpenApiExample(
        "Implementatievergoeding",
        summary="Een eenmalige vergoeding per bestelregel",
        description="Telt één keer per bestelregel, ongeacht het aantal gebruikers; zonder staffels.",
        value={
            "aanbieding": AANBIEDING_URL,
            "prijstype": "eenmalig",
            "grondslag": "per_bestelling",
            "bedragExclBtw": "12500.00",
            "btwPercentage": "21.00",
            "geldigVanaf": "2026-01-01",
        },
        request_only=True,
    ),
    OpenApiExample(
        "Prijs per gebruiker met staffel",
        summary="Een maandprijs per gebruiker, goedkoper vanaf 50 gebruikers",
        description="Telt per gebruiker van de bestelregel; vanaf 50 gebruikers geldt 10.00 voor elke "
        "gebruiker.",
        value={name: value for name, value in PRIJS_PER_MAAND.items() if name != "url"},
        request_only=True,
    ),
]


VERKLARING_URL = resource_url(CATALOGUS, "verklaringen")
VERKLARING_AANMAKEN = {
    "onderwerp": AANBIEDING_URL,
    "type": "dpia",
    "omschrijving": "DPIA op de verwerking van zaakgegevens in de SaaS-dienst, uitgevoerd met het "
    "model DPIA Rijksdienst.",
    "geldigVanaf": "2026-01-01",
    "geldigTot": "2028-01-01",
    "vertrouwelijkheid": "overheid",
}
VERKLARING = {
    "url": VERKLARING_URL,
    **VERKLARING_AANMAKEN,
    "standaard": "",
    "standaardVersie": "",
    "status": "goedgekeurd",
    "bewijsUrl": None,
    "beoordelaar": "Team Inkoop, Softwarebroker",
    "beoordeeldOp": "2026-01-15T09:30:00Z",
    "beoordelingToelichting": "Volledig; risico's en maatregelen beschreven.",
    "document": f"{VERKLARING_URL}/document",
    "documentNaam": "dpia-zaaksysteem-2026.pdf",
    "documentGrootte": 482113,
    "documentSha256": "9f2c4b1a7d3e5f60812a4c6e8b0d2f4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d",
}

VERKLARING_AANMAKEN_EXAMPLE = OpenApiExample(
    "DPIA van een aanbieding",
    summary="Een DPIA, alleen voor overheden leesbaar",
    description="De leverancier maakt de verklaring als concept, uploadt daarna het document en dient "
    "haar in.",
    value=VERKLARING_AANMAKEN,
    request_only=True,
)
VERKLARING_EXAMPLE = OpenApiExample(
    "Goedgekeurde DPIA",
    summary="Een goedgekeurde DPIA met document",
    description="Door de broker goedgekeurd; het document is te downloaden via `document`.",
    value=VERKLARING,
    response_only=True,
    status_codes=["200", "201"],
)
