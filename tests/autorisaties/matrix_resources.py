"""The registry of how to make an object of every collection, for the generic suites.

A new resource adds an entry to ``RESOURCES`` under its collection path; the generic
suites (the authorisation matrix and the conformance checks) then exercise its operations
on real objects (and fail until it does).
"""

import datetime
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from django.utils import timezone

from softwarebroker.bestellingen.models import Bestelling
from tests.audit.factories import AuditTrailFactory
from tests.bestellingen.factories import (
    AnnuleringsverzoekFactory,
    BeoordelingFactory,
    BerichtFactory,
    BestellingFactory,
    BestelregelFactory,
    LeveringFactory,
    LicentieFactory,
    StatuswijzigingFactory,
)
from tests.catalogus.factories import (
    AanbiedingFactory,
    CategorieFactory,
    LeverancierFactory,
    PrijsFactory,
    RaamovereenkomstFactory,
    SoftwarepakketFactory,
    SoftwarepakketversieFactory,
)
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


def _audit_entry(parent, **tenant):
    return AuditTrailFactory(hoofd_object_uuid=parent.uuid, **tenant)


# Keyed by the collection path as it appears in the OpenAPI documents.
_counter = itertools.count(1)


def _unique() -> int:
    return next(_counter)


def _url(collection: str, obj) -> str:
    return f"http://testserver/catalogus/api/v1/{collection}/{obj.uuid}"


def _audited(collection: str, parent: str, tenant=lambda parent: {}) -> tuple:
    def owned_by(party):
        chain = owned_chain(parent, party)
        return [*chain, _audit_entry(chain[-1], **tenant(chain[-1]))]

    return (
        f"{parent}/{{hoofdobject_uuid}}/audittrail",
        Resource(
            lambda parent_object: _audit_entry(parent_object, **tenant(parent_object)),
            parent=parent,
            owned_by=owned_by,
        ),
    )


# Keyed by the collection path as it appears in the OpenAPI documents. ``owned_by`` takes
# the party ({"organisatie": ..., "leverancier": ...}) the object must belong to.
RESOURCES = {
    "/categorieen": Resource(
        lambda: CategorieFactory(),
        payload=lambda party=None: {"naam": f"Categorie via API {_unique()}", "omschrijving": "Test"},
    ),
    "/organisaties": Resource(
        lambda: OrganisatieFactory(),
        owned_by=lambda party: [party["organisatie"]],
        payload=lambda party=None: {
            "oin": f"{90000000000000000000 + _unique()}",
            "naam": "Nieuwe gemeente",
            "type": "gemeente",
        },
    ),
    "/organisaties/{hoofdobject_uuid}/audittrail": Resource(
        lambda parent: _audit_entry(parent, organisatie=parent),
        parent="/organisaties",
        owned_by=lambda party: [
            party["organisatie"],
            _audit_entry(party["organisatie"], organisatie=party["organisatie"]),
        ],
    ),
    "/leveranciers": Resource(
        lambda: LeverancierFactory(),
        owned_by=lambda party: [party["leverancier"]],
        payload=lambda party=None: {
            "naam": "Nieuwe leverancier B.V.",
            "kvkNummer": f"{70000000 + _unique()}",
        },
    ),
    "/softwarepakketten": Resource(
        lambda: SoftwarepakketFactory(),
        owned_by=lambda party: [SoftwarepakketFactory(fabrikant=party["leverancier"])],
        payload=lambda party=None: {
            "naam": f"Pakket via API {_unique()}",
            "licentie": "EUPL-1.2",
            "openSource": True,
        },
    ),
    "/softwarepakketversies": Resource(
        lambda: SoftwarepakketversieFactory(),
        payload=lambda party=None: {
            "softwarepakket": _url("softwarepakketten", SoftwarepakketFactory()),
            "versie": f"2.{_unique()}.0",
        },
    ),
    "/aanbiedingen": Resource(
        lambda: AanbiedingFactory(),
        owned_by=lambda party: [AanbiedingFactory(leverancier=party["leverancier"])],
        payload=lambda party=None: {
            "softwarepakket": _url("softwarepakketten", SoftwarepakketFactory()),
            "leverancier": _url("leveranciers", (party or {}).get("leverancier") or LeverancierFactory()),
            "naam": f"Aanbieding via API {_unique()}",
            "leveringsvorm": "saas",
            "licentiemodel": "per_gebruiker",
            "eenheid": "gebruiker",
            "geldigVanaf": "2026-01-01",
        },
    ),
    "/prijzen": Resource(
        lambda: PrijsFactory(),
        owned_by=lambda party: [PrijsFactory(aanbieding__leverancier=party["leverancier"])],
        payload=lambda party=None: {
            "aanbieding": _url(
                "aanbiedingen",
                AanbiedingFactory(leverancier=(party or {}).get("leverancier") or LeverancierFactory()),
            ),
            "prijstype": "eenmalig",
            "grondslag": "per_bestelling",
            "periode": None,
            "bedragExclBtw": "100.00",
            "geldigVanaf": "2026-01-01",
            "geldigTot": None,
        },
    ),
    "/raamovereenkomsten": Resource(
        lambda: RaamovereenkomstFactory(),
        payload=lambda party=None: {
            "naam": "Nieuwe raamovereenkomst",
            "kenmerk": f"RO-API-{_unique()}",
            "contractant": "VNG",
            "ingangsdatum": "2026-01-01",
        },
    ),
}
PUBLICCODE = (Path(__file__).parent.parent / "catalogus" / "publiccode" / "zaaksysteem.yml").read_text()


def _publiccode_document(party=None) -> str:
    # A fresh repository URL each time, so every call creates a package.
    return re.sub(r"(?m)^url: .*$", f"url: https://code.example.org/import-{_unique()}", PUBLICCODE, count=1)


RESOURCES["/softwarepakketten/{uuid}/publiccode"] = Resource(
    lambda parent: parent,
    parent="/softwarepakketten",
    owned_by=lambda party: owned_chain("/softwarepakketten", party),
)
# Federated search: nothing to create (its peers are set up in tests/federatie/).
RESOURCES["/aanbiedingen/_zoeken"] = Resource(lambda: None)
RESOURCES["/softwarepakketten/_importeer"] = Resource(
    lambda: None, payload=_publiccode_document, content_type="application/yaml"
)


def _bestelling_url(obj) -> str:
    return f"http://testserver/bestellingen/api/v1/bestellingen/{obj.uuid}"


def _bestelling_ordered_by(party) -> Bestelling:
    return BestellingFactory(besteller=party["organisatie"], leverancier=party["leverancier"])


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


RESOURCES.update(
    {
        "/bestellingen": Resource(
            lambda: BestellingFactory(),
            owned_by=lambda party: [_bestelling_ordered_by(party)],
            payload=_new_bestelling,
        ),
        # Lines are added to a concept (a submitted order's are fixed); the party's own order is
        # submitted and sent, so its supplier sees it too.
        "/bestellingen/{bestelling_uuid}/regels": Resource(
            lambda parent: BestelregelFactory(bestelling=parent),
            parent="/bestellingen",
            owned_by=lambda party: [bestelling := _bestelling_ordered_by(party), bestelling.regels.get()],
            parents=lambda: [BestellingFactory(status="concept")],
        ),
        "/bestellingen/{bestelling_uuid}/statuswijzigingen": _under_bestelling(
            StatuswijzigingFactory, payload=lambda party=None: {"naarStatus": "geaccepteerd"}
        ),
        # Decided on again and again: each time sent back to concept and submitted anew.
        "/bestellingen/{bestelling_uuid}/beoordelingen": Resource(
            lambda parent: BeoordelingFactory(bestelling=parent, besluit="aanvulling_gevraagd"),
            parent="/bestellingen",
            owned_by=_own_beoordeling,
            payload=lambda party=None: {"besluit": "goedgekeurd"},
            parents=lambda: [BestellingFactory(status="ter_goedkeuring")],
        ),
        "/bestellingen/{bestelling_uuid}/berichten": _under_bestelling(
            BerichtFactory,
            payload=lambda party=None: {"inhoud": "Graag levering in maart.", "zichtbaarheid": "openbaar"},
        ),
        "/bestellingen/{bestelling_uuid}/leveringen": replace(
            _under_bestelling(
                LeveringFactory,
                payload=lambda party=None: {"regel": 1, "type": "licentiesleutel", "geheim": "ABC"},
            ),
            parents=lambda: [BestellingFactory(aantal_regels=ROWS_UNDER_ONE_PARENT)],
        ),
        "/bestellingen/{bestelling_uuid}/leveringen/{uuid}/geheim": Resource(
            lambda parent: parent,
            parent="/bestellingen/{bestelling_uuid}/leveringen",
            owned_by=lambda party: owned_chain("/bestellingen/{bestelling_uuid}/leveringen", party),
        ),
        # Refused, so the order goes back and can be asked again (and the request is decided).
        "/bestellingen/{bestelling_uuid}/annuleringsverzoeken": _under_bestelling(
            AnnuleringsverzoekFactory,
            status="afgewezen",
            payload=lambda party=None: {
                "reden": "Begroting ingetrokken",
                "status": "afgewezen",
                "toelichting": "Nee",
            },
        ),
        # Far from their end, so they can be cancelled (and changed) whatever the day.
        "/licenties": Resource(
            lambda: LicentieFactory(einddatum=LICENTIE_EINDE),
            owned_by=lambda party: [
                LicentieFactory(organisatie=party["organisatie"], einddatum=LICENTIE_EINDE)
            ],
            payload=_externe_licentie,
            patch_payload=lambda party=None: {"automatischVerlengen": False, "kostenplaats": "ICT-9"},
        ),
        "/licenties/{uuid}/opzeggen": Resource(
            lambda parent: parent,
            parent="/licenties",
            owned_by=lambda party: owned_chain("/licenties", party),
            payload=lambda party=None: {"toelichting": "Niet meer nodig"},
        ),
    }
)
RESOURCES.update(
    dict(
        [
            _audited(
                "aanbiedingen",
                "/aanbiedingen",
                lambda parent_object: {"leverancier": parent_object.leverancier},
            ),
            _audited(
                "bestellingen",
                "/bestellingen",
                lambda parent_object: {
                    "organisatie": parent_object.besteller,
                    "leverancier": parent_object.leverancier,
                },
            ),
            _audited("categorieen", "/categorieen"),
            _audited("leveranciers", "/leveranciers", lambda parent_object: {"leverancier": parent_object}),
            _audited("raamovereenkomsten", "/raamovereenkomsten"),
            _audited("softwarepakketten", "/softwarepakketten"),
        ]
    )
)


def create_in(collection: str, parent=None):
    resource = RESOURCES[collection]
    return resource.create(parent) if resource.parent else resource.create()


def parents_of(collection: str) -> list:
    """New parents to make an object of ``collection`` under: [..., parent] ([] at the top)."""
    resource = RESOURCES[collection]
    if resource.parent is None:
        return []
    return resource.parents() if resource.parents else create_chain(resource.parent)


def create_chain(collection: str) -> list:
    """An object in ``collection`` and its parents: [parent, ..., object]."""
    parents = parents_of(collection)
    return [*parents, create_in(collection, parents[-1] if parents else None)]


def owned_chain(collection: str, party: dict) -> list:
    """Like :func:`create_chain`, but the objects belong to ``party`` (its organisation or
    supplier) where that means anything; shared data is simply created."""
    resource = RESOURCES[collection]
    return resource.owned_by(party) if resource.owned_by else create_chain(collection)


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


RESOURCES.update(
    {
        "/vraagbundelingen": Resource(
            lambda: _ronde(),
            owned_by=lambda party: [_own_ronde(party)],
            payload=_new_ronde,
            patch_payload=lambda party=None: {"naam": "Gewijzigde ronde", "minimumAantal": 5},
        ),
        # Cancelling is what its initiator may ask.
        "/vraagbundelingen/{vraagbundeling_uuid}/statuswijzigingen": Resource(
            _ronde_history,
            parent="/vraagbundelingen",
            owned_by=lambda party: [ronde := _own_ronde(party), ronde.statuswijzigingen.get()],
            payload=lambda party=None: {"naarStatus": "geannuleerd", "toelichting": "Te weinig animo"},
        ),
        # Joined by the party's own organisation (its own round: the supplier's too, still open).
        "/vraagbundelingen/{vraagbundeling_uuid}/deelnames": Resource(
            lambda parent: _deelname(parent),
            parent="/vraagbundelingen",
            owned_by=_own_deelname_chain,
            payload=lambda party=None: {
                "organisatie": "http://testserver/bestellingen/api/v1/organisaties/"
                f"{((party or {}).get('organisatie') or OrganisatieFactory()).uuid}",
                "aantal": 5,
            },
            patch_payload=lambda party=None: {"aantal": 7, "kostenplaats": "ICT-7"},
            parents=lambda: [_ronde()],
        ),
        "/vraagbundelingen/{vraagbundeling_uuid}/deelnames/{deelname_uuid}/statuswijzigingen": Resource(
            _deelname_history,
            parent="/vraagbundelingen/{vraagbundeling_uuid}/deelnames",
            owned_by=lambda party: [*(chain := _own_deelname_chain(party)), _deelname_history(chain[-1])],
            payload=lambda party=None: {"naarStatus": "ingetrokken"},
        ),
    }
)
RESOURCES.update(
    dict(
        [
            _audited(
                "vraagbundelingen",
                "/vraagbundelingen",
                lambda parent_object: {
                    "organisatie": parent_object.initiatiefnemer,
                    "leverancier": parent_object.aanbieding.leverancier,
                },
            )
        ]
    )
)


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
        geldig_vanaf=_datetime.date(2026, 1, 1) + _datetime.timedelta(days=_unique()),
        bewijs_url="https://leverancier.example/iso27001.pdf",
    )
    return services.upload_document(
        acting=leverancier_acting(leverancier), verklaring=verklaring, upload=pdf()
    )


def _own_verklaring(party) -> list:
    return [_verklaring(party["leverancier"])]


RESOURCES.update(
    {
        "/verklaringen": Resource(
            lambda: _verklaring(),
            owned_by=_own_verklaring,
            payload=lambda party=None: {
                "onderwerp": _url("leveranciers", (party or {}).get("leverancier") or LeverancierFactory()),
                "type": "verwerkersovereenkomst",
                "geldigVanaf": "2026-01-01",
                "bewijsUrl": "https://leverancier.example/verwerkersovereenkomst.pdf",
            },
            patch_payload=lambda party=None: {"omschrijving": "Bijgewerkt", "geldigTot": "2027-12-31"},
        ),
        "/verklaringen/{uuid}/statuswijzigingen": Resource(
            lambda parent: parent,
            parent="/verklaringen",
            owned_by=_own_verklaring,
            payload=lambda party=None: {"naarStatus": "ter_beoordeling"},
        ),
        "/verklaringen/{uuid}/document": Resource(
            lambda parent: parent,
            parent="/verklaringen",
            owned_by=_own_verklaring,
            payload=lambda party=None: _pdf_bytes(),
            content_type="application/pdf",
        ),
    }
)
RESOURCES.update(
    dict(
        [
            _audited(
                "verklaringen", "/verklaringen", lambda parent_object: {"leverancier": parent_object.eigenaar}
            )
        ]
    )
)


def _pdf_bytes() -> bytes:
    from tests.verklaringen.support import MINIMAL_PDF

    return MINIMAL_PDF
