"""Factories for organisations (the tenants)."""

import factory

from softwarebroker.autorisaties.context import Acting
from softwarebroker.organisaties import services
from softwarebroker.organisaties.models import Organisatie, OrganisatieType


class OrganisatieFactory(factory.django.DjangoModelFactory):
    oin = factory.Sequence(lambda n: f"{n:020d}")
    naam = factory.Sequence(lambda n: f"Gemeente {n}")
    type = OrganisatieType.GEMEENTE
    gemeentecode = factory.Sequence(lambda n: f"{n % 10000:04d}")
    inwonertal = 25000

    class Meta:
        model = Organisatie

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # Through the service, like any other change (audited).
        return services.create_organisatie(acting=Acting.system("factory"), **kwargs)
