"""The generic suites' registry entries of software use (``/gebruiken`` and what hangs under
it): uses made through their service, each of a package of its own, with a version."""

import datetime

from tests.autorisaties.matrix_objects import Resource
from tests.catalogus.factories import SoftwarepakketFactory, SoftwarepakketversieFactory
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
    from softwarebroker.gebruik.models import GebruikStatuswijziging

    return GebruikStatuswijziging.objects.create(
        gebruik=gebruik,
        van_status="in_productie",
        naar_status="in_productie",
        datum=datetime.date.today(),
        actor="test",
    )


def _own_gebruik(party) -> list:
    return [_gebruik(party.get("organisatie"))]


def _attentie(gebruik):
    from softwarebroker.gebruik.models import Attentie

    return Attentie.objects.create(
        gebruik=gebruik,
        reden="einde_ondersteuning",
        softwarepakketversie=gebruik.softwarepakketversie,
        einde_ondersteuning=datetime.date.today() + datetime.timedelta(days=200),
    )


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
    # Forward from in_productie: always allowed.
    "/gebruiken/{gebruik_uuid}/statuswijzigingen": Resource(
        _history,
        parent="/gebruiken",
        owned_by=lambda party: [
            gebruik := _gebruik(party.get("organisatie")),
            gebruik.statuswijzigingen.get(),
        ],
        payload=lambda party=None: {"naarStatus": "uit_te_faseren", "toelichting": "Vervanger gekozen"},
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
