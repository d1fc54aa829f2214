import io
import logging
import sys

import pytest
import structlog
from django.test import RequestFactory

from softwarebroker.api.logging import bind_transaction_ids
from softwarebroker.conf.logging import ClientErrorsWithoutTraceback, renderer


def _bound(request) -> dict:
    """What the request log of ``request`` is bound to."""
    structlog.contextvars.clear_contextvars()
    try:
        bind_transaction_ids(request=request, logger=None, log_kwargs={})
        return structlog.contextvars.get_contextvars()
    finally:
        structlog.contextvars.clear_contextvars()


def test_transaction_ids_are_bound_to_the_request_logs():
    request = RequestFactory().get(
        "/catalogus/api/v1/categorieen",
        headers={
            "X-NLX-Logrecord-Id": "abc123",
            "Fsc-Transaction-Id": "0190b7e2-7f5e-7c3a-9d2a-4c1b2a3d4e5f",
        },
    )
    bound = _bound(request)

    assert bound == {
        "ip": "127.0.0.1",
        "nlx_logrecord_id": "abc123",
        "fsc_transaction_id": "0190b7e2-7f5e-7c3a-9d2a-4c1b2a3d4e5f",
    }


def test_requests_without_network_headers_bind_only_the_address():
    assert _bound(RequestFactory().get("/")) == {"ip": "127.0.0.1"}


@pytest.mark.parametrize("proxies, expected", [(0, "10.0.0.1"), (1, "198.51.100.7"), (2, "203.0.113.20")])
def test_the_logged_address_is_the_one_the_trusted_proxies_vouch_for(settings, proxies, expected):
    settings.AUTH_TRUSTED_PROXIES = proxies
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.20, 198.51.100.7"
    )
    assert _bound(request)["ip"] == expected  # one entry from the end per trusted proxy, no further


@pytest.fixture
def log_output():
    """What the project's console handler writes, for the duration of a test."""
    handler = logging.getLogger("django.security").handlers[0]
    stream = io.StringIO()
    previous = handler.setStream(stream)
    try:
        yield stream
    finally:
        handler.setStream(previous)


def test_a_refused_host_is_one_line_without_a_traceback(client, log_output):
    response = client.get("/admin/", HTTP_HOST="evil.example")

    assert response.status_code == 400
    written = log_output.getvalue()
    assert "Invalid HTTP_HOST header" in written
    assert "Traceback" not in written
    assert '"exception"' not in written
    assert len(written.strip().splitlines()) == 1


def test_client_errors_lose_their_traceback_server_errors_keep_it():
    only_client_errors = ClientErrorsWithoutTraceback()

    def record(name: str, status: int | None) -> logging.LogRecord:
        try:
            raise ValueError("boom")
        except ValueError:
            made = logging.getLogger(name).makeRecord(
                name, logging.ERROR, __file__, 1, "failed", (), sys.exc_info()
            )
        if status is not None:
            made.status_code = status
        return made

    for name, status in (("django.security.DisallowedHost", None), ("django.request", 404)):
        client_error = record(name, status)
        assert only_client_errors.filter(client_error)
        assert client_error.exc_info is None
    server_error = record("django.request", 500)
    assert only_client_errors.filter(server_error)
    assert server_error.exc_info is not None


def test_the_console_format_never_prints_local_variables():
    formatter = structlog.stdlib.ProcessorFormatter(processor=renderer("console"))
    secret_token = "eyJ-a-secret-that-must-not-be-logged"
    try:
        raise RuntimeError(f"failed after {len(secret_token)} characters")
    except RuntimeError:
        record = logging.getLogger("softwarebroker").makeRecord(
            "softwarebroker", logging.ERROR, __file__, 1, "request_failed", (), sys.exc_info()
        )

    written = formatter.format(record)

    assert "Traceback" in written and "RuntimeError" in written
    assert secret_token not in written
    assert "locals" not in written
