"""Factories for every resource, and the registry the generic suites use.

A new resource adds an entry to ``RESOURCES`` under its collection path; the generic
suites then exercise its operations on real objects (and fail until it does).
"""

import datetime
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import factory

from softwarebroker.audit.models import AuditTrail
from softwarebroker.bestellingen.models import (
    Annuleringsverzoek,
    Beoordeling,
    Bericht,
    Bestelling,
    Bestelregel,
    Levering,
    Licentie,
    Statuswijziging,
)
from softwarebroker.catalogus.models import (
    Aanbieding,
    Categorie,
    Leverancier,
    Prijs,
    Raamovereenkomst,
    Softwarepakket,
    Softwarepakketversie,
)
from softwarebroker.organisaties.models import Organisatie, OrganisatieType


class CategorieFactory(factory.django.DjangoModelFactory):
    naam = factory.Sequence(lambda n: f"Categorie {n}")
    omschrijving = factory.Faker("sentence", locale="nl_NL")

    class Meta:
        model = Categorie


class OrganisatieFactory(factory.django.DjangoModelFactory):
    oin = factory.Sequence(lambda n: f"{n:020d}")
    naam = factory.Sequence(lambda n: f"Gemeente {n}")
    type = OrganisatieType.GEMEENTE
    gemeentecode = factory.Sequence(lambda n: f"{n % 10000:04d}")
    inwonertal = 25000

    class Meta:
        model = Organisatie


class LeverancierFactory(factory.django.DjangoModelFactory):
    naam = factory.Sequence(lambda n: f"Leverancier {n} B.V.")
    kvk_nummer = factory.Sequence(lambda n: f"{n:08d}")
    status = "actief"

    class Meta:
        model = Leverancier


class SoftwarepakketFactory(factory.django.DjangoModelFactory):
    naam = factory.Sequence(lambda n: f"Zaaksysteem {n}")
    korte_omschrijving = "Registreert en behandelt zaken."
    licentie = "EUPL-1.2"
    open_source = True
    status = "gepubliceerd"
    fabrikant = factory.SubFactory(LeverancierFactory)

    class Meta:
        model = Softwarepakket


class SoftwarepakketversieFactory(factory.django.DjangoModelFactory):
    softwarepakket = factory.SubFactory(SoftwarepakketFactory)
    versie = factory.Sequence(lambda n: f"1.{n}.0")
    releasedatum = datetime.date(2026, 1, 1)

    class Meta:
        model = Softwarepakketversie


class AanbiedingFactory(factory.django.DjangoModelFactory):
    softwarepakket = factory.SubFactory(SoftwarepakketFactory)
    leverancier = factory.SubFactory(LeverancierFactory)
    naam = factory.Sequence(lambda n: f"Aanbieding {n}")
    leveringsvorm = "saas"
    hostinglocatie = "nl"
    licentiemodel = "per_gebruiker"
    eenheid = "gebruiker"
    geldig_vanaf = datetime.date(2026, 1, 1)
    status = "gepubliceerd"

    class Meta:
        model = Aanbieding


class PrijsFactory(factory.django.DjangoModelFactory):
    aanbieding = factory.SubFactory(AanbiedingFactory)
    prijstype = "terugkerend"
    periode = "jaar"
    bedrag_excl_btw = Decimal("12.50")
    geldig_vanaf = factory.Sequence(lambda n: datetime.date(2000, 1, 1) + datetime.timedelta(days=n * 2))
    geldig_tot = factory.LazyAttribute(lambda prijs: prijs.geldig_vanaf + datetime.timedelta(days=1))

    class Meta:
        model = Prijs


class RaamovereenkomstFactory(factory.django.DjangoModelFactory):
    naam = factory.Sequence(lambda n: f"Raamovereenkomst {n}")
    kenmerk = factory.Sequence(lambda n: f"RO-{n:04d}")
    contractant = "VNG Realisatie"
    ingangsdatum = datetime.date(2026, 1, 1)

    class Meta:
        model = Raamovereenkomst


class AuditTrailFactory(factory.django.DjangoModelFactory):
    bron = "test"
    actie = "update"
    resultaat = 200
    hoofd_object = factory.LazyAttribute(lambda entry: f"http://testserver/x/{entry.hoofd_object_uuid}")
    resource = "test"
    resource_url = factory.LazyAttribute(lambda entry: entry.hoofd_object)
    nieuw = factory.LazyFunction(dict)

    class Meta:
        model = AuditTrail


class BestellingFactory(factory.django.DjangoModelFactory):
    """An order that was approved and sent to its supplier (status ``ingediend``), with one line."""

    nummer = factory.Sequence(lambda n: f"2026-9{n:05d}")
    besteller = factory.SubFactory(OrganisatieFactory)
    leverancier = factory.SubFactory(LeverancierFactory)
    aanvrager = "afnemer@test"
    status = "ingediend"
    verzonden_op = factory.LazyFunction(lambda: datetime.datetime.now(datetime.UTC))
    totaal_eenmalig_excl_btw = Decimal("200.00")

    class Meta:
        model = Bestelling
        skip_postgeneration_save = True

    @factory.post_generation
    def regels(self, create, extracted, **kwargs):
        if create and extracted is None:
            BestelregelFactory(bestelling=self, volgnummer=1, aanbieding__leverancier=self.leverancier)


class BestelregelFactory(factory.django.DjangoModelFactory):
    bestelling = factory.SubFactory(BestellingFactory, regels=[])
    volgnummer = factory.Sequence(lambda n: n + 100)  # 1 is the line every order factory makes
    aanbieding = factory.SubFactory(AanbiedingFactory, geldig_vanaf=datetime.date(2020, 1, 1))
    aantal = 2
    bedrag_eenmalig_excl_btw = Decimal("200.00")

    class Meta:
        model = Bestelregel


class StatuswijzigingFactory(factory.django.DjangoModelFactory):
    bestelling = factory.SubFactory(BestellingFactory)
    van_status = "concept"
    naar_status = "ter_goedkeuring"
    actor = "afnemer@test"

    class Meta:
        model = Statuswijziging


class BeoordelingFactory(factory.django.DjangoModelFactory):
    bestelling = factory.SubFactory(BestellingFactory)
    besluit = "goedgekeurd"
    beoordelaar = "budgethouder@test"

    class Meta:
        model = Beoordeling


class BerichtFactory(factory.django.DjangoModelFactory):
    bestelling = factory.SubFactory(BestellingFactory)
    auteur_rol = "afnemer"
    inhoud = "Wanneer wordt er geleverd?"

    class Meta:
        model = Bericht


class LeveringFactory(factory.django.DjangoModelFactory):
    bestelling = factory.SubFactory(BestellingFactory)
    regel = factory.SubFactory(BestelregelFactory, bestelling=factory.SelfAttribute("..bestelling"))
    type = "licentiesleutel"
    geheim = "SLEUTEL-1234"

    class Meta:
        model = Levering


class AnnuleringsverzoekFactory(factory.django.DjangoModelFactory):
    bestelling = factory.SubFactory(BestellingFactory)
    reden = "Niet meer nodig"

    class Meta:
        model = Annuleringsverzoek


class LicentieFactory(factory.django.DjangoModelFactory):
    organisatie = factory.SubFactory(OrganisatieFactory)
    aanbieding = factory.SubFactory(AanbiedingFactory)
    aantal = 10
    ingangsdatum = datetime.date(2026, 1, 1)
    einddatum = datetime.date(2027, 1, 1)

    class Meta:
        model = Licentie


@dataclass(frozen=True)
class Resource:
    """How to make one object of a collection; nested collections name their parent."""

    create: Callable
    parent: str | None = None
    # For tenant data: make the object (and its parents) belonging to this organisation.
    owned_by: Callable | None = None
    # A valid request body for POST/PUT/PATCH, for collections that can be written.
    payload: Callable | None = None
    content_type: str = "application/json"


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
        Resource(lambda p: _audit_entry(p, **tenant(p)), parent=parent, owned_by=owned_by),
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
            "periode": "",
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
PUBLICCODE = (Path(__file__).parent / "catalogus" / "publiccode" / "zaaksysteem.yml").read_text()


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


def _besteld_door(party) -> Bestelling:
    return BestellingFactory(besteller=party["organisatie"], leverancier=party["leverancier"])


def _onder_bestelling(factory_class, payload=None, **extra) -> Resource:
    return Resource(
        lambda parent: factory_class(bestelling=parent, **extra),
        parent="/bestellingen",
        owned_by=lambda party: [order := _besteld_door(party), factory_class(bestelling=order, **extra)],
        payload=payload,
    )


def _nieuwe_bestelling(party=None) -> dict:
    organisatie = (party or {}).get("organisatie") or OrganisatieFactory()
    aanbieding = AanbiedingFactory(geldig_vanaf=datetime.date(2020, 1, 1))
    PrijsFactory(aanbieding=aanbieding, geldig_vanaf=datetime.date(2020, 1, 1), geldig_tot=None)
    return {
        "besteller": f"http://testserver/bestellingen/api/v1/organisaties/{organisatie.uuid}",
        "kostenplaats": "ICT-123",
        "regels": [{"aanbieding": _url("aanbiedingen", aanbieding), "aantal": 2}],
    }


RESOURCES.update(
    {
        "/bestellingen": Resource(
            lambda: BestellingFactory(),
            owned_by=lambda party: [_besteld_door(party)],
            payload=_nieuwe_bestelling,
        ),
        "/bestellingen/{bestelling_uuid}/statuswijzigingen": _onder_bestelling(
            StatuswijzigingFactory, payload=lambda party=None: {"naarStatus": "geaccepteerd"}
        ),
        "/bestellingen/{bestelling_uuid}/beoordelingen": _onder_bestelling(
            BeoordelingFactory, payload=lambda party=None: {"besluit": "goedgekeurd"}
        ),
        "/bestellingen/{bestelling_uuid}/berichten": _onder_bestelling(
            BerichtFactory,
            payload=lambda party=None: {"inhoud": "Graag levering in maart.", "zichtbaarheid": "openbaar"},
        ),
        "/bestellingen/{bestelling_uuid}/leveringen": _onder_bestelling(
            LeveringFactory,
            payload=lambda party=None: {"regel": 1, "type": "licentiesleutel", "geheim": "ABC"},
        ),
        "/bestellingen/{bestelling_uuid}/leveringen/{uuid}/geheim": Resource(
            lambda parent: parent,
            parent="/bestellingen/{bestelling_uuid}/leveringen",
            owned_by=lambda party: owned_chain("/bestellingen/{bestelling_uuid}/leveringen", party),
        ),
        "/bestellingen/{bestelling_uuid}/annuleringsverzoeken": _onder_bestelling(
            AnnuleringsverzoekFactory,
            payload=lambda party=None: {
                "reden": "Begroting ingetrokken",
                "status": "afgewezen",
                "toelichting": "Nee",
            },
        ),
        "/licenties": Resource(
            lambda: LicentieFactory(),
            owned_by=lambda party: [LicentieFactory(organisatie=party["organisatie"])],
        ),
    }
)
RESOURCES.update(
    dict(
        [
            _audited("aanbiedingen", "/aanbiedingen", lambda p: {"leverancier": p.leverancier}),
            _audited(
                "bestellingen",
                "/bestellingen",
                lambda p: {"organisatie": p.besteller, "leverancier": p.leverancier},
            ),
            _audited("categorieen", "/categorieen"),
            _audited("leveranciers", "/leveranciers", lambda p: {"leverancier": p}),
            _audited("raamovereenkomsten", "/raamovereenkomsten"),
            _audited("softwarepakketten", "/softwarepakketten"),
        ]
    )
)


def create_in(collection: str, parent=None):
    resource = RESOURCES[collection]
    return resource.create(parent) if resource.parent else resource.create()


def create_chain(collection: str) -> list:
    """An object in ``collection`` and its parents: [parent, ..., object]."""
    resource = RESOURCES[collection]
    if resource.parent is None:
        return [create_in(collection)]
    parents = create_chain(resource.parent)
    return [*parents, create_in(collection, parents[-1])]


def owned_chain(collection: str, party: dict) -> list:
    """Like :func:`create_chain`, but the objects belong to ``party`` (its organisation or
    supplier) where that means anything; shared data is simply created."""
    resource = RESOURCES[collection]
    return resource.owned_by(party) if resource.owned_by else create_chain(collection)
