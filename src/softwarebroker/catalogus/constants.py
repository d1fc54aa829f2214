"""Code lists of the catalogue (enum values are snake_case Dutch, as the API rules ask)."""

from django.db import models


class PublicatieStatus(models.TextChoices):
    CONCEPT = "concept", "Concept"
    GEPUBLICEERD = "gepubliceerd", "Gepubliceerd"
    INGETROKKEN = "ingetrokken", "Ingetrokken"


# concept -> gepubliceerd -> ingetrokken; nothing else.
PUBLICATIE_TRANSITIONS = {
    PublicatieStatus.CONCEPT: {PublicatieStatus.GEPUBLICEERD},
    PublicatieStatus.GEPUBLICEERD: {PublicatieStatus.INGETROKKEN},
    PublicatieStatus.INGETROKKEN: set(),
}


class LeverancierRol(models.TextChoices):
    FABRIKANT = "fabrikant", "Fabrikant"
    RESELLER = "reseller", "Reseller"
    DIENSTVERLENER = "dienstverlener", "Dienstverlener"


class SoftwareType(models.TextChoices):
    STANDALONE_WEB = "standalone_web", "Zelfstandig: web"
    STANDALONE_BACKEND = "standalone_backend", "Zelfstandig: backend"
    STANDALONE_DESKTOP = "standalone_desktop", "Zelfstandig: desktop"
    STANDALONE_MOBILE = "standalone_mobile", "Zelfstandig: mobiel"
    STANDALONE_IOT = "standalone_iot", "Zelfstandig: IoT"
    STANDALONE_OTHER = "standalone_other", "Zelfstandig: overig"
    ADDON = "addon", "Uitbreiding"
    LIBRARY = "library", "Bibliotheek"
    CONFIGURATION_FILES = "configuration_files", "Configuratiebestanden"


class VersieStatus(models.TextChoices):
    ACTIEF = "actief", "Actief"
    ONDERHOUD = "onderhoud", "Onderhoud"
    EINDE_ONDERSTEUNING = "einde_ondersteuning", "Einde ondersteuning"


class Leveringsvorm(models.TextChoices):
    ON_PREMISES = "on_premises", "On-premises"
    SAAS = "saas", "SaaS"
    HYBRIDE = "hybride", "Hybride"


class Hostinglocatie(models.TextChoices):
    NL = "nl", "Nederland"
    EU = "eu", "Europese Unie"
    BUITEN_EU = "buiten_eu", "Buiten de EU"


class Licentiemodel(models.TextChoices):
    PER_GEBRUIKER = "per_gebruiker", "Per gebruiker"
    PER_APPARAAT = "per_apparaat", "Per apparaat"
    PER_INWONER = "per_inwoner", "Per inwoner"
    PER_ORGANISATIE = "per_organisatie", "Per organisatie"
    GELIJKTIJDIG_GEBRUIK = "gelijktijdig_gebruik", "Gelijktijdig gebruik"
    VERBRUIK = "verbruik", "Verbruik"
    OPEN_SOURCE_ONDERSTEUNING = "open_source_ondersteuning", "Ondersteuning op open source"


class Verlenging(models.TextChoices):
    AUTOMATISCH = "automatisch", "Automatisch"
    HANDMATIG = "handmatig", "Handmatig"
    GEEN = "geen", "Geen"


class Document(models.TextChoices):
    """The kinds of evidence an offer may require (``vereisteDocumenten``) and a declaration
    (Verklaring) is of."""

    VERWERKERSOVEREENKOMST = "verwerkersovereenkomst", "Verwerkersovereenkomst"
    DPIA = "dpia", "DPIA"
    SLA = "sla", "Service level agreement"
    BEVEILIGINGSVERKLARING = "beveiligingsverklaring", "Beveiligingsverklaring"
    EXITPLAN = "exitplan", "Exitplan"
    PENTEST = "pentest", "Pentest"
    ISO27001 = "iso27001", "ISO 27001"
    NEN7510 = "nen7510", "NEN 7510"
    BIO = "bio", "BIO"
    TPM = "tpm", "Third party memorandum (TPM)"
    GIBIT = "gibit", "GIBIT"
    COMMON_GROUND = "common_ground", "Common Ground"
    STANDAARD = "standaard", "Standaard"
    OVERIG = "overig", "Overig"


class VerklaringStatus(models.TextChoices):
    CONCEPT = "concept", "Concept"
    TER_BEOORDELING = "ter_beoordeling", "Ter beoordeling"
    GOEDGEKEURD = "goedgekeurd", "Goedgekeurd"
    AFGEWEZEN = "afgewezen", "Afgewezen"
    VERLOPEN = "verlopen", "Verlopen"


class Vertrouwelijkheid(models.TextChoices):
    OPENBAAR = "openbaar", "Openbaar"
    OVERHEID = "overheid", "Alleen overheid"


class Prijstype(models.TextChoices):
    EENMALIG = "eenmalig", "Eenmalig"
    TERUGKEREND = "terugkerend", "Terugkerend"
    VERBRUIK = "verbruik", "Verbruik"


class Grondslag(models.TextChoices):
    """What a price is counted per: each unit of the line (tiers apply) or the line as a whole."""

    PER_EENHEID = "per_eenheid", "Per eenheid"
    PER_BESTELLING = "per_bestelling", "Per bestelling(sregel)"


class Indexering(models.TextChoices):
    """How a running contract's recurring price may rise each renewal."""

    GEEN = "geen", "Geen"
    CPI = "cpi", "Consumentenprijsindex (CBS)"
    VAST = "vast", "Vast percentage"


class Periode(models.TextChoices):
    MAAND = "maand", "Per maand"
    JAAR = "jaar", "Per jaar"


class Doelgroep(models.TextChoices):
    IEDEREEN = "iedereen", "Iedereen"
    RAAMOVEREENKOMST = "raamovereenkomst", "Deelnemers van de raamovereenkomst"
    VRAAGBUNDELING = "vraagbundeling", "Deelnemers van een vraagbundeling"


class RaamovereenkomstStatus(models.TextChoices):
    CONCEPT = "concept", "Concept"
    ACTIEF = "actief", "Actief"
    BEEINDIGD = "beeindigd", "Beëindigd"


# The order statuses (of the Bestellingen API) in which an order's call-off value counts against
# its framework's maximum: from submission (awaiting approval included, so concurrent
# submissions cannot together pass the maximum) until it is withdrawn, rejected, refused,
# cancelled or fails. The framework side names them as text, since orders build on the
# catalogue and not the other way round; the order services take this set.
AFROEP_TELT_STATUSSEN = frozenset(
    {
        "ter_goedkeuring",
        "ingediend",
        "geaccepteerd",
        "in_behandeling",
        "wacht_op_afnemer",
        "annulering_beoordelen",
        "geleverd",
        "deels_geleverd",
    }
)


class ReferentiecomponentStatus(models.TextChoices):
    """GEMMA's own status of a reference component ("GEMMA status" in its export)."""

    IN_GEBRUIK = "in_gebruik", "In gebruik"
    IN_ONTWIKKELING = "in_ontwikkeling", "In ontwikkeling"
    TERUGGETROKKEN = "teruggetrokken", "Teruggetrokken"


class Ernst(models.TextChoices):
    """Severity of a vulnerability (the Softwarecatalogus' scale; CVSS 0.1-3.9 is laag,
    4.0-6.9 gemiddeld, 7.0-8.9 hoog, 9.0-10.0 kritiek)."""

    LAAG = "laag", "Laag"
    GEMIDDELD = "gemiddeld", "Gemiddeld"
    HOOG = "hoog", "Hoog"
    KRITIEK = "kritiek", "Kritiek"
