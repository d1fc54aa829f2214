"""Contract fuzzing of both APIs with schemathesis, in-process against the WSGI app on PostgreSQL.

One module per API (test_catalogus.py, test_bestellingen.py): collecting one generates its
API's coverage cases only, so `make pytest` runs each in a process of its own, beside the suite
(development/run_tests.py)."""

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from softwarebroker.wsgi import application

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


# A declaration's document is sent as the raw bytes of a file, like any binary body.
schemathesis.serializer.alias("application/pdf", "application/octet-stream")


def document(path: str):
    """The document the API serves. It is generated from code only (no database), so loading it
    while tests are collected is safe."""
    return schemathesis.openapi.from_wsgi(path, application)


FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
