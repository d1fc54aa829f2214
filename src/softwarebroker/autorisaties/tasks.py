from procrastinate.contrib.django import app

from .throttling import forget_old_failures


@app.periodic(cron="17 * * * *")
@app.task(queueing_lock="forget_old_authentication_failures")
def forget_old_authentication_failures(timestamp: int) -> int:
    return forget_old_failures()
