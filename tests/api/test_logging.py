import structlog
from django.test import RequestFactory

from softwarebroker.api.logging import bind_transaction_ids


def test_transaction_ids_are_bound_to_the_request_logs():
    request = RequestFactory().get(
        "/catalogus/api/v1/categorieen",
        headers={
            "X-NLX-Logrecord-Id": "abc123",
            "Fsc-Transaction-Id": "0190b7e2-7f5e-7c3a-9d2a-4c1b2a3d4e5f",
        },
    )
    structlog.contextvars.clear_contextvars()
    try:
        bind_transaction_ids(request=request, logger=None, log_kwargs={})
        bound = structlog.contextvars.get_contextvars()
    finally:
        structlog.contextvars.clear_contextvars()

    assert bound == {
        "nlx_logrecord_id": "abc123",
        "fsc_transaction_id": "0190b7e2-7f5e-7c3a-9d2a-4c1b2a3d4e5f",
    }


def test_requests_without_network_headers_bind_nothing():
    structlog.contextvars.clear_contextvars()
    bind_transaction_ids(request=RequestFactory().get("/"), logger=None, log_kwargs={})

    assert structlog.contextvars.get_contextvars() == {}
