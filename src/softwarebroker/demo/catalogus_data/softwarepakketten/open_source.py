"""Demo open-source products; they exist, their versions and dates are illustrative."""

from .builders import ZGW, open_source_pakket

# versies: (versie, releasedatum, einde ondersteuning or None, status)
OPEN_SOURCE_PAKKETTEN = [
    open_source_pakket(
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
    open_source_pakket(
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
    open_source_pakket(
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
    open_source_pakket(
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
    open_source_pakket(
        "Open Inwoner",
        "Persoonlijke internetpagina voor inwoners.",
        "Toont inwoners hun lopende zaken, berichten, producten en contactmogelijkheden op één plek, "
        "gevoed door de ZGW API's, Open Klant en de Objecten API.",
        categorieen=["Websites en portalen"],
        standaarden=[ZGW, "DigiD", "eHerkenning", "WCAG 2.1"],
        repository_url="https://github.com/maykinmedia/open-inwoner",
        versies=[("1.28.0", "2025-04-14", None, "actief")],
    ),
    open_source_pakket(
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
    open_source_pakket(
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
    open_source_pakket(
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
    open_source_pakket(
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
    open_source_pakket(
        "ZAC (Zaakafhandelcomponent)",
        "Zaakafhandelcomponent voor behandelaars, ontwikkeld voor Dimpact-gemeenten.",
        "Werkomgeving om zaken op te pakken, taken af te handelen en documenten te beheren, bovenop "
        "registraties met de ZGW API's.",
        categorieen=["Zaaksystemen"],
        referentiecomponenten=["Generiek zaakafhandelcomponent"],
        standaarden=[ZGW, "Haal Centraal BRP bevragen", "Notificaties API"],
        repository_url="https://github.com/infonl/dimpact-zaakafhandelcomponent",
        versies=[("3.10.0", "2025-06-02", None, "actief")],
    ),
    open_source_pakket(
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
    open_source_pakket(
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
    open_source_pakket(
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
    open_source_pakket(
        "GZAC",
        "Generieke zaakafhandelcomponent voor procesautomatisering.",
        "Bouwt voort op Valtimo: processen worden gemodelleerd in BPMN en DMN en draaien bovenop de "
        "ZGW API's, met plug-ins voor onder meer de BRP en Open Klant.",
        categorieen=["Procesautomatisering", "Zaaksystemen"],
        referentiecomponenten=["Generiek zaakafhandelcomponent"],
        standaarden=[ZGW, "BPMN 2.0", "DMN 1.3"],
        versies=[("12.0.0", "2025-02-03", None, "actief")],
    ),
]
