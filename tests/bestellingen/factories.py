"""Factories for orders, everything recorded on them, and licences."""

import datetime
from decimal import Decimal

import factory

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
from tests.catalogus.factories import AanbiedingFactory, LeverancierFactory
from tests.organisaties.factories import OrganisatieFactory


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
