from django.db import connections
from procrastinate.contrib.django import app

from .idempotency import forget_old_requests


@app.periodic(cron="41 * * * *")
@app.task()
def forget_old_idempotency_keys(timestamp: int) -> int:
    try:
        return forget_old_requests()
    finally:
        connections.close_all()  # the worker runs sync tasks in threads of its own
