"""Contract fuzzing of both APIs with schemathesis, in-process against the WSGI app on PostgreSQL."""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from softwarebroker.wsgi import application
from tests.auth import bearer

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


# A declaration's document is sent as the raw bytes of a file, like any binary body.
schemathesis.serializer.alias("application/pdf", "application/octet-stream")

# The documents are generated from code only (no database), so loading them while
# tests are collected is safe.
catalogus = schemathesis.openapi.from_wsgi("/catalogus/api/v1/openapi.json", application)
bestellingen = schemathesis.openapi.from_wsgi("/bestellingen/api/v1/openapi.json", application)


@pytest.fixture(autouse=True)
def not_under_xdist(request):
    """schemathesis runs every operation as a subtest of one test function; a pytest-xdist
    worker reports the first subtests and drops the rest without a failure. `make pytest` runs
    these tests in a process of its own (development/run_tests.py)."""
    if hasattr(request.config, "workerinput"):
        pytest.fail("Run the schemathesis tests without pytest-xdist (-p no:xdist), as make pytest does.")


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """Like Django's test client: calls into the WSGI app must not close the connection
    that holds the test's transaction."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))


@pytest.mark.schemathesis
@pytest.mark.django_db
@catalogus.parametrize()
@FUZZ
def test_catalogus_api(case, broker):
    case.call_and_validate(checks=CHECKS, headers=bearer(broker.client_id))


@pytest.mark.schemathesis
@pytest.mark.django_db
@bestellingen.parametrize()
@FUZZ
def test_bestellingen_api(case, broker):
    case.call_and_validate(checks=CHECKS, headers=bearer(broker.client_id))
