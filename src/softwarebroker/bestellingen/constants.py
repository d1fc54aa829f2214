"""Choices of the ordering domain (names as in the API)."""

from django.db import models


class BestellingStatus(models.TextChoices):
    CONCEPT = "concept", "Concept"
    TER_GOEDKEURING = "ter_goedkeuring", "Ter goedkeuring"
    INGEDIEND = "ingediend", "Ingediend"
    GEACCEPTEERD = "geaccepteerd", "Geaccepteerd"
    IN_BEHANDELING = "in_behandeling", "In behandeling"
    WACHT_OP_AFNEMER = "wacht_op_afnemer", "Wacht op afnemer"
    GELEVERD = "geleverd", "Geleverd"
    DEELS_GELEVERD = "deels_geleverd", "Deels geleverd"
    MISLUKT = "mislukt", "Mislukt"
    AFGEWEZEN = "afgewezen", "Afgewezen"
    GEWEIGERD = "geweigerd", "Geweigerd"
    INGETROKKEN = "ingetrokken", "Ingetrokken"
    ANNULERING_BEOORDELEN = "annulering_beoordelen", "Annulering beoordelen"
    GEANNULEERD = "geannuleerd", "Geannuleerd"


EINDSTATUSSEN = frozenset(
    {
        BestellingStatus.GELEVERD,
        BestellingStatus.DEELS_GELEVERD,
        BestellingStatus.MISLUKT,
        BestellingStatus.AFGEWEZEN,
        BestellingStatus.GEWEIGERD,
        BestellingStatus.INGETROKKEN,
        BestellingStatus.GEANNULEERD,
    }
)


class Actie(models.TextChoices):
    NIEUW = "nieuw", "Nieuw"
    UITBREIDEN = "uitbreiden", "Uitbreiden"
    VERMINDEREN = "verminderen", "Verminderen"
    VERLENGEN = "verlengen", "Verlengen"
    OPZEGGEN = "opzeggen", "Opzeggen"


class RegelStatus(models.TextChoices):
    OPEN = "open", "Open"
    GELEVERD = "geleverd", "Geleverd"
    MISLUKT = "mislukt", "Mislukt"
    GEANNULEERD = "geannuleerd", "Geannuleerd"


class Besluit(models.TextChoices):
    GOEDGEKEURD = "goedgekeurd", "Goedgekeurd"
    AFGEWEZEN = "afgewezen", "Afgewezen"
    AANVULLING_GEVRAAGD = "aanvulling_gevraagd", "Aanvulling gevraagd"


class LeveringType(models.TextChoices):
    LICENTIESLEUTEL = "licentiesleutel", "Licentiesleutel"
    ACTIVATIELINK = "activatielink", "Activatielink"
    ACCOUNT = "account", "Account"
    SAAS_OMGEVING = "saas_omgeving", "SaaS-omgeving"


class AnnuleringStatus(models.TextChoices):
    ONTVANGEN = "ontvangen", "Ontvangen"
    UITGEVOERD = "uitgevoerd", "Uitgevoerd"
    AFGEWEZEN = "afgewezen", "Afgewezen"


class LicentieStatus(models.TextChoices):
    AANGEVRAAGD = "aangevraagd", "Aangevraagd"
    ACTIEF = "actief", "Actief"
    OPGEZEGD = "opgezegd", "Opgezegd"
    BEEINDIGD = "beeindigd", "Beëindigd"
    VERLOPEN = "verlopen", "Verlopen"


class LicentieBron(models.TextChoices):
    """Where a licence comes from: delivered through this broker, or bought elsewhere and registered."""

    BROKER = "broker", "Via de broker"
    EXTERN = "extern", "Buiten de broker"


class AuteurRol(models.TextChoices):
    AFNEMER = "afnemer", "Afnemer"
    LEVERANCIER = "leverancier", "Leverancier"
    BROKER = "broker", "Broker"


class Zichtbaarheid(models.TextChoices):
    OPENBAAR = "openbaar", "Openbaar"
    INTERN = "intern", "Intern"
