"""Factories for the audit trail."""

import factory

from softwarebroker.audit.models import AuditTrail


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
