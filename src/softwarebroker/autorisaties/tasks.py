from procrastinate.contrib.django import app

from softwarebroker.core.tasks import closes_connections

from .throttling import forget_old_failures


@app.periodic(cron="17 * * * *")
@app.task()
@closes_connections
def forget_old_authentication_failures(timestamp: int) -> int:
    return forget_old_failures()
