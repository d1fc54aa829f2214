"""Objects and request bodies for the generic suites' registry (``matrix_resources``): orders,
licences, publiccode documents, joint purchase rounds (made through their services) and
declarations, and the unique numbers and catalogue URLs the registry's entries share."""

import datetime
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.utils import timezone

from softwarebroker.bestellingen.models import Bestelling
from tests.bestellingen.factories import BeoordelingFactory, BestellingFactory
from tests.catalogus.factories import AanbiedingFactory, LeverancierFactory, PrijsFactory
from tests.organisaties.factories import OrganisatieFactory


@dataclass(frozen=True)
class Resource:
    """How to make one object of a collection; nested collections name their parent."""

    create: Callable
    parent: str | None = None
    # For tenant data: make the object (and its parents) belonging to this organisation.
    owned_by: Callable | None = None
    # A valid request body for POST/PUT/PATCH, for collections that can be written.
    payload: Callable | None = None
    # For PATCH, when it takes other fields than creating does (a licence: only its own fields).
    patch_payload: Callable | None = None
    content_type: str = "application/json"
    # The parents to make objects under, when the parent collection's plain object will not
    # do (an order in the state, or with the lines, its objects are made from); [..., parent].
    parents: Callable | None = None


_counter = itertools.count(1)


def _unique() -> int:
    return next(_counter)


def _url(collection: str, obj) -> str:
    return f"http://testserver/catalogus/api/v1/{collection}/{obj.uuid}"


# --- joint purchase rounds: open ones, on an offer that can be bundled -------------------------


def _ronde(organisatie=None, leverancier=None):
    from softwarebroker.autorisaties.context import Acting
    from softwarebroker.vraagbundelingen import services
    from tests.vraagbundelingen.support import bundel_aanbieding

    extra = {"leverancier": leverancier} if leverancier is not None else {}
    return services.open_vraagbundeling(
        acting=Acting.system("test"),
        aanbieding=bundel_aanbieding(**extra),
        initiatiefnemer=organisatie or OrganisatieFactory(),
        naam=f"Ronde {_unique()}",
        sluitingsdatum=timezone.localdate() + datetime.timedelta(days=14),
    )


def _own_ronde(party):
    return _ronde(party.get("organisatie"), party.get("leverancier"))


def _deelname(ronde, organisatie=None):
    from softwarebroker.autorisaties.context import Acting
    from softwarebroker.vraagbundelingen import services

    return services.create_deelname(
        acting=Acting.system("test"),
        vraagbundeling=ronde,
        organisatie=organisatie or OrganisatieFactory(),
        aantal=10,
    )


def _ronde_history(ronde):
    from softwarebroker.vraagbundelingen.models import VraagbundelingStatuswijziging

    return VraagbundelingStatuswijziging.objects.create(
        vraagbundeling=ronde, van_status="open", naar_status="open", actor="test"
    )


def _deelname_history(deelname):
    from softwarebroker.vraagbundelingen.models import DeelnameStatuswijziging

    return DeelnameStatuswijziging.objects.create(
        deelname=deelname, van_status="", naar_status="aangemeld", actor="test"
    )


def _new_ronde(party=None) -> dict:
    from tests.vraagbundelingen.support import bundel_aanbieding

    organisatie = (party or {}).get("organisatie") or OrganisatieFactory()
    return {
        "aanbieding": _url("aanbiedingen", bundel_aanbieding()),
        "initiatiefnemer": f"http://testserver/bestellingen/api/v1/organisaties/{organisatie.uuid}",
        "naam": f"Ronde via API {_unique()}",
        "sluitingsdatum": str(timezone.localdate() + datetime.timedelta(days=14)),
    }


def _own_deelname_chain(party) -> list:
    ronde = _own_ronde(party)
    return [ronde, _deelname(ronde, party.get("organisatie"))]


# --- declarations: concepts with a URL and an (openbaar) document, so they can be changed,
# submitted and read; only their supplier and the broker see them --------------------------


def _verklaring(leverancier=None):
    import datetime as _datetime

    from softwarebroker.catalogus.verklaringen import services
    from tests.verklaringen.support import leverancier_acting, pdf

    leverancier = leverancier or LeverancierFactory()
    verklaring = services.create_verklaring(
        acting=leverancier_acting(leverancier),
        onderwerp=leverancier,
        type="iso27001",
        # Each starts on another day: their lists sort differently by date in each direction.
        # (Modulo: a long run makes thousands; every start stays well before any test's geldigTot.)
        geldig_vanaf=_datetime.date(2026, 1, 1) + _datetime.timedelta(days=_unique() % 600),
        bewijs_url="https://leverancier.example/iso27001.pdf",
    )
    return services.upload_document(
        acting=leverancier_acting(leverancier), verklaring=verklaring, upload=pdf()
    )


def _own_verklaring(party) -> list:
    return [_verklaring(party["leverancier"])]


def _pdf_bytes() -> bytes:
    from tests.verklaringen.support import MINIMAL_PDF

    return MINIMAL_PDF


PUBLICCODE = (Path(__file__).parent.parent / "catalogus" / "publiccode" / "zaaksysteem.yml").read_text()


def _publiccode_document(party=None) -> str:
    # A fresh repository URL each time, so every call creates a package.
    return re.sub(r"(?m)^url: .*$", f"url: https://code.example.org/import-{_unique()}", PUBLICCODE, count=1)


def _bestelling_url(obj) -> str:
    return f"http://testserver/bestellingen/api/v1/bestellingen/{obj.uuid}"


def _bestelling_ordered_by(party) -> Bestelling:
    return BestellingFactory(besteller=party["organisatie"], leverancier=party["leverancier"])


def _own_beoordeling(party) -> list:
    """An order of the party waiting for approval, approved (so sent to its supplier)."""
    beoordeling = BeoordelingFactory(
        bestelling__besteller=party["organisatie"], bestelling__leverancier=party["leverancier"]
    )
    return [beoordeling.bestelling, beoordeling]


# The most objects tests/conformance makes under one parent: an order delivers a line once.
ROWS_UNDER_ONE_PARENT = 17


def _new_bestelling(party=None) -> dict:
    organisatie = (party or {}).get("organisatie") or OrganisatieFactory()
    aanbieding = AanbiedingFactory(geldig_vanaf=datetime.date(2020, 1, 1))
    PrijsFactory(aanbieding=aanbieding, geldig_vanaf=datetime.date(2020, 1, 1), geldig_tot=None)
    return {
        "besteller": f"http://testserver/bestellingen/api/v1/organisaties/{organisatie.uuid}",
        "kostenplaats": "ICT-123",
        "regels": [{"aanbieding": _url("aanbiedingen", aanbieding), "aantal": 2}],
    }


LICENTIE_EINDE = datetime.date(2040, 1, 1)


def _externe_licentie(party=None) -> dict:
    """A contract bought elsewhere, for the organisation of ``party``."""
    organisatie = (party or {}).get("organisatie") or OrganisatieFactory()
    return {
        "organisatie": f"http://testserver/bestellingen/api/v1/organisaties/{organisatie.uuid}",
        "leverancierNaam": "Buiten de broker B.V.",
        "softwarepakketNaam": "Eigen pakket",
        "aantal": 5,
        "ingangsdatum": "2026-01-01",
        "einddatum": "2028-01-01",
        "automatischVerlengen": True,
    }


def _under_bestelling(factory_class, payload=None, **extra) -> Resource:
    return Resource(
        lambda parent: factory_class(bestelling=parent, **extra),
        parent="/bestellingen",
        owned_by=lambda party: [
            bestelling := _bestelling_ordered_by(party),
            factory_class(bestelling=bestelling, **extra),
        ],
        payload=payload,
    )
