"""Factories for every resource, and the registry the generic suites use.

A new resource adds its factory to ``FACTORIES`` under its collection name; the
conformance suite then exercises its operations on real objects (and fails until it does).
"""

import factory

from softwarebroker.catalogus.models import Categorie
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


FACTORIES = {
    "categorieen": CategorieFactory,
    "organisaties": OrganisatieFactory,
}
