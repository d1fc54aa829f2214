import logging

import pytest
from django.db import connection
from notifications_api_common.models import NotificationsConfig
from zgw_consumers.constants import APITypes, AuthTypes
from zgw_consumers.models import Service

from tests.bestellingen.helpers import Partijen
from tests.notificaties.support import NotificatiesAPI, free_port
from tests.worker import close_worker_connections


@pytest.fixture
def partijen(transactional_db):
    """An organisation, its people and a priced offer, made before the Notificaties API is
    configured (the catalogue's own notifications are not what these tests are about)."""
    return Partijen()


@pytest.fixture
def notificaties_api(settings):
    """The Notificaties API configured (not yet started: `start()` brings it up)."""
    settings.NOTIFICATIONS_FIRST_RETRY_SECONDS = 1
    api = NotificatiesAPI(free_port())
    service = Service.objects.create(
        label="Notificaties API",
        slug="notificaties-api",
        api_type=APITypes.nrc,
        api_root=f"http://127.0.0.1:{api.port}/api/v1/",
        auth_type=AuthTypes.no_auth,
    )
    config = NotificationsConfig.get_solo()
    config.notifications_api_service = service
    config.save()
    yield api
    api.stop()
    close_worker_connections()


@pytest.fixture
def own_jobs_removed(transactional_db):
    """Jobs and workers a test leaves in the task queue (stalled or overdue on purpose) are
    removed afterwards: procrastinate's tables are not emptied between tests."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT coalesce(max(id), 0) FROM procrastinate_jobs")
        (last_job,) = cursor.fetchone()
        cursor.execute("SELECT coalesce(max(id), 0) FROM procrastinate_workers")
        (last_worker,) = cursor.fetchone()
    yield
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM procrastinate_jobs WHERE id > %s", [last_job])
        cursor.execute("DELETE FROM procrastinate_workers WHERE id > %s", [last_worker])
    close_worker_connections()


@pytest.fixture
def log_events():
    """The component's structlog events (dicts with ``event`` and ``level``), from any thread."""
    events: list[dict] = []

    class Collect(logging.Handler):
        def emit(self, record):
            if isinstance(record.msg, dict):
                events.append(dict(record.msg))

    handler = Collect()
    logger = logging.getLogger("softwarebroker")
    logger.addHandler(handler)
    yield events
    logger.removeHandler(handler)
