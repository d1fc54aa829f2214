"""Demo software use: the demo municipalities' application landscapes.

A mix of statuses (one use of each), one use not to be shown by name (Voorbeeldstad's
Burgerzaken), two uses of Voorbeeld Zaaksysteem 4.2.0, whose support ends within 12 months
(so ``GET /gebruiken?attentie=true`` shows them), and a vulnerability published on that version.

Made through the services, by the demo API clients (as their people) where the municipality has
one, else by the demo itself. Loading twice changes nothing: a use is known by its organisation,
package and version, and only a new one walks its history; the alerts are made once per use and
cause. The uses name no reference components (the packages' own say what they implement).
"""

from __future__ import annotations

import datetime

from softwarebroker.catalogus.kwetsbaarheden.services import publiceer_kwetsbaarheid
from softwarebroker.catalogus.models import Kwetsbaarheid, Softwarepakketversie
from softwarebroker.gebruik import services
from softwarebroker.gebruik.models import Gebruik
from softwarebroker.organisaties.models import Organisatie

from .bestellingen import acting_as
from .catalogus import DEMO

VOORBEELDSTAD = "00000001001589623000"
PROEFDORP = "00000001002564440000"
TESTMEER = "00000001003214345000"
CLIENTS = {VOORBEELDSTAD: "voorbeeldstad-afnemer", PROEFDORP: "proefdorp-afnemer"}

# The version whose support ends within 12 months (the catalogue demo sets its date).
AFLOPENDE_VERSIE = ("Voorbeeld Zaaksysteem", "4.2.0")
KWETSBAARHEID = {
    "cve_id": "CVE-2026-48213",
    "titel": "Onvoldoende autorisatiecontrole in de zaakdocumenten-API (demo)",
    "beschrijving": "Een ingelogde medewerker kon documenten van zaken buiten zijn eigen "
    "werkvoorraad opvragen. Fictief voorbeeld voor de demo.",
    "ernst": "hoog",
    "opgelost_in": "5.0.0",
}

# (OIN, pakket, versie or None, [(status, datum), ...] in order, other fields)
GEBRUIKEN = [
    (
        VOORBEELDSTAD,
        "Voorbeeld Zaaksysteem",
        "4.2.0",
        [("in_productie", "2025-07-01")],
        {
            "bedrijfskritisch": True,
            "verwerkt_persoonsgegevens": True,
            "toelichting": "Zaakgericht werken voor alle afdelingen; overstap naar 5.0 volgt.",
        },
    ),
    (
        VOORBEELDSTAD,
        "Voorbeeld Burgerzaken",
        "8.1.3",
        [("in_productie", "2025-10-01")],
        {
            "bedrijfskritisch": True,
            "verwerkt_persoonsgegevens": True,
            "vertrouwelijk": True,
            "toelichting": "Balie burgerzaken en reisdocumenten.",
        },
    ),
    (
        VOORBEELDSTAD,
        "Open Formulieren",
        "3.0.0",
        [("verwerving", "2026-01-05"), ("gepland", "2026-02-02")],
        {"verwerkt_persoonsgegevens": True, "toelichting": "Vervangt de huidige e-formulieren."},
    ),
    (
        PROEFDORP,
        "Voorbeeld Zaaksysteem",
        "4.2.0",
        [("in_productie", "2025-08-01"), ("uit_te_faseren", "2026-03-02")],
        {"bedrijfskritisch": True, "verwerkt_persoonsgegevens": True},
    ),
    (
        PROEFDORP,
        "Voorbeeld Zaaksysteem",
        "5.0.0",
        [("verwerving", "2026-03-02")],
        {"toelichting": "Opvolger van 4.2, aanschaf loopt."},
    ),
    (
        TESTMEER,
        "Open Klant",
        "2.6.0",
        [("in_productie", "2025-03-03"), ("uit_te_faseren", "2025-10-01"), ("uitgefaseerd", "2026-01-31")],
        {"toelichting": "Vervangen door het klantcontactsysteem van de samenwerking."},
    ),
]


def _versie(pakket: str, versie: str) -> Softwarepakketversie:
    return Softwarepakketversie.objects.select_related("softwarepakket").get(
        softwarepakket__naam=pakket, versie=versie
    )


def maak_gebruik(oin, pakket, versie, stappen, fields) -> int:
    """One use walked through its statuses (1), or nothing when the organisation already has a
    use of that version (0)."""
    organisatie = Organisatie.objects.get(oin=oin)
    softwarepakketversie = _versie(pakket, versie)
    lookup = {"organisatie": organisatie, "softwarepakketversie": softwarepakketversie}
    if Gebruik.objects.filter(softwarepakket=softwarepakketversie.softwarepakket, **lookup).exists():
        return 0
    acting = acting_as(CLIENTS[oin]) if oin in CLIENTS else DEMO
    (status, datum), *verder = stappen
    gebruik = services.create_gebruik(
        acting=acting,
        softwarepakket=softwarepakketversie.softwarepakket,
        # What the package implements (the demo's packages name components of the register).
        referentiecomponenten=list(softwarepakketversie.softwarepakket.referentiecomponenten),
        status=status,
        statusdatum=datetime.date.fromisoformat(datum),
        **lookup,
        **fields,
    )
    for status, datum in verder:
        services.wijzig_status(
            acting=acting, gebruik=gebruik, naar_status=status, datum=datetime.date.fromisoformat(datum)
        )
    return 1


def load_gebruik_demo() -> int:
    """Load the demo uses and their alerts; returns the number of objects created."""
    created = sum(maak_gebruik(*gebruik) for gebruik in GEBRUIKEN)
    aflopend = _versie(*AFLOPENDE_VERSIE)
    created += len(services.signaleer_einde_ondersteuning(acting=DEMO, softwarepakketversie=aflopend))
    if not Kwetsbaarheid.objects.filter(
        softwarepakketversie=aflopend, cve_id=KWETSBAARHEID["cve_id"]
    ).exists():
        publiceer_kwetsbaarheid(acting=DEMO, softwarepakketversie=aflopend, **KWETSBAARHEID)
        created += 1
    return created
