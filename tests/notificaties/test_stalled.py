"""A worker killed while it delivers a notification (out of memory, a lost node) loses nothing:
its job is stalled (no more heartbeats), is put back in the queue with its lock, and is delivered
before the later notifications about the same object, which waited behind it.

The workers here are the real command (`manage.py procrastinate worker`) in processes of their
own, killed with SIGKILL; the Notificaties API is a local HTTP server that holds the first
message unanswered, so the first worker is mid-delivery when it dies.
"""

import contextlib
import time

import pytest
from django.db import connection
from procrastinate.exceptions import AlreadyEnqueued

from softwarebroker.bestellingen import services
from softwarebroker.core.tasks import retry_stalled_jobs
from tests.notificaties.support import jobs_about
from tests.worker import WorkerProcess, run_worker

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def workers(notificaties_api, own_jobs_removed, tmp_path):
    """Start worker processes (a heartbeat every 2/3 s, stalled after 2 s); stopped afterwards."""
    started: list[WorkerProcess] = []

    def start(name: str) -> WorkerProcess:
        worker = WorkerProcess(tmp_path / f"{name}.log", WORKER_STALLED_SECONDS="2", LOG_LEVEL="INFO")
        started.append(worker.start())
        return worker

    yield start
    for worker in started:
        worker.stop()


def wait_until(condition, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


def events_of(job_id: int) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT type FROM procrastinate_events WHERE job_id = %s ORDER BY id", [job_id])
        return [row[0] for row in cursor.fetchall()]


def test_a_worker_killed_mid_delivery_loses_no_notification_and_keeps_their_order(
    partijen, notificaties_api, workers
):
    notificaties_api.hold_next = True
    notificaties_api.start()
    first = workers("first")
    bestelling = partijen.bestelling()
    assert notificaties_api.arrived.wait(60), first.log()  # the first worker is sending it ...

    first.kill()  # ... and dies mid-delivery
    services.change_status(acting=partijen.afnemer, bestelling=bestelling, naar="ter_goedkeuring")
    services.create_beoordeling(acting=partijen.budgethouder, bestelling=bestelling, besluit="goedgekeurd")
    assert [job["status"] for job in jobs_about(bestelling)] == ["doing", "todo", "todo"]
    notificaties_api.released.set()  # nobody waits for the held answer any more

    second = workers("second")

    def delivered():
        return [
            message["kenmerken"]["status"]
            for message in notificaties_api.received
            if message["hoofdObject"].endswith(f"/{bestelling.uuid}")
        ]

    assert wait_until(lambda: len(delivered()) >= 3), (delivered(), jobs_about(bestelling), second.log())
    assert [message["kenmerken"]["status"] for message in notificaties_api.held] == ["concept"]
    assert delivered() == ["concept", "ter_goedkeuring", "ingediend"]  # again, then in change order
    # The third message has arrived; the worker marks its job a moment later.
    assert wait_until(lambda: [job["status"] for job in jobs_about(bestelling)] == ["succeeded"] * 3), (
        jobs_about(bestelling),
        second.log(),
    )
    jobs = jobs_about(bestelling)
    assert len({job["lock"] for job in jobs}) == 1
    assert "deferred_for_retry" in events_of(jobs[0]["id"])  # the same job, put back in the queue
    assert "stalled_job_retried" in second.log()


def test_only_the_jobs_of_silent_workers_are_put_back_and_they_keep_their_place(
    partijen, notificaties_api, own_jobs_removed
):
    bestelling = partijen.bestelling()
    services.change_status(acting=partijen.afnemer, bestelling=bestelling, naar="ter_goedkeuring")
    other = partijen.bestelling(aantal=2)
    stalled, later = jobs_about(bestelling)
    (running,) = jobs_about(other)
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO procrastinate_workers (last_heartbeat) VALUES "
            "(now() - interval '1 hour'), (now()) RETURNING id"
        )
        (silent_worker,), (live_worker,) = cursor.fetchall()
        cursor.execute(
            "UPDATE procrastinate_jobs SET status = 'doing', worker_id = %s WHERE id = %s",
            [silent_worker, stalled["id"]],
        )
        cursor.execute(
            "UPDATE procrastinate_jobs SET status = 'doing', worker_id = %s WHERE id = %s",
            [live_worker, running["id"]],
        )

    with contextlib.suppress(AlreadyEnqueued):
        retry_stalled_jobs.defer(timestamp=int(time.time()))
    run_worker()  # retries the stalled job, then tries to send it (the API is down)

    stalled_now, later_now = jobs_about(bestelling)
    events = events_of(stalled["id"])
    assert "deferred_for_retry" in events
    assert events.count("started") == 2  # taken by the silent worker, then again after the retry
    assert stalled_now["status"] == "todo" and stalled_now["lock"] == stalled["lock"]
    assert later_now == later  # never tried: it waits behind the retried one
    assert jobs_about(other)[0]["status"] == "doing"  # its worker is alive: left alone


def test_the_check_keeps_no_rows_of_its_earlier_runs(own_jobs_removed):
    for timestamp in (1, 2, 3):
        with contextlib.suppress(AlreadyEnqueued):
            retry_stalled_jobs.defer(timestamp=timestamp)
        run_worker()

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM procrastinate_jobs WHERE task_name = %s AND status = 'succeeded'",
            [retry_stalled_jobs.name],
        )
        assert cursor.fetchone() == (1,)


def test_the_checks_run_periodically_under_names_that_stay():
    from procrastinate.contrib.django import app

    crons = {name: task.cron for (name, _), task in app.periodic_registry.periodic_tasks.items()}

    assert crons["softwarebroker.core.tasks.vastgelopen_taken_herstarten"] == "* * * * * */30"  # 60 s / 2
    assert crons["softwarebroker.notificaties.tasks.te_late_notificaties_melden"] == "*/5 * * * *"
    assert app.worker_defaults["update_heartbeat_interval"] == 10
    assert app.worker_defaults["stalled_worker_timeout"] == 60
