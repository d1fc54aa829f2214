"""The periodic job: it closes the open rounds whose closing date has come, once."""

import datetime
import time

import pytest
import time_machine
from django.db import connection
from django.utils import timezone

from softwarebroker.vraagbundelingen import services
from softwarebroker.vraagbundelingen.models import Vraagbundeling
from softwarebroker.vraagbundelingen.tasks import SLUITEN, sluit_vraagbundelingen
from tests.worker import close_worker_connections, run_worker

from .support import BROKER, Deelnemer, open_ronde


def _rondes():
    a = Deelnemer()
    morgen = open_ronde(initiatiefnemer=a, dagen=1)
    overmorgen = open_ronde(initiatiefnemer=a, dagen=2)
    geannuleerd = open_ronde(initiatiefnemer=a, dagen=1)
    services.change_vraagbundeling_status(acting=BROKER, vraagbundeling=geannuleerd, naar="geannuleerd")
    a.doe_mee(morgen, 20)
    return morgen, overmorgen, geannuleerd


def _statuses(*rondes):
    return [Vraagbundeling.objects.get(pk=ronde.pk).status for ronde in rondes]


@pytest.mark.django_db
def test_the_job_closes_only_open_rounds_whose_closing_date_has_come_and_is_idempotent():
    morgen, overmorgen, geannuleerd = _rondes()

    assert services.sluit_vraagbundelingen() == 0
    assert _statuses(morgen, overmorgen, geannuleerd) == ["open", "open", "geannuleerd"]

    with time_machine.travel(timezone.now() + datetime.timedelta(days=1), tick=False):
        assert services.sluit_vraagbundelingen() == 1
        after_first = list(Vraagbundeling.objects.order_by("pk").values())
        history = morgen.statuswijzigingen.count()
        assert services.sluit_vraagbundelingen() == 0
    assert list(Vraagbundeling.objects.order_by("pk").values()) == after_first
    assert morgen.statuswijzigingen.count() == history
    assert _statuses(morgen, overmorgen, geannuleerd) == ["gesloten", "open", "geannuleerd"]
    wijziging = morgen.statuswijzigingen.last()
    assert (wijziging.naar_status, wijziging.toelichting, wijziging.actor) == (
        "gesloten",
        "Sluitingsdatum bereikt.",
        "vraagbundelingen",
    )
    morgen.refresh_from_db()
    assert morgen.gebundeld_aantal == 20

    # A worker that was down catches up: days later every overdue round closes (this one with
    # no one in it, so below the minimum of 1: cancelled).
    with time_machine.travel(timezone.now() + datetime.timedelta(days=5), tick=False):
        assert services.sluit_vraagbundelingen() == 1
    assert _statuses(overmorgen) == ["geannuleerd"]
    assert overmorgen.statuswijzigingen.last().van_status == "open"


@pytest.mark.django_db(transaction=True)
def test_the_worker_runs_the_job():
    morgen, overmorgen, _ = _rondes()
    later = timezone.now() + datetime.timedelta(days=1)

    try:
        with time_machine.travel(later, tick=False):
            sluit_vraagbundelingen.defer(timestamp=int(time.time()))
            run_worker()
    finally:
        close_worker_connections()

    assert _statuses(morgen, overmorgen) == ["gesloten", "open"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT status FROM procrastinate_jobs WHERE task_name = %s", [SLUITEN])
        statuses = [status for (status,) in cursor.fetchall()]
    # The job deferred here ran; the worker's periodic deferrer may have queued the hourly close
    # as well (within ten minutes after 10 past the hour), which then ran too and found nothing.
    assert statuses and set(statuses) == {"succeeded"}, statuses
