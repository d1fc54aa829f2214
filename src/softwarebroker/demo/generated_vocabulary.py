"""The words and numbers the synthetic catalogue (:mod:`.generated_catalogue`) is made of:
product kinds with their GEMMA component and standards, names of regions and companies, and
price ranges per licence model."""

from softwarebroker.catalogus.constants import Licentiemodel

ZGW = "ZGW API's"

# (product kind, description, category of demo/data.py, GEMMA reference component, standards)
PRODUCT_KINDS = [
    ("Zaaksysteem", "Zaaksysteem voor het registreren en afhandelen van zaken", "Zaaksystemen",
     "Zaakregistratiecomponent", [ZGW, "StUF-ZKN"]),
    ("Zaakafhandeling", "Werkomgeving voor het afhandelen van zaken en taken", "Zaaksystemen",
     "Generiek zaakafhandelcomponent", [ZGW]),
    ("Documentbeheer", "Documentmanagementsysteem met versiebeheer en archivering", "Documentbeheer",
     "Documentregistratiecomponent", [ZGW, "MDTO"]),
    ("Archief", "Archivering van e-mail en documenten volgens de Archiefwet", "Documentbeheer",
     "Archiefbeheercomponent", ["MDTO"]),
    ("Klantcontact", "Klantcontactsysteem voor telefoon, chat en e-mail", "Klantcontactsystemen",
     "Klantinteractiecomponent", ["Klantinteracties API"]),
    ("Berichten", "Berichten aan inwoners per sms, e-mail en Berichtenbox", "Klantcontactsystemen",
     "Notificatiecomponent", ["Notificaties API"]),
    ("Formulieren", "Formulierenbouwer voor digitale aanvragen en meldingen", "E-formulieren",
     "E-formuliercomponent", ["DigiD", "eHerkenning"]),
    ("Financiën", "Financieel pakket voor begroting, boekhouding en facturatie", "Financiële systemen",
     "Financiële component", ["e-Factuur (SI-UBL 2.0)"]),
    ("Belastingen", "Heffen en invorderen van gemeentelijke belastingen", "Bedrijfsvoering",
     "Belastingencomponent", ["StUF-BG", "DigiD"]),
    ("Kantoor", "Kantoorsoftware voor samenwerken, e-mail en vergaderen", "Kantoorautomatisering",
     None, ["ODF 1.3", "OpenID Connect"]),
    ("Burgerzaken", "Burgerzaken voor BRP, reisdocumenten en burgerlijke stand", "Dienstverlening",
     "Burgerzakencomponent", ["Haal Centraal BRP bevragen"]),
    ("Afspraken", "Online afspraken plannen voor balie en telefoon", "Dienstverlening",
     "Afsprakenbeheercomponent", ["DigiD", "WCAG 2.1"]),
]  # fmt: skip
REGIONS = [
    "Noord", "Zuid", "Oost", "West", "Delta", "Polder", "Kust", "Veluwe", "Rivierenland", "Kempen", "Twente",
    "Achterhoek", "Wadden", "Duin",
]  # fmt: skip
SUFFIXES = ["Pro", "Online", "Plus", "Suite", "Cloud", "Connect", "Direct", "Basis", "Compleet", "Flex"]
COMPANY_WORDS = [
    "Noorderlicht", "Polderland", "Stadskern", "Grachtengordel", "Dijkgraaf", "Molenwiek", "Lindeboom",
    "Kanaalzicht", "Hunebed", "Duinroos", "Waterweg", "Klokkentoren", "Heidebloem", "Tulpenveld", "Zeewind",
]  # fmt: skip
COMPANY_TYPES = ["Software", "ICT", "Data", "Systemen", "Informatica", "Digitaal", "Automatisering", "Cloud"]
ROLLEN = [["fabrikant"], ["fabrikant", "dienstverlener"], ["reseller"], ["dienstverlener"]]

# Licence model -> (unit, price type, period, price range in cents)
PRIJS_PER_LICENTIEMODEL = {
    Licentiemodel.PER_GEBRUIKER: ("gebruiker", "terugkerend", "jaar", (5_000, 60_000)),
    Licentiemodel.PER_APPARAAT: ("apparaat", "terugkerend", "jaar", (10_000, 200_000)),
    Licentiemodel.PER_INWONER: ("inwoner", "terugkerend", "jaar", (5, 80)),
    Licentiemodel.PER_ORGANISATIE: ("organisatie", "terugkerend", "jaar", (100_000, 5_000_000)),
    Licentiemodel.GELIJKTIJDIG_GEBRUIK: ("gelijktijdige gebruiker", "terugkerend", "maand", (2_000, 25_000)),
    Licentiemodel.VERBRUIK: ("transactie", "verbruik", "", (1, 50)),
    Licentiemodel.OPEN_SOURCE_ONDERSTEUNING: ("omgeving", "terugkerend", "jaar", (200_000, 2_500_000)),
}
STAFFEL_AANTALLEN = {
    Licentiemodel.PER_INWONER: [25_000, 50_000, 100_000, 250_000],
    Licentiemodel.VERBRUIK: [1_000, 10_000, 100_000, 1_000_000],
}
DEFAULT_STAFFEL_AANTALLEN = [5, 10, 25, 50, 100, 250, 500, 1000]
SAAS_DOCUMENTEN = ["verwerkersovereenkomst", "sla", "beveiligingsverklaring", "exitplan"]
LEVERINGSVORM_LABEL = {"on_premises": "on-premises", "saas": "SaaS", "hybride": "hybride"}
