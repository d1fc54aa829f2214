"""Scopes (what an operation needs) and roles (what an API client is given)."""

from django.db import models

CATALOGUS_LEZEN = "catalogus.lezen"
CATALOGUS_BEHEREN = "catalogus.beheren"
CATALOGUS_AANBIEDEN = "catalogus.aanbieden"
ORGANISATIES_LEZEN = "organisaties.lezen"
ORGANISATIES_BEHEREN = "organisaties.beheren"
BESTELLINGEN_LEZEN = "bestellingen.lezen"
BESTELLINGEN_AANMAKEN = "bestellingen.aanmaken"
BESTELLINGEN_BEOORDELEN = "bestellingen.beoordelen"
BESTELLINGEN_VERWERKEN = "bestellingen.verwerken"
LICENTIES_LEZEN = "licenties.lezen"
LICENTIES_BEHEREN = "licenties.beheren"
AUDITTRAILS_LEZEN = "audittrails.lezen"
GEBRUIKEN_LEZEN = "gebruiken.lezen"
GEBRUIKEN_BEHEREN = "gebruiken.beheren"
RAPPORTAGES_LEZEN = "rapportages.lezen"

SCOPE_DESCRIPTIONS = {
    CATALOGUS_LEZEN: "De softwarecatalogus lezen.",
    CATALOGUS_BEHEREN: "De hele catalogus beheren (broker).",
    CATALOGUS_AANBIEDEN: "Eigen aanbiedingen en prijzen beheren (leverancier).",
    ORGANISATIES_LEZEN: "Organisaties lezen.",
    ORGANISATIES_BEHEREN: "Organisaties registreren en wijzigen (broker).",
    BESTELLINGEN_LEZEN: "Bestellingen lezen: de eigen, of die aan de eigen leverancier gericht zijn.",
    BESTELLINGEN_AANMAKEN: "Bestellingen van de eigen organisatie aanmaken, wijzigen, indienen en intrekken.",
    BESTELLINGEN_BEOORDELEN: "Bestellingen van de eigen organisatie goedkeuren of afwijzen.",
    BESTELLINGEN_VERWERKEN: "Bestellingen aan de eigen leverancier verwerken en leveren.",
    LICENTIES_LEZEN: "Licenties van de eigen organisatie lezen.",
    LICENTIES_BEHEREN: "Licenties van de eigen organisatie registreren, wijzigen en opzeggen.",
    AUDITTRAILS_LEZEN: "De audittrail van zichtbare objecten lezen.",
    GEBRUIKEN_LEZEN: "Het softwaregebruik (applicatielandschap) van de eigen organisatie lezen.",
    GEBRUIKEN_BEHEREN: "Het softwaregebruik van de eigen organisatie registreren en wijzigen.",
    RAPPORTAGES_LEZEN: "Rapportages lezen: prijsstatistieken uit aankopen van alle organisaties "
    "(geanonimiseerd), de uitgaven en de vergelijking van de eigen organisatie.",
}


class Rol(models.TextChoices):
    AFNEMER = "afnemer", "Afnemer"
    BUDGETHOUDER = "budgethouder", "Budgethouder"
    LEVERANCIER = "leverancier", "Leverancier"
    BROKER = "broker", "Broker"
    LEZER = "lezer", "Lezer"


ROLE_SCOPES: dict[str, frozenset[str]] = {
    Rol.LEZER: frozenset({CATALOGUS_LEZEN, ORGANISATIES_LEZEN}),
    Rol.AFNEMER: frozenset(
        {
            CATALOGUS_LEZEN,
            ORGANISATIES_LEZEN,
            BESTELLINGEN_LEZEN,
            BESTELLINGEN_AANMAKEN,
            LICENTIES_LEZEN,
            LICENTIES_BEHEREN,
            AUDITTRAILS_LEZEN,
            GEBRUIKEN_LEZEN,
            GEBRUIKEN_BEHEREN,
            RAPPORTAGES_LEZEN,
        }
    ),
    Rol.BUDGETHOUDER: frozenset(
        {
            CATALOGUS_LEZEN,
            ORGANISATIES_LEZEN,
            BESTELLINGEN_LEZEN,
            BESTELLINGEN_BEOORDELEN,
            LICENTIES_LEZEN,
            AUDITTRAILS_LEZEN,
            GEBRUIKEN_LEZEN,
            RAPPORTAGES_LEZEN,
        }
    ),
    Rol.LEVERANCIER: frozenset(
        {
            CATALOGUS_LEZEN,
            CATALOGUS_AANBIEDEN,
            ORGANISATIES_LEZEN,
            BESTELLINGEN_LEZEN,
            BESTELLINGEN_VERWERKEN,
            AUDITTRAILS_LEZEN,
        }
    ),
    Rol.BROKER: frozenset(SCOPE_DESCRIPTIONS),
}


def scopes_for(roles) -> frozenset[str]:
    result: set[str] = set()
    for role in roles:
        result |= ROLE_SCOPES.get(role, frozenset())
    return frozenset(result)
