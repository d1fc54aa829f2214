"""The nightly licence job, run by the real task queue worker."""

import datetime
import time

import pytest
from django.db import connection
from procrastinate.contrib.django import app

from softwarebroker.bestellingen.models import Licentie
from softwarebroker.bestellingen.tasks import licenties_laten_verlopen
from tests.factories import LicentieFactory


@pytest.mark.django_db(transaction=True)
def test_the_worker_marks_expired_licences_and_a_second_run_changes_nothing():
    verlopen = LicentieFactory(einddatum=datetime.date(2020, 1, 1))
    loopt = LicentieFactory(einddatum=datetime.date.today() + datetime.timedelta(days=30))

    # The connector `manage.py procrastinate worker` uses (the Django one is for deferring only).
    worker_app = app.with_connector(app.connector.get_worker_connector())
    for _ in range(2):
        licenties_laten_verlopen.defer(timestamp=int(time.time()))
        worker_app.run_worker(wait=False, install_signal_handlers=False, listen_notify=False)

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
    # The worker's periodic deferrer leaves an idle connection in a thread of its own; close
    # it, or the test database cannot be dropped at the end of the run.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
