"""Realistic examples in the contract, so documentation pages and generated clients show a
real-looking offer, order or problem instead of ``"string"`` and ``http://example.com``.

Filled in by the schema hook (``api.schema_hooks.postprocess_examples``, through
:mod:`.schema_example_filling`) on the finished document: every
scalar property without an example gets one, chosen by the property's name (and, where a name
means different things, its schema's name), then by its format. References are URLs of these
APIs with stable UUIDs (one per collection, so an order line names the offer the offer's own
example is), on the example host of a municipality. A property no rule covers gets none; the
tests list it, so a new field comes with its example.
"""

from __future__ import annotations

import re
import uuid

from .definitions import BESTELLINGEN, CATALOGUS, APIDefinition

EXAMPLE_HOST = "https://softwarebroker.gemeente.example"
_NAMESPACE = uuid.UUID("6f1c2b1e-4d2a-4c7e-9a51-3e8b0c5d7a90")
_PLACEHOLDER = re.compile(r"\{([^}]+)\}")


def example_uuid(seed: str) -> str:
    """A fixed, real-looking UUID per seed (a collection name): the same in every document."""
    return str(uuid.uuid5(_NAMESPACE, seed))


def example_url(api: APIDefinition, path: str) -> str:
    """``path`` of ``api`` (``/bestellingen/{bestelling_uuid}/berichten/{uuid}``) with the
    example UUID of the collection before each placeholder."""
    parts = path.strip("/").split("/")
    filled = [
        example_uuid(parts[index - 1]) if _PLACEHOLDER.fullmatch(part) and index else part
        for index, part in enumerate(parts)
    ]
    return f"{EXAMPLE_HOST}{api.base_path}/{'/'.join(filled)}"


def resource_url(api: APIDefinition, collection: str, seed: str | None = None) -> str:
    return f"{EXAMPLE_HOST}{api.base_path}/{collection}/{example_uuid(seed or collection)}"


# A property naming another resource by URL: (api, collection[, seed]). Items of a list of
# references take the list's name.
REFERENCES: dict[str, tuple] = {
    "aanbieding": (CATALOGUS, "aanbiedingen"),
    "leverancier": (CATALOGUS, "leveranciers"),
    "leveranciers": (CATALOGUS, "leveranciers"),
    "fabrikant": (CATALOGUS, "leveranciers"),
    "softwarepakket": (CATALOGUS, "softwarepakketten"),
    "softwarepakketversie": (CATALOGUS, "softwarepakketversies"),
    "raamovereenkomst": (CATALOGUS, "raamovereenkomsten"),
    "categorieen": (CATALOGUS, "categorieen"),
    "bovenliggendeCategorie": (CATALOGUS, "categorieen", "hoofdcategorie"),
    "prijs": (CATALOGUS, "prijzen"),
    "verklaring": (CATALOGUS, "verklaringen"),
    "besteller": (BESTELLINGEN, "organisaties"),
    "organisatie": (BESTELLINGEN, "organisaties"),
    "deelnemers": (BESTELLINGEN, "organisaties", "deelnemer"),
    "bestelling": (BESTELLINGEN, "bestellingen"),
    "licentie": (BESTELLINGEN, "licenties"),
    "initiatiefnemer": (BESTELLINGEN, "organisaties"),
    "vraagbundeling": (BESTELLINGEN, "vraagbundelingen"),
    "gebruik": (BESTELLINGEN, "gebruiken"),
}

AANBIEDING_OMSCHRIJVING = "Zaakvlot als dienst, met beheer, updates en ondersteuning op werkdagen."
SHORT_DESCRIPTION = "Zaaksysteem voor gemeenten: zaken, documenten en besluiten volgens de ZGW API's."
LONG_DESCRIPTION = (
    "Zaakvlot ondersteunt het zaakgericht werken van gemeenten van aanvraag tot archief. "
    "Medewerkers behandelen zaken in één overzicht, met documenten, besluiten en termijnen; "
    "inwoners volgen hun aanvraag in MijnOmgeving. Zaakvlot koppelt via de ZGW API's."
)
PUBLICCODE_YAML = f"""publiccodeYmlVersion: "0.4"
name: Zaakvlot
url: https://code.voorbeeldsoftware.example/zaakvlot
landingURL: https://zaakvlot.example
softwareVersion: 2.4.1
releaseDate: "2026-02-16"
platforms: [web]
softwareType: standalone/web
developmentStatus: stable
description:
  nl:
    shortDescription: "{SHORT_DESCRIPTION}"
    documentation: https://docs.zaakvlot.example
legal:
  license: EUPL-1.2
  mainCopyrightOwner: Voorbeeldsoftware B.V.
"""
BESTELPARAMETERS_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["omgeving", "contactpersoonEmail"],
    "properties": {
        "omgeving": {"type": "string", "enum": ["productie", "acceptatie", "test"]},
        "contactpersoonEmail": {"type": "string", "format": "email"},
    },
    "additionalProperties": False,
}

# Resources of the other API that a document shows expanded (their URL is not in its paths).
FOREIGN_RESOURCES = {"Organisatie": (BESTELLINGEN, "organisaties")}

# Values by ``Schema.property`` (the schema's name without ``Patched``/``Request``) or by
# property alone.
VALUES: dict[str, object] = {
    # catalogue
    "Aanbieding.naam": "Zaakvlot als SaaS (hosting in Nederland)",
    "Aanbieding.omschrijving": AANBIEDING_OMSCHRIJVING,
    "FederatiefResultaat.naam": "Zaakvlot als SaaS (hosting in Nederland)",
    "FederatiefResultaat.omschrijving": AANBIEDING_OMSCHRIJVING,
    "FederatiefResultaat.bron": "lokaal",
    "FederatiefResultaat.url": resource_url(CATALOGUS, "aanbiedingen"),
    "Bronverslag.naam": "lokaal",
    "Bronverslag.melding": "Geen antwoord binnen 2 seconden.",
    "Categorie.naam": "Zaakgericht werken",
    "Categorie.omschrijving": "Software voor het behandelen van zaken, van aanvraag tot archief.",
    "Leverancier.naam": "Voorbeeldsoftware B.V.",
    "Contactgegevens.naam": "Afdeling Verkoop Overheid",
    "Softwarepakket.naam": "Zaakvlot",
    "Softwarepakket.omschrijving": LONG_DESCRIPTION,
    "Softwarepakket.licentie": "EUPL-1.2",
    "Raamovereenkomst.naam": "Raamovereenkomst Zaaksystemen 2026-2030",
    "Raamovereenkomst.omschrijving": "Gezamenlijk aanbestede zaaksystemen voor de deelnemende gemeenten.",
    "Organisatie.naam": "Gemeente Voorbeeldstad",
    "GebruikendeOrganisatie.naam": "Gemeente Voorbeeldstad",
    "PubliccodeDocument.name": "Zaakvlot",
    "PubliccodeDocument.url": "https://code.voorbeeldsoftware.example/zaakvlot",
    # the GEMMA register and the vulnerabilities of a version
    "Referentiecomponent.gemmaId": "id-a97b6545-d5a7-485d-9b13-3ce22db5b9cf",
    "Referentiecomponent.naam": "Zaakregistratiecomponent",
    "Referentiecomponent.beschrijving": "Registreert zaken, hun status en resultaat, en hun relaties.",
    "Referentiecomponent.uri": "https://www.gemmaonline.nl/wiki/GEMMA/id-a97b6545-d5a7-485d-9b13-3ce22db5b9cf",
    "Kwetsbaarheid.cveId": "CVE-2026-31337",
    "Kwetsbaarheid.titel": "Zaken leesbaar zonder geldig token via de koppelvlak-API",
    "Kwetsbaarheid.beschrijving": "Een aanvaller kan met een verlopen token zaakgegevens opvragen.",
    "Kwetsbaarheid.opgelostIn": "2.4.2",
    "Kwetsbaarheid.referenties": "https://nvd.nist.gov/vuln/detail/CVE-2026-31337",
    # declarations (compliance evidence)
    "Verklaring.onderwerp": resource_url(CATALOGUS, "aanbiedingen"),
    "Verklaring.standaard": "https://www.forumstandaardisatie.nl/open-standaarden/digikoppeling",
    "Verklaring.standaardVersie": "3.0",
    "Verklaring.omschrijving": "DPIA op de verwerking van zaakgegevens in Zaakvlot als SaaS.",
    "Verklaring.bewijsUrl": "https://voorbeeldsoftware.example/compliance/dpia-zaakvlot-2026.pdf",
    "Verklaring.beoordelaar": "Team Inkoop, Softwarebroker",
    "Verklaring.beoordelingToelichting": "Volledig; risico's en maatregelen beschreven.",
    "Verklaring.document": resource_url(CATALOGUS, "verklaringen") + "/document",
    "Verklaring.documentNaam": "dpia-zaakvlot-2026.pdf",
    "Verklaring.documentSha256": "9f2c4b1a7d3e5f60812a4c6e8b0d2f4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d",
    "VerklaringOvergang.toelichting": "Volledig; risico's en maatregelen beschreven.",
    "DocumentUpload.document": "%PDF-1.7 (de inhoud van het PDF-bestand)",  # as PDF_BODY
    # joint purchase rounds
    "Vraagbundeling.naam": "Zaakvlot samen inkopen 2026",
    "Vraagbundeling.verwachteEenheidsprijs": "8.00",
    "Vraagbundeling.geschatteWaarde": "120960.00",
    "Deelname.maxEenheidsprijs": "9.00",
    "DeelnameWijziging.maxEenheidsprijs": "9.00",
    "VraagbundelingWijziging.naam": "Zaakvlot samen inkopen 2026",
    "VraagbundelingStatuswijziging.vanStatus": "open",
    "DeelnameStatuswijziging.vanStatus": "aangemeld",
    # software use: an alert as the use shows it inline, and the vulnerability it names
    "bestellingen:GebruikAttentie.url": example_url(
        BESTELLINGEN, "/gebruiken/{gebruik_uuid}/attenties/{uuid}"
    ),
    "bestellingen:GebruikAttentie.kwetsbaarheid": example_url(
        CATALOGUS, "/softwarepakketversies/{uuid}/kwetsbaarheden/{uuid}"
    ),
    "bestellingen:Attentie.kwetsbaarheid": example_url(
        CATALOGUS, "/softwarepakketversies/{uuid}/kwetsbaarheden/{uuid}"
    ),
    "GebruikStatuswijziging.vanStatus": "gepland",
    "FieldValidationError.name": "regels.0.bestelparameters.contactpersoonEmail",
    "FieldValidationError.code": "required",
    "FieldValidationError.reason": "Dit gegeven is verplicht.",
    "korteOmschrijving": SHORT_DESCRIPTION,
    "shortDescription": SHORT_DESCRIPTION,
    "longDescription": LONG_DESCRIPTION,
    "eenheid": "gebruiker",
    "kvkNummer": "68750110",
    "telefoonnummer": "+31 70 123 4567",
    "email": "overheid@voorbeeldsoftware.example",
    "website": "https://www.voorbeeldsoftware.example",
    "Softwarepakket.website": "https://zaakvlot.example",
    "landingURL": "https://zaakvlot.example",
    "repositoryUrl": "https://code.voorbeeldsoftware.example/zaakvlot",
    "documentatieUrl": "https://docs.zaakvlot.example",
    "documentation": "https://docs.zaakvlot.example",
    "referentiecomponenten": "https://www.gemmaonline.nl/wiki/GEMMA/id-a97b6545-d5a7-485d-9b13-3ce22db5b9cf",
    "standaarden": "ZGW API's",
    "versie": "2.4.1",
    "softwareVersion": "2.4.1",
    "license": "EUPL-1.2",
    "mainCopyrightOwner": "Voorbeeldsoftware B.V.",
    "repoOwner": "Voorbeeldsoftware B.V.",
    "kenmerk": "RO-2026-017",
    "contractant": "Coöperatie Gemeentelijke Inkoop U.A.",
    "maximaleWaarde": "2500000.00",
    "minimaleAfname": 10,
    "looptijdMaanden": 36,
    "verlengingstermijnMaanden": 12,
    "maxVerlengingen": 2,
    "Indexering.methode": "vast",
    "Indexering.percentage": "2.50",
    "Indexering.plafondPercentage": "4.00",
    "vanafAantal": 50,
    "staffelVanafAantal": 50,
    "bedragExclBtw": "12.50",
    "Staffel.bedragExclBtw": "10.00",
    # A line of 60 users at the tier from 50: 10.00 a month each, 21% VAT over the year.
    "MomentopnamePrijs.aantal": 60,
    "MomentopnamePrijs.bedragExclBtw": "600.00",
    "MomentopnamePrijs.btw": "1512.00",
    "eenheidsprijsExclBtw": "10.00",
    "btwPercentage": "21.00",
    "bestelparametersSchema": BESTELPARAMETERS_SCHEMA,
    "duurMs": 140,
    # organisations and orders
    "oin": "00000001001234567000",
    "gemeentecode": "0344",  # digits 0-7: YAML writes it quoted (0999 would read as a number)
    "inwonertal": 48500,
    "nummer": "2026-0000042",
    "kostenplaats": "ICT-2026",
    "inkoopordernummer": "PO-2026-1187",
    "aanvrager": "inkoper@voorbeeldstad.nl",
    "aanvragerWeergave": "J. de Vries (inkoop)",
    "aangevraagdDoor": "inkoper@voorbeeldstad.nl",
    "actor": "budgethouder@voorbeeldstad.nl",
    "actorWeergave": "M. Jansen (budgethouder)",
    "beoordelaar": "budgethouder@voorbeeldstad.nl",
    "beoordelaarWeergave": "M. Jansen (budgethouder)",
    "auteur": "support@voorbeeldsoftware.example",
    "inhoud": "De omgeving is ingericht; de inloggegevens staan bij de levering.",
    "reden": "Het project is uitgesteld tot volgend jaar.",
    "toelichting": "Past binnen het budget van team Dienstverlening.",
    "geheim": "ZV-2026-7F3A-99B1",
    "verwijzing": "https://portaal.voorbeeldsoftware.example/omgevingen/voorbeeldstad",
    "bestelparameters": {
        "omgeving": "productie",
        "contactpersoonEmail": "functioneel.beheer@voorbeeldstad.nl",
    },
    "aantal": 25,
    "volgnummer": 1,
    "regel": 1,
    "opzegtermijnDagen": 90,
    # licences (a contract term of 36 months that renews twice by 12)
    "leverancierNaam": "Voorbeeldsoftware B.V.",
    "softwarepakketNaam": "Zaakvlot",
    "contractnummer": "2026-0000042",
    "percentage": "3.00",
    "plafondPercentage": "5.00",
    "Licentie.opzegdatum": "2029-01-01",
    # the order line that made the licence: the example line of the example order
    "Licentie.bronregels": example_url(BESTELLINGEN, "/bestellingen/{bestelling_uuid}/regels/{uuid}"),
    "Licentie.uitersteEinddatum": "2032-04-01",
    "bedragEenmaligExclBtw": "2500.00",
    "bedragPerJaarExclBtw": "3750.00",
    "btw": "1312.50",
    "totaalEenmaligExclBtw": "2500.00",
    "totaalPerJaarExclBtw": "3750.00",
    "totaalBtw": "1312.50",
    # One-time 2500.00 plus 3750.00 a year over 36 months and two renewals of 12: 60 months.
    "afroepwaardeExclBtw": "21250.00",
    "afgeroepenWaarde": "412500.00",
    "resterendeWaarde": "2087500.00",
    "eenmaligExclBtw": "2500.00",
    "perJaarExclBtw": "3750.00",
    # the application landscape, in the Softwarecatalogus' shape
    "Voorziening.id": example_uuid("softwarepakketten"),
    "Voorziening.naam": "Zaakvlot",
    "Voorziening.beschrijving": "Zaaksysteem voor het registreren en afhandelen van zaken.",
    "VoorzieningGebruik.id": example_uuid("gebruiken"),
    "VoorzieningGebruik.organisatieId": example_uuid("organisaties"),
    "VoorzieningGebruik.voorzieningId": example_uuid("softwarepakketten"),
    "VoorzieningGebruik.versieId": example_uuid("softwarepakketversies"),
    "VoorzieningGebruik.startDatum": "2025-07-01",
    "VoorzieningGebruik.eindDatum": "2029-12-31",
    "VoorzieningGebruik.opmerkingen": "Zaakgericht werken voor alle afdelingen.",
    # audit trail (by API: an order's in the Bestellingen API, an offer's in the Catalogus API)
    "catalogus:AuditTrail.bron": "catalogus",
    "catalogus:AuditTrail.applicatieId": "voorbeeldsoftware-catalogusbeheer",
    "catalogus:AuditTrail.applicatieWeergave": "Catalogusbeheer Voorbeeldsoftware",
    "catalogus:AuditTrail.gebruikersId": "verkoop@voorbeeldsoftware.example",
    "catalogus:AuditTrail.gebruikersWeergave": "P. Bakker (verkoop)",
    "catalogus:AuditTrail.nlxGebruikersId": "verkoop@voorbeeldsoftware.example",
    "catalogus:AuditTrail.nlxApplicatieId": "catalogusbeheer",
    "catalogus:AuditTrail.resource": "aanbieding",
    "catalogus:AuditTrail.resourceWeergave": "Zaakvlot als SaaS (hosting in Nederland)",
    "catalogus:AuditTrail.toelichting": "Minimale afname verlaagd naar 10 gebruikers.",
    "catalogus:Wijzigingen.oud": {"url": resource_url(CATALOGUS, "aanbiedingen"), "minimaleAfname": 25},
    "catalogus:Wijzigingen.nieuw": {"url": resource_url(CATALOGUS, "aanbiedingen"), "minimaleAfname": 10},
    "AuditTrail.bron": "bestellingen",
    "AuditTrail.toelichting": "Kostenplaats gecorrigeerd op verzoek van de budgethouder.",
    "Wijzigingen.oud": {"url": resource_url(BESTELLINGEN, "bestellingen"), "kostenplaats": "ICT-2025"},
    "Wijzigingen.nieuw": {"url": resource_url(BESTELLINGEN, "bestellingen"), "kostenplaats": "ICT-2026"},
    "applicatieId": "voorbeeldstad-zaaksysteem",
    "applicatieWeergave": "Zaaksysteem Gemeente Voorbeeldstad",
    "gebruikersId": "inkoper@voorbeeldstad.nl",
    "gebruikersWeergave": "J. de Vries (inkoop)",
    "actie": "partial_update",
    "actieWeergave": "Object deels bijgewerkt",
    "resultaat": 200,
    "resource": "bestelling",
    "resourceWeergave": "Bestelling 2026-0000042",
    "nlxApplicatieId": "zaaksysteem",
    "nlxGebruikersId": "inkoper@voorbeeldstad.nl",
    "nlxLogrecordId": "a6c7e8f9-1b2c-4d3e-8f4a-5b6c7d8e9f01",
    "fscTransactionId": "01J5ZK3QH8W4X2N7R9T6Y1V0BC",
    "traceparent": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
    # rapportages
    "Kwartaalperiode.vanafKwartaal": "2025-Q4",
    "Kwartaalperiode.totEnMetKwartaal": "2026-Q3",
    "Kwartaalperiode.vanaf": "2025-10-01",
    "Kwartaalperiode.tot": "2026-10-01",
    "Prijsstatistiek.steekproefGrootte": 6,
    "Prijsstatistiek.minimum": "7.25",
    "Prijsstatistiek.p25": "9.56",
    "Prijsstatistiek.mediaan": "10.01",
    "Prijsstatistiek.p75": "12.92",
    "Prijsstatistiek.maximum": "30.00",
    # rapportages: uitgaven, vergelijking
    "UitgavenRij.besteed": "2812.50",
    "UitgavenRij.verplicht": "937.50",
    "UitgavenRij.totaal": "3750.00",
    "VergelijkingRij.referentiecomponent": (
        "https://www.gemmaonline.nl/wiki/GEMMA/id-a97b6545-d5a7-485d-9b13-3ce22db5b9cf"
    ),
    "VergelijkingRij.referentiecomponentNaam": "Zaakregistratiecomponent",
    # problems
    "type": "urn:opensoftwarebroker:fout:invalid",
    "code": "invalid",
    "title": "Ongeldige aanvraag.",
    "status": 400,
    "detail": "Eén of meer velden of parameters zijn ongeldig.",
    "instance": "urn:uuid:3f2b8c1e-7a4d-4e5f-9b6a-1c2d3e4f5a6b",
}
DATES = {
    "geldigVanaf": "2026-01-01",
    "geldigTot": "2027-01-01",
    "ingangsdatum": "2026-04-01",
    "einddatum": "2030-12-31",
    "releasedatum": "2026-02-16",
    "releaseDate": "2026-02-16",
    "eindeOndersteuning": "2028-12-31",
    "gewensteIngangsdatum": "2026-04-01",
    "datum": "2026-03-02",
}
DEFAULT_DATE = "2026-03-02"
DEFAULT_DATE_TIME = "2026-03-02T09:15:00Z"
DEFAULT_EMAIL = "functioneel.beheer@voorbeeldstad.nl"
