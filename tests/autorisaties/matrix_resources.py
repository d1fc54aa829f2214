"""The registry of how to make an object of every collection, for the generic suites.

A new resource adds an entry to ``RESOURCES`` under its collection path; the generic
suites (the authorisation matrix and the conformance checks) then exercise its operations
on real objects (and fail until it does).
"""

from dataclasses import replace

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

from .matrix_gebruik import CATALOGUS_GEBRUIK_RESOURCES, GEBRUIK_RESOURCES
from .matrix_objects import (
    LICENTIE_EINDE,
    ROWS_UNDER_ONE_PARENT,
    Resource,
    _bestelling_ordered_by,
    _deelname,
    _deelname_history,
    _externe_licentie,
    _new_bestelling,
    _new_ronde,
    _own_beoordeling,
    _own_deelname_chain,
    _own_ronde,
    _own_verklaring,
    _pdf_bytes,
    _publiccode_document,
    _ronde,
    _ronde_history,
    _under_bestelling,
    _unique,
    _url,
    _verklaring,
)
from .matrix_rapportages import RAPPORTAGE_RESOURCES


def _audit_entry(parent, **tenant):
    return AuditTrailFactory(hoofd_object_uuid=parent.uuid, **tenant)


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
        # A version of the party's own package (its vulnerabilities are the supplier's to publish).
        owned_by=lambda party: [SoftwarepakketversieFactory(softwarepakket__fabrikant=party["leverancier"])],
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
RESOURCES["/softwarepakketten/{uuid}/publiccode"] = Resource(
    lambda parent: parent,
    parent="/softwarepakketten",
    owned_by=lambda party: owned_chain("/softwarepakketten", party),
)
# Federated search: nothing to create (its peers are set up in tests/federatie/).
RESOURCES["/aanbiedingen/_zoeken"] = Resource(lambda: None)
# A report: an observed price in its default period (the last closed quarter).
RESOURCES["/softwarepakketten/_importeer"] = Resource(
    lambda: None, payload=_publiccode_document, content_type="application/yaml"
)


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

RESOURCES.update(GEBRUIK_RESOURCES | CATALOGUS_GEBRUIK_RESOURCES)
RESOURCES.update(
    dict(
        [
            _audited(
                "gebruiken", "/gebruiken", lambda parent_object: {"organisatie": parent_object.organisatie}
            )
        ]
    )
)
RESOURCES.update(RAPPORTAGE_RESOURCES)
