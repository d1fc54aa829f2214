"""Uses, register entries and vulnerabilities for tests, made through the services."""

from __future__ import annotations

from softwarebroker.autorisaties.context import Acting
from softwarebroker.catalogus.kwetsbaarheden.services import publiceer_kwetsbaarheid
from softwarebroker.catalogus.register.services import Rij, importeer_referentiecomponenten
from softwarebroker.gebruik import services

BROKER = Acting.system("test")

ZAAKREGISTRATIE = Rij(
    gemma_id="id-a97b6545-d5a7-485d-9b13-3ce22db5b9cf",
    naam="Zaakregistratiecomponent",
    beschrijving="Registreert zaken en hun relaties.",
    status="in_gebruik",
    uri="https://www.gemmaonline.nl/wiki/GEMMA/id-a97b6545-d5a7-485d-9b13-3ce22db5b9cf",
)
ZAAKAFHANDEL = Rij(
    gemma_id="id-f2dfbd0b-9d36-405c-bdbe-827f3296de29",
    naam="Zaakafhandelcomponent",
    beschrijving="Ondersteunt het afhandelen van zaken.",
    status="in_gebruik",
    uri="https://www.gemmaonline.nl/wiki/GEMMA/id-f2dfbd0b-9d36-405c-bdbe-827f3296de29",
)


def register(*rijen: Rij):
    importeer_referentiecomponenten(acting=BROKER, rijen=list(rijen or (ZAAKREGISTRATIE, ZAAKAFHANDEL)))


def gebruik(organisatie, softwarepakket, *, acting=BROKER, **kwargs):
    return services.create_gebruik(
        acting=acting, organisatie=organisatie, softwarepakket=softwarepakket, **kwargs
    )


def kwetsbaarheid(versie, *, acting=BROKER, cve_id="CVE-2026-10001", **kwargs):
    fields = {"titel": "Een lek", "ernst": "hoog", **kwargs}
    return publiceer_kwetsbaarheid(acting=acting, softwarepakketversie=versie, cve_id=cve_id, **fields)
