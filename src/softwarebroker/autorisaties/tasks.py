from django.db import connections
from procrastinate.contrib.django import app

from .throttling import forget_old_failures


@app.periodic(cron="17 * * * *")
@app.task()
def forget_old_authentication_failures(timestamp: int) -> int:
    try:
        return forget_old_failures()
    finally:
        connections.close_all()  # the worker runs sync tasks in threads of its own
