"""The generic suites' registry entries of software use (``/gebruiken`` and what hangs under
it): uses made through their service, each of a package of its own, with a version."""

from tests.autorisaties.matrix_objects import Resource, _unique
from tests.catalogus.factories import (
    KwetsbaarheidFactory,
    ReferentiecomponentFactory,
    SoftwarepakketFactory,
    SoftwarepakketversieFactory,
)
from tests.organisaties.factories import OrganisatieFactory

BESTELLINGEN = "http://testserver/bestellingen/api/v1"
CATALOGUS = "http://testserver/catalogus/api/v1"


def _gebruik(organisatie=None):
    from softwarebroker.autorisaties.context import Acting
    from softwarebroker.gebruik import services

    versie = SoftwarepakketversieFactory()
    return services.create_gebruik(
        acting=Acting.system("test"),
        organisatie=organisatie or OrganisatieFactory(),
        softwarepakket=versie.softwarepakket,
        softwarepakketversie=versie,
    )


def _history(gebruik):
    """One history entry through the service: a phase-out planned, or (when it was) called off
    again, so the use stays where a next step is allowed."""
    from softwarebroker.autorisaties.context import Acting
    from softwarebroker.gebruik import services

    gebruik.refresh_from_db()
    naar = "in_productie" if gebruik.status == "uit_te_faseren" else "uit_te_faseren"
    return services.wijzig_status(acting=Acting.system("test"), gebruik=gebruik, naar_status=naar)


def _own_gebruik(party) -> list:
    return [_gebruik(party.get("organisatie"))]


def _attentie(gebruik):
    """An alert made the way alerts are made: a vulnerability of the use's version published."""
    from softwarebroker.autorisaties.context import Acting
    from softwarebroker.catalogus.kwetsbaarheden.services import publiceer_kwetsbaarheid

    kwetsbaarheid = publiceer_kwetsbaarheid(
        acting=Acting.system("test"),
        softwarepakketversie=gebruik.softwarepakketversie,
        cve_id=f"CVE-2026-{30000 + _unique()}",
        titel="Onvoldoende controle van invoer",
        ernst="hoog",
    )
    return gebruik.attenties.get(kwetsbaarheid=kwetsbaarheid)


def _own_attentie_chain(party) -> list:
    gebruik = _gebruik(party.get("organisatie"))
    return [gebruik, _attentie(gebruik)]


def _gebruik_payload(party=None) -> dict:
    """Registering (POST) or replacing (PUT): the party's newest use, if any, on a new version of
    its package (a new use next to it, or the same use moved to that version); otherwise a use
    of a new package by the party's organisation."""
    from softwarebroker.gebruik.models import Gebruik

    organisatie = (party or {}).get("organisatie")
    existing = (
        Gebruik.objects.filter(organisatie=organisatie).order_by("-id").first() if organisatie else None
    )
    existing = existing or Gebruik.objects.order_by("-id").first()
    if existing is not None:
        organisatie, pakket = existing.organisatie, existing.softwarepakket
    else:
        organisatie, pakket = organisatie or OrganisatieFactory(), SoftwarepakketFactory()
    versie = SoftwarepakketversieFactory(softwarepakket=pakket)
    return {
        "organisatie": f"{BESTELLINGEN}/organisaties/{organisatie.uuid}",
        "softwarepakket": f"{CATALOGUS}/softwarepakketten/{pakket.uuid}",
        "softwarepakketversie": f"{CATALOGUS}/softwarepakketversies/{versie.uuid}",
        "bedrijfskritisch": True,
        "toelichting": "Zaakgericht werken",
    }


GEBRUIK_RESOURCES = {
    "/gebruiken": Resource(
        lambda: _gebruik(),
        owned_by=_own_gebruik,
        payload=_gebruik_payload,
        patch_payload=lambda party=None: {"bedrijfskritisch": True, "toelichting": "Gewijzigd"},
    ),
    "/gebruiken/{gebruik_uuid}/statuswijzigingen": Resource(
        _history,
        parent="/gebruiken",
        owned_by=lambda party: [
            gebruik := _gebruik(party.get("organisatie")),
            gebruik.statuswijzigingen.get(),
        ],
        # uitgefaseerd follows both phases the history entries above leave a use in.
        payload=lambda party=None: {"naarStatus": "uitgefaseerd", "toelichting": "Vervangen"},
    ),
    "/gebruiken/{gebruik_uuid}/attenties": Resource(
        _attentie,
        parent="/gebruiken",
        owned_by=_own_attentie_chain,
    ),
    "/gebruiken/{gebruik_uuid}/attenties/{uuid}/afhandelen": Resource(
        lambda parent: parent,
        parent="/gebruiken/{gebruik_uuid}/attenties",
        owned_by=_own_attentie_chain,
    ),
}


def _owned_chain(collection: str, party: dict) -> list:
    from tests.autorisaties.matrix_resources import owned_chain

    return owned_chain(collection, party)


# The catalogue's side of software use: the GEMMA register, vulnerabilities, who uses a package,
# and an organisation's landscape export.
CATALOGUS_GEBRUIK_RESOURCES: dict = {}
# The register is filled by the import only: read-only through the API.
CATALOGUS_GEBRUIK_RESOURCES["/referentiecomponenten"] = Resource(lambda: ReferentiecomponentFactory())
# Published by the package's manufacturer: the party's own are of its own package's version.
CATALOGUS_GEBRUIK_RESOURCES["/softwarepakketversies/{softwarepakketversie_uuid}/kwetsbaarheden"] = Resource(
    lambda parent: KwetsbaarheidFactory(softwarepakketversie=parent),
    parent="/softwarepakketversies",
    owned_by=lambda party: [
        versie := SoftwarepakketversieFactory(softwarepakket__fabrikant=party["leverancier"]),
        KwetsbaarheidFactory(softwarepakketversie=versie),
    ],
    payload=lambda party=None: {
        "cveId": f"CVE-2026-{20000 + _unique()}",
        "titel": "Onvoldoende controle van invoer",
        "ernst": "kritiek",
        "opgelostIn": "2.0.1",
    },
    patch_payload=lambda party=None: {"ernst": "gemiddeld", "opgelostIn": "2.0.2"},
)
# Who uses a package: readable with the package (the names only for government, tests/gebruik/).
CATALOGUS_GEBRUIK_RESOURCES["/softwarepakketten/{uuid}/gebruikers"] = Resource(
    lambda parent: parent,
    parent="/softwarepakketten",
    owned_by=lambda party: _owned_chain("/softwarepakketten", party),
)
CATALOGUS_GEBRUIK_RESOURCES["/organisaties/{uuid}/applicatielandschap"] = Resource(
    lambda parent: parent,
    parent="/organisaties",
    owned_by=lambda party: _owned_chain("/organisaties", party),
)
