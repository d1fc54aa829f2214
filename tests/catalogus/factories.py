"""Factories for the catalogue's resources."""

import datetime
import uuid
from decimal import Decimal

import factory

from softwarebroker.autorisaties.context import Acting
from softwarebroker.catalogus import services
from softwarebroker.catalogus.kwetsbaarheden.services import publiceer_kwetsbaarheid
from softwarebroker.catalogus.models import (
    Aanbieding,
    Categorie,
    Leverancier,
    Prijs,
    Raamovereenkomst,
    Referentiecomponent,
    Softwarepakket,
    Softwarepakketversie,
)
from softwarebroker.catalogus.register.services import Rij, importeer_referentiecomponenten

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


def referentiecomponent(naam: str = "", **fields):
    """A register entry, made by the import (the register's only writer); real-looking GEMMA id."""
    gemma_id = fields.pop("gemma_id", None) or f"id-{uuid.uuid4()}"
    rij = Rij(
        gemma_id=gemma_id,
        naam=naam or f"Component {gemma_id[3:11]}",
        beschrijving=fields.pop("beschrijving", ""),
        status=fields.pop("status", "in_gebruik"),
        uri=fields.pop("uri", None) or f"https://www.gemmaonline.nl/wiki/GEMMA/{gemma_id}",
    )
    importeer_referentiecomponenten(acting=TESTS, rijen=[rij])
    return Referentiecomponent.objects.get(gemma_id=gemma_id)


class ReferentiecomponentFactory(factory.Factory):
    """``ReferentiecomponentFactory()``: a register entry through the import."""

    naam = factory.Sequence(lambda n: f"Referentiecomponent {n}")

    class Meta:
        model = dict

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return referentiecomponent(**kwargs)

    _build = _create


class KwetsbaarheidFactory(factory.Factory):
    """A vulnerability published through its service (as the broker)."""

    softwarepakketversie = factory.SubFactory(SoftwarepakketversieFactory)
    cve_id = factory.Sequence(lambda n: f"CVE-2026-{10000 + n}")
    titel = "Onvoldoende controle van invoer"
    ernst = "hoog"

    class Meta:
        model = dict

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return publiceer_kwetsbaarheid(acting=TESTS, **kwargs)

    _build = _create
