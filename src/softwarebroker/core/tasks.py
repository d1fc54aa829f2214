"""What every task of this component shares, and the care of the task queue itself."""

from __future__ import annotations

import functools

import structlog
from django.conf import settings
from django.db import connections
from procrastinate import exceptions
from procrastinate.contrib.django import app

logger = structlog.get_logger(__name__)


def closes_connections(function):
    """The worker runs sync tasks in threads of its own: close the database connections such a
    thread opened when the task ends, or they stay open (idle) for the life of the worker."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        finally:
            connections.close_all()

    return wrapper


def every_seconds(seconds: int) -> str:
    """A cron expression for every ``seconds`` seconds (a sixth field: seconds), or every minute."""
    return "* * * * *" if seconds >= 60 else f"* * * * * */{seconds}"


async def forget_earlier_runs(context) -> None:
    """Remove the earlier, succeeded runs of this frequent task: nothing is learnt from them, and
    they would fill the job table and its admin list (one row a minute, for ever)."""
    await context.app.job_manager.connector.execute_query_async(
        query="DELETE FROM procrastinate_jobs WHERE task_name = %(task_name)s "
        "AND status = 'succeeded' AND id < %(job_id)s",
        task_name=context.job.task_name,
        job_id=context.job.id,
    )


# The registered name is stored with every queued job: it stays.
@app.periodic(cron=every_seconds(max(1, min(60, settings.WORKER_STALLED_SECONDS // 2))))
@app.task(
    name="softwarebroker.core.tasks.vastgelopen_taken_herstarten",
    queueing_lock="softwarebroker.core.tasks.vastgelopen_taken_herstarten",
    pass_context=True,
)
async def retry_stalled_jobs(context, timestamp: int) -> int:
    """Put the jobs of workers that stopped sending heartbeats (killed, out of memory, their node
    lost) back in the queue, due now; left alone they would stay ``doing`` for ever and, by their
    lock, hold back every later notification about the same object.

    The job itself goes back (``retry_job``: status ``todo``, the same id, lock, priority and
    queue), never a copy: procrastinate starts no job while another with the same lock is
    ``doing`` or is ``todo`` with a lower id, so the retried job is sent before the later ones
    about its object, which keep waiting behind it. A job that had in fact been delivered just
    before its worker died is delivered again (at least once, never lost).
    """
    manager = context.app.job_manager
    retried = 0
    for job in await manager.get_stalled_jobs(seconds_since_heartbeat=settings.WORKER_STALLED_SECONDS):
        try:
            await manager.retry_job(job)
        except exceptions.ConnectorException:
            continue  # no longer doing: another check retried it, or it ended after all
        retried += 1
        logger.warning(
            "stalled_job_retried",
            job_id=job.id,
            task=job.task_name,
            lock=job.lock,
            worker_id=job.worker_id,
            attempts=job.attempts + 1,
        )
    await forget_earlier_runs(context)
    return retried
