"""Demo commercial products (fictional); ``fabrikant`` is the supplier's KvK number."""

from .builders import ZGW, commercieel_pakket

# versies: (versie, releasedatum, einde ondersteuning or None, status)
COMMERCIELE_PAKKETTEN = [
    commercieel_pakket(
        "Voorbeeld Zaaksysteem",
        "12345678",
        "Zaaksysteem voor het registreren en afhandelen van zaken.",
        "Compleet zaaksysteem met zaaktypecatalogus, werkvoorraden, termijnbewaking en "
        "documentcreatie; koppelt via de ZGW API's en StUF-ZKN met andere systemen.",
        categorieen=["Zaaksystemen"],
        referentiecomponenten=["Zaakregistratiecomponent", "Generiek zaakafhandelcomponent"],
        standaarden=[ZGW, "StUF-ZKN", "DigiD"],
        versies=[("4.2.0", "2025-06-01", "2027-06-01", "onderhoud"), ("5.0.0", "2026-01-12", None, "actief")],
    ),
    commercieel_pakket(
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
    commercieel_pakket(
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
    commercieel_pakket(
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
    commercieel_pakket(
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
    commercieel_pakket(
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
    commercieel_pakket(
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
    commercieel_pakket(
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
    commercieel_pakket(
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
    commercieel_pakket(
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
    commercieel_pakket(
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
    commercieel_pakket(
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
    commercieel_pakket(
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
    commercieel_pakket(
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
