from procrastinate.contrib.django import app

from softwarebroker.core.tasks import closes_connections

from .idempotency import forget_old_requests


@app.periodic(cron="41 * * * *")
@app.task()
@closes_connections
def forget_old_idempotency_keys(timestamp: int) -> int:
    return forget_old_requests()
