"""The nightly licence job, run by the real task queue worker."""

import datetime
import time

import pytest
from django.db import connection

from softwarebroker.bestellingen.models import Licentie
from softwarebroker.bestellingen.tasks import expire_licenties
from tests.bestellingen.factories import LicentieFactory
from tests.worker import close_worker_connections, run_worker


@pytest.mark.django_db(transaction=True)
def test_the_worker_marks_expired_licences_and_a_second_run_changes_nothing():
    verlopen = LicentieFactory(einddatum=datetime.date(2020, 1, 1))
    loopt = LicentieFactory(einddatum=datetime.date.today() + datetime.timedelta(days=30))

    for _ in range(2):
        expire_licenties.defer(timestamp=int(time.time()))
        run_worker()

    assert Licentie.objects.get(pk=verlopen.pk).status == "verlopen"
    assert Licentie.objects.get(pk=loopt.pk).status == "actief"
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT status FROM procrastinate_jobs WHERE task_name = %s ORDER BY id",
            ["softwarebroker.bestellingen.tasks.licenties_laten_verlopen"],
        )
        assert [status for (status,) in cursor.fetchall()] == ["succeeded", "succeeded"]


@pytest.fixture(autouse=True)
def _close_worker_connections():
    yield
    close_worker_connections()
