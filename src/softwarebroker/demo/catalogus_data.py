"""Demo catalogue, part 1: categories, suppliers and software products.

The open-source products exist and are described briefly from their public documentation;
their version numbers and dates are illustrative. Every supplier and every commercial
product is fictional (domains under the reserved ``.example`` top-level domain). Offers,
prices and the framework agreement are in ``catalogus_data_aanbiedingen``.
"""

# Each GEMMA reference component is referenced by its page: BASE + name (spaces as "_").
GEMMA_REFERENTIECOMPONENT_BASIS = "https://www.gemmaonline.nl/index.php/GEMMA/Referentiecomponent/"

EUPL = "EUPL-1.2"
PROPRIETARY = "LicenseRef-proprietary"

# Added to the categories of demo/data.py: (naam, bovenliggende categorie, omschrijving).
EXTRA_CATEGORIEEN = [
    ("Procesautomatisering", "Zaakgericht werken", "Werkstromen, taken en bedrijfsregels."),
    ("Archivering", "Zaakgericht werken", "Duurzaam bewaren, vernietigen en overbrengen."),
    ("Burgerzaken", "Dienstverlening", "Basisregistratie personen, reisdocumenten en burgerlijke stand."),
    ("Websites en portalen", "Dienstverlening", "Gemeentelijke website en persoonlijke internetpagina."),
    ("Meldingen openbare ruimte", "Dienstverlening", "Meldingen over de buitenruimte."),
    ("Belastingen", "Bedrijfsvoering", "Heffen en invorderen van gemeentelijke belastingen."),
    ("Integratie", None, "Gegevensuitwisseling tussen componenten (Common Ground)."),
    ("Registraties", "Integratie", "Bronregistraties met een gestandaardiseerde API."),
    ("Berichtenverkeer", "Integratie", "Notificaties en berichten aan inwoners en systemen."),
]

F, R, D = "fabrikant", "reseller", "dienstverlener"

# (kvk-nummer, naam, rollen, domein, contactpersoon, telefoonnummer): website and e-mail use the domain.
LEVERANCIERS = [
    ("12345678", "Voorbeeld Software B.V.", [F, D], "voorbeeldsoftware.example", "S. de Vries", "0301234567"),
    ("23456781", "Polderdata B.V.", [F], "polderdata.example", "M. Jansen", "0207654321"),
    ("34567812", "Stadhuis Financieel B.V.", [F, D], "stadhuisfinancieel.example", "A. Bakker", "0102345678"),
    ("45678123", "Kanaal Klantcontact B.V.", [F, D], "kanaalklantcontact.example", "R. Visser", "0503456789"),
    ("56781234", "Wolkenkantoor B.V.", [F], "wolkenkantoor.example", "L. Smit", "0404567890"),
    ("67812345", "Gemeentelicenties B.V.", [R], "gemeentelicenties.example", "J. Mulder", "0335678901"),
    ("78123456", "Open Diensten Coöperatie U.A.", [D], "opendiensten.example", "E. de Boer", "0706789012"),
    ("81234567", "Meldpunt Berichten B.V.", [F, D], "meldpuntberichten.example", "K. Peters", "0537890123"),
]


def _open_source(naam, korte_omschrijving, omschrijving, **fields):
    """An open-source product: no manufacturer in the catalogue (a community maintains it)."""
    return {
        "naam": naam,
        "korte_omschrijving": korte_omschrijving,
        "omschrijving": omschrijving,
        "fabrikant": None,
        "open_source": True,
        "licentie": EUPL,
        "software_type": "standalone_web",
        "platforms": ["web", "linux"],
        "status": "gepubliceerd",
        **fields,
    }


def _commercieel(naam, fabrikant, korte_omschrijving, omschrijving, **fields):
    return {
        "naam": naam,
        "korte_omschrijving": korte_omschrijving,
        "omschrijving": omschrijving,
        "fabrikant": fabrikant,
        "open_source": False,
        "licentie": PROPRIETARY,
        "software_type": "standalone_web",
        "platforms": ["web"],
        "status": "gepubliceerd",
        **fields,
    }


ZGW = "ZGW API's"

# versies: (versie, releasedatum, einde ondersteuning or None, status)
OPEN_SOURCE_PAKKETTEN = [
    _open_source(
        "Open Zaak",
        "Registratiecomponenten voor zaakgericht werken volgens de ZGW API's.",
        "Biedt de Zaken, Documenten, Catalogi, Besluiten en Autorisaties API's in één installatie, "
        "zodat zaaksystemen en andere toepassingen zaken en documenten gestandaardiseerd vastleggen.",
        categorieen=["Zaaksystemen", "Registraties"],
        referentiecomponenten=["Zaakregistratiecomponent", "Documentregistratiecomponent"],
        standaarden=[ZGW, "NL API Design Rules", "Common Ground"],
        software_type="standalone_backend",
        repository_url="https://github.com/open-zaak/open-zaak",
        website="https://openzaak.org",
        documentatie_url="https://open-zaak.readthedocs.io",
        versies=[
            ("1.18.0", "2025-03-03", "2026-06-30", "onderhoud"),
            ("1.21.0", "2025-11-17", None, "actief"),
        ],
    ),
    _open_source(
        "Open Formulieren",
        "Formulierenbouwer voor toegankelijke e-formulieren van de gemeente.",
        "Beheerders stellen formulieren samen met logica, vooringevulde gegevens en betaling; "
        "inzendingen gaan naar zaaksystemen, e-mail of de Objecten API. Inloggen met DigiD of eHerkenning.",
        categorieen=["E-formulieren"],
        referentiecomponenten=["E-formuliercomponent"],
        standaarden=[ZGW, "DigiD", "eHerkenning", "Haal Centraal BRP bevragen", "WCAG 2.1"],
        repository_url="https://github.com/open-formulieren/open-forms",
        documentatie_url="https://open-forms.readthedocs.io",
        versies=[
            ("2.8.0", "2024-12-09", "2025-12-31", "einde_ondersteuning"),
            ("3.0.0", "2025-03-17", None, "actief"),
        ],
    ),
    _open_source(
        "Open Klant",
        "Registratie van klantinteracties en contactgegevens.",
        "Legt vast wie contact had met de gemeente, via welk kanaal en waarover, volgens de "
        "Klantinteracties API, zodat klantcontactsystemen één gedeeld klantbeeld gebruiken.",
        categorieen=["Klantcontactsystemen", "Registraties"],
        referentiecomponenten=["Klantinteractiecomponent"],
        standaarden=["Klantinteracties API", "NL API Design Rules"],
        software_type="standalone_backend",
        repository_url="https://github.com/maykinmedia/open-klant",
        documentatie_url="https://open-klant.readthedocs.io",
        versies=[("2.6.0", "2025-02-10", None, "onderhoud"), ("2.12.1", "2025-10-06", None, "actief")],
    ),
    _open_source(
        "Open Notificaties",
        "Routering van notificaties tussen Common Ground-componenten.",
        "Componenten melden wijzigingen (bijvoorbeeld een nieuwe zaak) op een kanaal; abonnees krijgen "
        "een notificatie en halen de actuele gegevens zelf op bij de bron.",
        categorieen=["Berichtenverkeer"],
        referentiecomponenten=["Notificatiecomponent"],
        standaarden=[ZGW, "Notificaties API"],
        software_type="standalone_backend",
        repository_url="https://github.com/open-zaak/open-notificaties",
        documentatie_url="https://open-notificaties.readthedocs.io",
        versies=[("1.8.0", "2025-01-20", None, "actief")],
    ),
    _open_source(
        "Open Inwoner",
        "Persoonlijke internetpagina voor inwoners.",
        "Toont inwoners hun lopende zaken, berichten, producten en contactmogelijkheden op één plek, "
        "gevoed door de ZGW API's, Open Klant en de Objecten API.",
        categorieen=["Websites en portalen"],
        standaarden=[ZGW, "DigiD", "eHerkenning", "WCAG 2.1"],
        repository_url="https://github.com/maykinmedia/open-inwoner",
        versies=[("1.28.0", "2025-04-14", None, "actief")],
    ),
    _open_source(
        "Open Producten",
        "Beheer van producten en producttypen van de gemeente.",
        "Registreert welke producten (zoals vergunningen en abonnementen) een inwoner of ondernemer "
        "heeft en beschrijft de producttypen die de gemeente aanbiedt, ontsloten via API's.",
        categorieen=["Registraties", "Dienstverlening"],
        standaarden=["NL API Design Rules"],
        software_type="standalone_backend",
        repository_url="https://github.com/maykinmedia/open-producten",
        versies=[("0.9.0", "2025-05-12", None, "actief")],
    ),
    _open_source(
        "Open Archiefbeheer",
        "Vernietigen van zaken volgens de selectielijst.",
        "Ondersteunt het samenstellen, beoordelen en uitvoeren van vernietigingslijsten voor zaken in "
        "een ZGW-zaakregistratie, met een vastgelegd akkoord van de archivaris.",
        categorieen=["Archivering"],
        referentiecomponenten=["Archiefbeheercomponent"],
        standaarden=[ZGW, "Selectielijst gemeenten"],
        repository_url="https://github.com/maykinmedia/open-archiefbeheer",
        versies=[("1.0.0", "2025-01-13", None, "actief")],
    ),
    _open_source(
        "Objecten API",
        "Registratie van objecten waarvan de structuur in een objecttype staat.",
        "Slaat gegevens op die geen eigen registratie hebben, zoals bomen, containers of aanvragen; "
        "elk object wordt gevalideerd tegen het JSON-schema van zijn objecttype.",
        categorieen=["Registraties"],
        standaarden=["NL API Design Rules", "JSON Schema"],
        software_type="standalone_backend",
        repository_url="https://github.com/maykinmedia/objects-api",
        versies=[("2.4.0", "2024-06-03", None, "onderhoud"), ("3.0.0", "2025-02-24", None, "actief")],
    ),
    _open_source(
        "Objecttypen API",
        "Beheer van objecttypen en hun JSON-schema's.",
        "Catalogus van objecttypen met versies; de Objecten API gebruikt deze definities om objecten "
        "te valideren.",
        categorieen=["Registraties"],
        standaarden=["NL API Design Rules", "JSON Schema"],
        software_type="standalone_backend",
        repository_url="https://github.com/maykinmedia/objecttypes-api",
        versies=[("3.0.0", "2025-02-24", None, "actief")],
    ),
    _open_source(
        "ZAC (Zaakafhandelcomponent)",
        "Zaakafhandelcomponent voor behandelaars, ontwikkeld voor Dimpact-gemeenten.",
        "Werkomgeving om zaken op te pakken, taken af te handelen en documenten te beheren, bovenop "
        "registraties met de ZGW API's.",
        categorieen=["Zaaksystemen"],
        referentiecomponenten=["Zaakafhandelcomponent"],
        standaarden=[ZGW, "Haal Centraal BRP bevragen", "Notificaties API"],
        repository_url="https://github.com/infonl/dimpact-zaakafhandelcomponent",
        versies=[("3.10.0", "2025-06-02", None, "actief")],
    ),
    _open_source(
        "Signalen",
        "Meldingen openbare ruimte, oorspronkelijk van de gemeente Amsterdam.",
        "Inwoners melden problemen in de buitenruimte, zoals zwerfafval of een kapotte lantaarnpaal; "
        "de gemeente verdeelt de meldingen over afdelingen en houdt de melder op de hoogte.",
        categorieen=["Meldingen openbare ruimte"],
        standaarden=["NL API Design Rules"],
        licentie="MPL-2.0",
        repository_url="https://github.com/Amsterdam/signals",
        website="https://signalen.org",
        versies=[("2.25.0", "2025-03-31", None, "actief")],
    ),
    _open_source(
        "KISS",
        "Klantinteractie Servicesysteem voor klantcontactmedewerkers.",
        "Eén werkscherm om inwoners en ondernemers te woord te staan: kennisbank, zoeken in zaken en "
        "klantgegevens en het vastleggen van contactverzoeken.",
        categorieen=["Klantcontactsystemen"],
        referentiecomponenten=["Klantinteractiecomponent"],
        standaarden=[ZGW, "Klantinteracties API"],
        repository_url="https://github.com/Klantinteractie-Servicesysteem/KISS-frontend",
        documentatie_url="https://kiss-klantinteractie-servicesysteem.readthedocs.io",
        versies=[("1.0.0", "2024-09-16", None, "onderhoud"), ("1.1.0", "2025-05-19", None, "actief")],
    ),
    _open_source(
        "Open Webconcept",
        "Open-source bouwstenen voor gemeentelijke websites op WordPress.",
        "Verzameling plug-ins en thema's, onder meer voor een producten- en dienstencatalogus, "
        "nieuwsberichten en Woo-publicaties.",
        categorieen=["Websites en portalen"],
        standaarden=["WCAG 2.1", "Samenwerkende Catalogi"],
        platforms=["web"],
        website="https://openwebconcept.nl",
        versies=[("2.0.0", "2025-01-06", None, "actief")],
    ),
    _open_source(
        "GZAC",
        "Generieke zaakafhandelcomponent voor procesautomatisering.",
        "Bouwt voort op Valtimo: processen worden gemodelleerd in BPMN en DMN en draaien bovenop de "
        "ZGW API's, met plug-ins voor onder meer de BRP en Open Klant.",
        categorieen=["Procesautomatisering", "Zaaksystemen"],
        referentiecomponenten=["Zaakafhandelcomponent"],
        standaarden=[ZGW, "BPMN 2.0", "DMN 1.3"],
        versies=[("12.0.0", "2025-02-03", None, "actief")],
    ),
]

COMMERCIELE_PAKKETTEN = [
    _commercieel(
        "Voorbeeld Zaaksysteem",
        "12345678",
        "Zaaksysteem voor het registreren en afhandelen van zaken.",
        "Compleet zaaksysteem met zaaktypecatalogus, werkvoorraden, termijnbewaking en "
        "documentcreatie; koppelt via de ZGW API's en StUF-ZKN met andere systemen.",
        categorieen=["Zaaksystemen"],
        referentiecomponenten=["Zaakregistratiecomponent", "Zaakafhandelcomponent"],
        standaarden=[ZGW, "StUF-ZKN", "DigiD"],
        versies=[("4.2.0", "2025-06-01", "2027-06-01", "onderhoud"), ("5.0.0", "2026-01-12", None, "actief")],
    ),
    _commercieel(
        "Voorbeeld Burgerzaken",
        "12345678",
        "Burgerzaken: BRP, reisdocumenten, rijbewijzen en burgerlijke stand.",
        "Ondersteunt baliemedewerkers bij aanvragen van reisdocumenten, verhuizingen en aktes, met "
        "bevragingen van de BRP.",
        categorieen=["Burgerzaken"],
        referentiecomponenten=["Burgerzakencomponent"],
        standaarden=["Haal Centraal BRP bevragen", "StUF-BG", "DigiD"],
        platforms=["web", "windows"],
        versies=[("8.1.3", "2025-09-15", None, "actief")],
    ),
    _commercieel(
        "Voorbeeld Afsprakenplanner",
        "12345678",
        "Online afspraken maken voor balie en telefoon.",
        "Inwoners plannen zelf een afspraak voor bijvoorbeeld een paspoort; medewerkers zien de "
        "agenda per balie en sturen herinneringen per e-mail of sms.",
        categorieen=["Dienstverlening"],
        referentiecomponenten=["Afsprakenbeheercomponent"],
        standaarden=["DigiD", "WCAG 2.1"],
        versies=[("2.3.1", "2025-08-04", None, "actief")],
    ),
    _commercieel(
        "Voorbeeld Afvalbeheer",
        "12345678",
        "Afvalinzameling: containers, pasjes en ophaalroutes.",
        "Registreert containers en toegangspassen en plant ophaalroutes; inwoners zien hun "
        "afvalkalender online.",
        categorieen=["Bedrijfsvoering"],
        referentiecomponenten=["Afvalbeheercomponent"],
        standaarden=["NL API Design Rules"],
        status="concept",
        versies=[("0.9.0", "2026-02-02", None, "actief")],
    ),
    _commercieel(
        "Polderdata Documentbeheer",
        "23456781",
        "Documentmanagementsysteem (DMS) met versiebeheer en archivering.",
        "Beheert documenten van concept tot archief, met versies, metadata volgens MDTO en opslag "
        "als PDF/A; ontsloten via de Documenten API.",
        categorieen=["Documentbeheer"],
        referentiecomponenten=["Documentregistratiecomponent", "Documentbeheercomponent"],
        standaarden=[ZGW, "CMIS 1.1", "MDTO", "PDF/A"],
        platforms=["web", "windows"],
        versies=[("11.4.0", "2025-05-05", None, "onderhoud"), ("12.0.2", "2026-01-19", None, "actief")],
    ),
    _commercieel(
        "Polderdata Mailarchief",
        "23456781",
        "E-mailarchivering voor de Archiefwet en Woo-verzoeken.",
        "Archiveert e-mail van alle medewerkers op basis van rol, doorzoekbaar voor Woo-verzoeken, "
        "met bewaartermijnen en vernietiging volgens de selectielijst.",
        categorieen=["Archivering"],
        referentiecomponenten=["Archiefbeheercomponent"],
        standaarden=["MDTO", "Archiefwet"],
        versies=[("3.2.0", "2025-10-01", None, "actief")],
    ),
    _commercieel(
        "Polderdata Scanstraat",
        "23456781",
        "Scannen en herkennen van post op de postkamer.",
        "Zet binnenkomende post om in doorzoekbare PDF/A-documenten en herkent documenttypen, zodat "
        "ze direct bij de juiste zaak komen.",
        categorieen=["Documentbeheer"],
        referentiecomponenten=["Documentbeheercomponent"],
        standaarden=["PDF/A", ZGW],
        software_type="standalone_desktop",
        platforms=["windows"],
        versies=[("6.0.1", "2025-04-22", None, "actief")],
    ),
    _commercieel(
        "Stadhuis Financiële Suite",
        "34567812",
        "Financiële administratie: begroting, grootboek, inkoop en facturatie.",
        "Financieel pakket voor gemeenten met begrotingsbeheer, crediteuren en debiteuren, "
        "e-facturen en de Iv3-verantwoording.",
        categorieen=["Financiële systemen"],
        referentiecomponenten=["Financiële component"],
        standaarden=["e-Factuur (SI-UBL 2.0)", "Iv3", "SEPA"],
        platforms=["web", "windows"],
        versies=[("2025.2.0", "2025-07-01", None, "onderhoud"), ("2026.1.0", "2026-01-05", None, "actief")],
    ),
    _commercieel(
        "Stadhuis Belastingen",
        "34567812",
        "Heffen en invorderen van gemeentelijke belastingen.",
        "Aanslagen voor onroerendezaakbelasting, afvalstoffenheffing en hondenbelasting, met "
        "kwijtschelding en invordering; inwoners zien hun aanslag online.",
        categorieen=["Belastingen"],
        referentiecomponenten=["Belastingencomponent"],
        standaarden=["StUF-BG", "Haal Centraal BRP bevragen", "DigiD"],
        versies=[("7.5.0", "2025-11-03", None, "actief")],
    ),
    _commercieel(
        "Kanaal Klantcontactcentrum",
        "45678123",
        "Omnichannel klantcontactcentrum (KCC) voor gemeenten.",
        "Telefoon, chat, e-mail en sociale media in één werkscherm, met kennisbank, terugbelverzoeken "
        "en registratie van contactmomenten in Open Klant.",
        categorieen=["Klantcontactsystemen"],
        referentiecomponenten=["Klantinteractiecomponent"],
        standaarden=["Klantinteracties API", ZGW],
        versies=[("4.0.0", "2025-09-01", None, "actief")],
    ),
    _commercieel(
        "Kanaal Telefonie",
        "45678123",
        "Telefonieplatform met wachtrijen voor het KCC.",
        "Verdeelt inkomende gesprekken over medewerkers, met keuzemenu, wachtrijen en rapportages "
        "over bereikbaarheid.",
        categorieen=["Klantcontactsystemen"],
        referentiecomponenten=["Callcentercomponent"],
        standaarden=["SIP"],
        platforms=["web", "windows", "mac"],
        versies=[("3.7.2", "2025-12-01", None, "actief")],
    ),
    _commercieel(
        "Kanaal Balie",
        "45678123",
        "Baliebeheer met aanmeldzuil en wachtrijschermen.",
        "Bezoekers melden zich aan op een zuil en zien op schermen wanneer ze aan de beurt zijn.",
        categorieen=["Dienstverlening"],
        referentiecomponenten=["Baliecomponent"],
        standaarden=["WCAG 2.1"],
        software_type="standalone_iot",
        platforms=["web", "android"],
        status="concept",
        versies=[("1.0.0-rc.1", "2026-02-16", None, "actief")],
    ),
    _commercieel(
        "Kantoorwolk Online",
        "56781234",
        "Kantoorsoftware in de cloud: tekstverwerker, rekenblad, e-mail en videobellen.",
        "Online kantoorpakket met gedeelde documenten, agenda's en vergaderen, te gebruiken in de "
        "browser en met apps voor desktop en mobiel.",
        categorieen=["Kantoorautomatisering"],
        standaarden=["ODF 1.3", "PDF/A", "OpenID Connect"],
        platforms=["web", "windows", "mac", "ios", "android"],
        versies=[("2026.1.0", "2026-01-07", None, "actief")],
    ),
    _commercieel(
        "Meldpunt Berichtenservice",
        "81234567",
        "Berichten aan inwoners per sms, e-mail en Berichtenbox.",
        "Verstuurt statusberichten en herinneringen uit zaaksystemen en andere toepassingen, "
        "op basis van notificaties; afgerekend per verstuurd bericht.",
        categorieen=["Berichtenverkeer"],
        referentiecomponenten=["Notificatiecomponent"],
        standaarden=["Notificaties API", "Berichtenbox voor burgers"],
        software_type="standalone_backend",
        versies=[("2.1.0", "2025-08-18", None, "actief")],
    ),
]

SOFTWAREPAKKETTEN = OPEN_SOURCE_PAKKETTEN + COMMERCIELE_PAKKETTEN
