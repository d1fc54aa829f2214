"""Running functions at the same moment, each in a thread with a database connection of its own
(tests marked ``django_db(transaction=True)``)."""

from __future__ import annotations

import threading

from django.db import connection


def run_concurrently(functions, timeout: float | None = 120) -> list:
    """Each function in a thread of its own, all started at once (a barrier); per function its
    result, or the exception it raised. Fails when a thread is still running after ``timeout``."""
    barrier = threading.Barrier(len(functions))
    results = [None] * len(functions)

    def run(index, function):
        try:
            barrier.wait()
            results[index] = function()
        except Exception as error:  # noqa: BLE001 - collected for the assertions
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, function)) for i, function in enumerate(functions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
    assert not any(thread.is_alive() for thread in threads), "a thread hangs"
    return results
