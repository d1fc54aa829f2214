"""The two APIs this component publishes: their identity, base path and version."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class APIDefinition:
    slug: str
    title: str
    version: str
    base_path: str  # without trailing slash, e.g. "/catalogus/api/v1"
    urlconf: str
    description: str
    tags: tuple[tuple[str, str], ...] = ()

    @property
    def prefix(self) -> str:
        return self.base_path + "/"

    def owns(self, path: str) -> bool:
        return path == self.base_path or path.startswith(self.prefix)


CATALOGUS = APIDefinition(
    slug="catalogus",
    title="Catalogus API",
    version="1.0.0-alpha.1",
    base_path="/catalogus/api/v1",
    urlconf="softwarebroker.urls.catalogus",
    description=(
        "De Catalogus API publiceert de softwarecatalogus van Open Softwarebroker: "
        "leveranciers, softwarepakketten en hun versies, aanbiedingen met prijzen, "
        "raamovereenkomsten en categorieën. Gemeenten en hun samenwerkingsverbanden "
        "vinden hier standaardsoftware die zij gezamenlijk kunnen bestellen."
    ),
    # Every tag an operation uses, in the order a client meets them: what can be ordered and
    # for how much first, then what it is, who offers it and under which agreement.
    tags=(
        (
            "aanbiedingen",
            "Wat een leverancier aanbiedt om te bestellen: een softwarepakket met leveringsvorm, "
            "licentiemodel en voorwaarden. Zoeken met `zoek`; `_zoeken` zoekt ook in de catalogi van "
            "andere instanties.",
        ),
        ("prijzen", "De prijzen van een aanbieding per periode en doelgroep, met staffels."),
        (
            "softwarepakketten",
            "De software zelf, los van wie haar aanbiedt; ook als publiccode.yml te lezen en te importeren.",
        ),
        (
            "softwarepakketversies",
            "De uitgebrachte versies van een softwarepakket, hun ondersteuning en hun kwetsbaarheden.",
        ),
        (
            "referentiecomponenten",
            "Het register van GEMMA-referentiecomponenten, gevuld uit de publicatie van GEMMA.",
        ),
        ("leveranciers", "Fabrikanten, resellers en dienstverleners, met hun KvK-nummer."),
        (
            "raamovereenkomsten",
            "Aanbestede overeenkomsten waaronder deelnemende organisaties bestellen, met hun looptijd "
            "en maximale waarde.",
        ),
        ("categorieen", "De boom van categorieën waarin software wordt ingedeeld."),
        (
            "verklaringen",
            "Bewijs van naleving (verwerkersovereenkomst, DPIA, certificaten, pentest, standaarden) van "
            "een leverancier, softwarepakket(versie) of aanbieding: door de leverancier ingediend, door "
            "de broker beoordeeld; het document als PDF.",
        ),
        ("openapi", "Het contract van deze API."),
    ),
)

BESTELLINGEN = APIDefinition(
    slug="bestellingen",
    title="Bestellingen API",
    version="1.0.0-alpha.1",
    base_path="/bestellingen/api/v1",
    urlconf="softwarebroker.urls.bestellingen",
    description=(
        "De Bestellingen API registreert bestellingen van standaardsoftware door "
        "gemeenten en verbonden partijen: organisaties, bestellingen met hun regels, "
        "beoordelingen, statuswijzigingen, leveringen, licenties en het gebruik van software."
    ),
    tags=(
        ("organisaties", "Gemeenten en verbonden partijen die bestellen."),
        (
            "bestellingen",
            "Bestellingen met hun regels, en wat eronder hangt: statuswijzigingen, beoordelingen, "
            "berichten, leveringen en annuleringsverzoeken. Statusovergangen volgen de toestandsmachine "
            "in de API-gids.",
        ),
        ("licenties", "De licenties die organisaties hebben, ontstaan uit geleverde bestelregels."),
        (
            "vraagbundelingen",
            "Gezamenlijke inkoop: organisaties bundelen hun vraag naar één aanbieding, het gebundelde "
            "aantal bepaalt de staffel en de gunning maakt één bestelling per goedgekeurde deelname. "
            "Deelnemers zien de totalen en hun eigen deelname, nooit die van een ander.",
        ),
        (
            "gebruiken",
            "Het applicatielandschap: welke software een organisatie gebruikt, voor welke "
            "GEMMA-referentiecomponenten en in welke fase, met de geschiedenis van die fasen en de "
            "attenties bij einde ondersteuning of een kwetsbaarheid van de gebruikte versie.",
        ),
        (
            "rapportages",
            "Inzicht uit de bestellingen, licenties en het gebruik: prijsstatistieken uit aankopen "
            "(geanonimiseerd), de uitgaven van een organisatie en haar applicatielandschap naast dat van "
            "vergelijkbare organisaties (alleen aantallen; onder 5 organisaties niets). Ook als CSV of XLSX.",
        ),
        ("openapi", "Het contract van deze API."),
    ),
)

APIS: tuple[APIDefinition, ...] = (CATALOGUS, BESTELLINGEN)


def api_for_path(path: str) -> APIDefinition | None:
    for api in APIS:
        if api.owns(path):
            return api
    return None


def schema_settings(api: APIDefinition) -> dict:
    """drf-spectacular settings that differ per API."""
    return {
        "TITLE": api.title,
        "DESCRIPTION": api.description,
        "VERSION": api.version,
        "SERVERS": [{"url": api.base_path, "description": "Deze installatie"}],
        "SCHEMA_PATH_PREFIX": "",
        "TAGS": [{"name": name, "description": description} for name, description in api.tags],
    }


CATALOGUS_SCHEMA_SETTINGS = schema_settings(CATALOGUS)
BESTELLINGEN_SCHEMA_SETTINGS = schema_settings(BESTELLINGEN)
