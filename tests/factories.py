"""Factories for every resource, and the registry the generic suites use.

A new resource adds an entry to ``RESOURCES`` under its collection path; the generic
suites then exercise its operations on real objects (and fail until it does).
"""

import itertools
from collections.abc import Callable
from dataclasses import dataclass

import factory

from softwarebroker.audit.models import AuditTrail
from softwarebroker.catalogus.models import Categorie, Leverancier
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


@dataclass(frozen=True)
class Resource:
    """How to make one object of a collection; nested collections name their parent."""

    create: Callable
    parent: str | None = None
    # For tenant data: make the object (and its parents) belonging to this organisation.
    owned_by: Callable | None = None
    # A valid request body for POST/PUT/PATCH, for collections that can be written.
    payload: Callable | None = None


def _audit_entry(parent, **tenant):
    return AuditTrailFactory(hoofd_object_uuid=parent.uuid, **tenant)


# Keyed by the collection path as it appears in the OpenAPI documents.
_counter = itertools.count(1)


def _unique() -> int:
    return next(_counter)


RESOURCES = {
    "/categorieen": Resource(
        lambda: CategorieFactory(),
        payload=lambda: {"naam": f"Categorie via API {_unique()}", "omschrijving": "Test"},
    ),
    "/categorieen/{hoofdobject_uuid}/audittrail": Resource(
        lambda parent: _audit_entry(parent), parent="/categorieen"
    ),
    "/organisaties": Resource(
        lambda: OrganisatieFactory(),
        owned_by=lambda organisatie: [organisatie],
        payload=lambda: {
            "oin": f"{90000000000000000000 + _unique()}",
            "naam": "Nieuwe gemeente",
            "type": "gemeente",
        },
    ),
    "/organisaties/{hoofdobject_uuid}/audittrail": Resource(
        lambda parent: _audit_entry(parent, organisatie=parent),
        parent="/organisaties",
        owned_by=lambda organisatie: [organisatie, _audit_entry(organisatie, organisatie=organisatie)],
    ),
}


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


def owned_chain(collection: str, organisatie) -> list:
    """Like :func:`create_chain`, but the objects belong to ``organisatie`` where that means
    anything (tenant data); shared data is simply created."""
    resource = RESOURCES[collection]
    return resource.owned_by(organisatie) if resource.owned_by else create_chain(collection)
