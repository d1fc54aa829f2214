"""Many changes at once (the nightly jobs) queue exactly what one change at a time queues."""

import json

import pytest
from django.db import connection, transaction

from softwarebroker.bestellingen import kanalen
from softwarebroker.core import events
from tests.bestellingen.factories import LicentieFactory


def queued(since: int) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT lock, queue_name, task_name, args FROM procrastinate_jobs "
            "WHERE id > %s AND task_name LIKE '%%verstuur_notificatie' ORDER BY id",
            [since],
        )
        return cursor.fetchall()


def last_job_id() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT coalesce(max(id), 0) FROM procrastinate_jobs")
        return cursor.fetchone()[0]


def without_moment(rows):
    result = []
    for lock, queue, task, args in rows:
        args = json.loads(args) if isinstance(args, str) else args
        args["bericht"].pop("aanmaakdatum")
        result.append((lock, queue, task, args))
    return result


@pytest.mark.django_db
def test_publish_many_queues_what_publish_queues_one_by_one(notificaties_api):
    licenties = [LicentieFactory(), LicentieFactory()]
    changes = [(licentie, "update", None) for licentie in licenties] + [
        (licenties[0], "herinnering", {"herinnering": "90"})
    ]

    start = last_job_id()
    with transaction.atomic():
        for instance, actie, kenmerken in changes:
            events.publish(kanalen.LICENTIES, instance, actie, kenmerken=kenmerken)
    one_by_one = without_moment(queued(start))
    start = last_job_id()
    with transaction.atomic():
        events.publish_many(kanalen.LICENTIES, changes)
    at_once = without_moment(queued(start))

    assert len(one_by_one) == 3
    assert at_once == one_by_one
    assert one_by_one[2][3]["bericht"]["kenmerken"]["herinnering"] == "90"
    assert "herinnering" not in one_by_one[0][3]["bericht"]["kenmerken"]


@pytest.mark.django_db
def test_a_kenmerk_the_kanaal_does_not_declare_is_refused():
    licentie = LicentieFactory()

    with pytest.raises(LookupError), transaction.atomic():
        events.publish(kanalen.LICENTIES, licentie, "update", kenmerken={"onbekend": "x"})
