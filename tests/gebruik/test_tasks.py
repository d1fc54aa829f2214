"""The nightly job: a version whose end of support came within 12 months since the date was
set alerts its users (once), run by the real worker."""

import datetime
import time

import pytest
import time_machine
from django.db import connection
from django.utils import timezone
from procrastinate.contrib.django.models import ProcrastinateJob

from softwarebroker.catalogus import services as catalogus
from softwarebroker.gebruik.models import Attentie
from softwarebroker.gebruik.services import attenties
from softwarebroker.gebruik.tasks import SIGNALEREN, signaleer_einde_ondersteuning
from tests.catalogus.factories import SoftwarepakketFactory, SoftwarepakketversieFactory
from tests.gebruik.support import BROKER, gebruik
from tests.organisaties.factories import OrganisatieFactory
from tests.worker import close_worker_connections, run_worker


def _landschap():
    """Version 1.0 ends support in 400 days (beyond the window: nobody alerted yet), used by two
    organisations (one of them uitgefaseerd); 2.0 has no end; 3.0 ends in 500 days."""
    pakket = SoftwarepakketFactory()
    v1, v2, v3 = (SoftwarepakketversieFactory(softwarepakket=pakket, versie=f"{n}.0.0") for n in (1, 2, 3))
    actief, weg, op_v2, op_v3 = (OrganisatieFactory() for _ in range(4))
    gebruik(actief, pakket, softwarepakketversie=v1)
    gebruik(weg, pakket, softwarepakketversie=v1, status="uitgefaseerd")
    gebruik(op_v2, pakket, softwarepakketversie=v2)
    gebruik(op_v3, pakket, softwarepakketversie=v3)
    vandaag = timezone.localdate()
    for versie, dagen in ((v1, 400), (v3, 500)):
        catalogus.update_softwarepakketversie(
            acting=BROKER,
            softwarepakketversie=versie,
            partial=True,
            einde_ondersteuning=vandaag + datetime.timedelta(days=dagen),
        )
    assert not Attentie.objects.exists()
    return v1, actief


@pytest.mark.django_db
def test_the_nightly_run_alerts_the_users_of_a_version_whose_end_entered_the_window(
    notificaties_geconfigureerd,
):
    v1, actief = _landschap()
    ProcrastinateJob.objects.all().delete()

    with time_machine.travel(timezone.now() + datetime.timedelta(days=40), tick=False):
        assert attenties.signaleer_naderend_einde() == 1
        assert attenties.signaleer_naderend_einde() == 0  # once per date

    attentie = Attentie.objects.get()
    assert (attentie.gebruik.organisatie, attentie.softwarepakketversie, attentie.reden) == (
        actief,
        v1,
        "einde_ondersteuning",
    )
    v1.refresh_from_db()
    assert attentie.einde_ondersteuning == v1.einde_ondersteuning
    berichten = [job.args["bericht"] for job in ProcrastinateJob.objects.all()]
    assert [(b["kanaal"], b["actie"], b["kenmerken"]["organisatie"]) for b in berichten] == [
        ("gebruiken", "attentie", actief.oin)
    ]


@pytest.mark.django_db(transaction=True)
def test_the_worker_runs_the_job():
    v1, actief = _landschap()
    try:
        with time_machine.travel(timezone.now() + datetime.timedelta(days=40), tick=False):
            signaleer_einde_ondersteuning.defer(timestamp=int(time.time()))
            run_worker()
    finally:
        close_worker_connections()

    assert list(Attentie.objects.values_list("gebruik__organisatie", "softwarepakketversie")) == [
        (actief.pk, v1.pk)
    ]
    with connection.cursor() as cursor:
        cursor.execute("SELECT status FROM procrastinate_jobs WHERE task_name = %s", [SIGNALEREN])
        statuses = [status for (status,) in cursor.fetchall()]
    assert statuses and set(statuses) == {"succeeded"}, statuses
