"""The nightly licence job, run by the real task queue worker."""

import datetime
import time

import pytest
from django.db import connection
from django.utils import timezone

from softwarebroker.bestellingen.models import Licentie
from softwarebroker.bestellingen.tasks import (
    NACHTELIJKE_LICENTIEVERWERKING,
    announce_opzegtermijnen,
    expire_licenties,
    process_licenties,
)
from tests.bestellingen.factories import LicentieFactory
from tests.worker import close_worker_connections, run_worker

from .contracten import licentie_met_contract


def job_statuses(task_name: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT status FROM procrastinate_jobs WHERE task_name = %s ORDER BY id", [task_name])
        return [status for (status,) in cursor.fetchall()]


@pytest.mark.django_db(transaction=True)
def test_the_worker_runs_the_nightly_job_and_a_second_run_changes_nothing():
    today = timezone.localdate()
    verlopen = LicentieFactory(einddatum=datetime.date(2020, 1, 1))
    loopt = LicentieFactory(einddatum=today + datetime.timedelta(days=400))
    verlengt = licentie_met_contract(einddatum=today, automatisch_verlengen=True)

    process_licenties.defer(timestamp=int(time.time()))
    run_worker()
    after_first = list(Licentie.objects.order_by("pk").values())
    process_licenties.defer(timestamp=int(time.time()))
    run_worker()

    assert list(Licentie.objects.order_by("pk").values()) == after_first
    assert Licentie.objects.get(pk=verlopen.pk).status == "verlopen"
    assert Licentie.objects.get(pk=loopt.pk).status == "actief"
    verlengt.refresh_from_db()
    assert (verlengt.status, verlengt.aantal_verlengingen) == ("actief", 1)
    assert verlengt.einddatum > today
    assert job_statuses(NACHTELIJKE_LICENTIEVERWERKING) == ["succeeded", "succeeded"]


@pytest.mark.django_db(transaction=True)
def test_jobs_of_the_replaced_nightly_tasks_still_queued_end_without_doing_anything():
    verlopen = LicentieFactory(einddatum=datetime.date(2020, 1, 1))

    expire_licenties.defer(timestamp=int(time.time()))
    announce_opzegtermijnen.defer(timestamp=int(time.time()))
    run_worker()

    assert Licentie.objects.get(pk=verlopen.pk).status == "actief"
    assert job_statuses(expire_licenties.name) == ["succeeded"]
    assert job_statuses(announce_opzegtermijnen.name) == ["succeeded"]


@pytest.mark.django_db
def test_only_the_nightly_job_is_periodic():
    from procrastinate.contrib.django import app

    periodic = {task.task.name for task in app.periodic_registry.periodic_tasks.values()}
    assert NACHTELIJKE_LICENTIEVERWERKING in periodic
    assert expire_licenties.name not in periodic
    assert announce_opzegtermijnen.name not in periodic


@pytest.fixture(autouse=True)
def _close_worker_connections():
    yield
    close_worker_connections()
