"""Alerts reach exactly the organisations running the affected version, in the transaction of
the change, with a queued notification each."""

import datetime

import pytest
from django.utils import timezone
from procrastinate.contrib.django.models import ProcrastinateJob

from softwarebroker.audit.models import AuditTrail
from softwarebroker.catalogus import services as catalogus
from softwarebroker.gebruik import selectors
from softwarebroker.gebruik.models import Attentie, Gebruik
from tests.catalogus.factories import SoftwarepakketFactory, SoftwarepakketversieFactory
from tests.gebruik.support import BROKER, gebruik, kwetsbaarheid
from tests.organisaties.factories import OrganisatieFactory

pytestmark = pytest.mark.django_db


def _notified_oins(kanaal="gebruiken"):
    oins = []
    for job in ProcrastinateJob.objects.all():
        notificatie = job.args["bericht"]
        if notificatie.get("kanaal") == kanaal and notificatie.get("actie") == "attentie":
            oins.append(notificatie["kenmerken"]["organisatie"])
    return sorted(oins)


@pytest.fixture
def landschap(notificaties_geconfigureerd):
    pakket = SoftwarepakketFactory()
    v1 = SoftwarepakketversieFactory(softwarepakket=pakket, versie="1.0.0")
    v2 = SoftwarepakketversieFactory(softwarepakket=pakket, versie="2.0.0")
    op_v1 = [OrganisatieFactory() for _ in range(3)]
    op_v2 = [OrganisatieFactory() for _ in range(2)]
    for organisatie in op_v1:
        gebruik(organisatie, pakket, softwarepakketversie=v1)
    for organisatie in op_v2:
        gebruik(organisatie, pakket, softwarepakketversie=v2)
    return pakket, v1, v2, op_v1, op_v2


def test_end_of_support_of_version_2_alerts_exactly_its_two_users(landschap):
    _pakket, _v1, v2, _op_v1, op_v2 = landschap
    ProcrastinateJob.objects.all().delete()

    catalogus.update_softwarepakketversie(
        acting=BROKER,
        softwarepakketversie=v2,
        partial=True,
        einde_ondersteuning=timezone.localdate() + datetime.timedelta(days=200),
    )

    alerted = Attentie.objects.filter(reden="einde_ondersteuning")
    assert sorted(a.gebruik.organisatie.oin for a in alerted) == sorted(o.oin for o in op_v2)
    assert _notified_oins() == sorted(o.oin for o in op_v2)
    attentie_ids = set(selectors.gebruiken(BROKER).filter(_attentie=True).values_list("pk", flat=True))
    assert attentie_ids == set(Gebruik.objects.filter(softwarepakketversie=v2).values_list("pk", flat=True))


def test_the_same_date_again_alerts_nobody_twice_and_a_date_beyond_12_months_nobody(landschap):
    _pakket, v1, _v2, _op_v1, _op_v2 = landschap
    far = timezone.localdate() + datetime.timedelta(days=500)
    catalogus.update_softwarepakketversie(
        acting=BROKER, softwarepakketversie=v1, einde_ondersteuning=far, partial=True
    )
    assert not Attentie.objects.exists()
    near = timezone.localdate() + datetime.timedelta(days=30)
    for _ in range(2):
        catalogus.update_softwarepakketversie(
            acting=BROKER, softwarepakketversie=v1, einde_ondersteuning=near, partial=True
        )
    assert Attentie.objects.count() == 3


def test_a_published_vulnerability_alerts_the_users_of_its_version_only(landschap):
    _pakket, v1, _v2, op_v1, _op_v2 = landschap
    ProcrastinateJob.objects.all().delete()
    kwetsbaarheid(v1)
    assert _notified_oins() == sorted(o.oin for o in op_v1)
    assert Attentie.objects.filter(reden="kwetsbaarheid").count() == 3


def test_an_end_of_support_moved_beyond_12_months_closes_its_alerts_audited_and_notified(landschap):
    v2, op_v2 = landschap[2], landschap[4]
    near = timezone.localdate() + datetime.timedelta(days=60)
    catalogus.update_softwarepakketversie(
        acting=BROKER, softwarepakketversie=v2, einde_ondersteuning=near, partial=True
    )
    assert Attentie.objects.filter(afgehandeld_op__isnull=True).count() == 2
    ProcrastinateJob.objects.all().delete()
    entries_before = AuditTrail.objects.filter(resource="gebruik").count()

    far = timezone.localdate() + datetime.timedelta(days=900)
    catalogus.update_softwarepakketversie(
        acting=BROKER, softwarepakketversie=v2, einde_ondersteuning=far, partial=True
    )

    assert Attentie.objects.filter(afgehandeld_op__isnull=True).count() == 0
    assert not selectors.gebruiken(BROKER).filter(_attentie=True).exists()
    assert AuditTrail.objects.filter(resource="gebruik").count() == entries_before + 2
    updates = [
        job.args["bericht"]["kenmerken"]["organisatie"]
        for job in ProcrastinateJob.objects.all()
        if job.args["bericht"]["kanaal"] == "gebruiken" and job.args["bericht"]["actie"] == "update"
    ]
    assert sorted(updates) == sorted(o.oin for o in op_v2)
