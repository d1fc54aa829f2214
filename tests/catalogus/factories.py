"""Factories for the catalogue's resources."""

import datetime
from decimal import Decimal

import factory

from softwarebroker.autorisaties.context import Acting
from softwarebroker.catalogus import services
from softwarebroker.catalogus.models import (
    Aanbieding,
    Categorie,
    Leverancier,
    Prijs,
    Raamovereenkomst,
    Softwarepakket,
    Softwarepakketversie,
)

# Test objects are made like any other change: through the catalogue services (audited).
TESTS = Acting.system("factory")


class ServiceFactory(factory.django.DjangoModelFactory):
    """A factory whose objects are created by ``service`` (``create_<model>``)."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        create = getattr(services, f"create_{model_class._meta.model_name}")
        return create(acting=TESTS, **kwargs)


class CategorieFactory(ServiceFactory):
    naam = factory.Sequence(lambda n: f"Categorie {n}")
    omschrijving = factory.Faker("sentence", locale="nl_NL")

    class Meta:
        model = Categorie


class LeverancierFactory(ServiceFactory):
    naam = factory.Sequence(lambda n: f"Leverancier {n} B.V.")
    kvk_nummer = factory.Sequence(lambda n: f"{n:08d}")
    status = "actief"

    class Meta:
        model = Leverancier


class SoftwarepakketFactory(ServiceFactory):
    naam = factory.Sequence(lambda n: f"Zaaksysteem {n}")
    korte_omschrijving = "Registreert en behandelt zaken."
    licentie = "EUPL-1.2"
    open_source = True
    status = "gepubliceerd"
    fabrikant = factory.SubFactory(LeverancierFactory)

    class Meta:
        model = Softwarepakket


class SoftwarepakketversieFactory(ServiceFactory):
    softwarepakket = factory.SubFactory(SoftwarepakketFactory)
    versie = factory.Sequence(lambda n: f"1.{n}.0")
    releasedatum = datetime.date(2026, 1, 1)

    class Meta:
        model = Softwarepakketversie


class AanbiedingFactory(ServiceFactory):
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


class PrijsFactory(ServiceFactory):
    aanbieding = factory.SubFactory(AanbiedingFactory)
    prijstype = "terugkerend"
    periode = "jaar"
    bedrag_excl_btw = Decimal("12.50")
    geldig_vanaf = factory.Sequence(lambda n: datetime.date(2000, 1, 1) + datetime.timedelta(days=n * 2))
    geldig_tot = factory.LazyAttribute(lambda prijs: prijs.geldig_vanaf + datetime.timedelta(days=1))

    class Meta:
        model = Prijs


class RaamovereenkomstFactory(ServiceFactory):
    naam = factory.Sequence(lambda n: f"Raamovereenkomst {n}")
    kenmerk = factory.Sequence(lambda n: f"RO-{n:04d}")
    contractant = "VNG Realisatie"
    ingangsdatum = datetime.date(2026, 1, 1)

    class Meta:
        model = Raamovereenkomst
