"""The schemathesis tests' fixtures (tests/fuzzing/support.py holds their settings)."""

import pytest
from django.core import signals
from django.db import close_old_connections
from pytest_django.fixtures import _set_suffix_to_test_databases

from softwarebroker.autorisaties.authentication import verified_tokens


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


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, request):
    """A test database named after the APIs the process fuzzes (test_softwarebroker_catalogus):
    `make pytest` fuzzes each API in a process of its own, beside each other."""
    apis = sorted({item.path.stem.removeprefix("test_") for item in request.session.items})
    if apis and not hasattr(request.config, "workerinput"):
        _set_suffix_to_test_databases("_".join(apis))


@pytest.fixture(autouse=True)
def verified_tokens_reused(settings):
    """The fuzzing sends one broker's token (renewed each second) with every case: verified
    once and then reused for AUTH_CACHE_SECONDS, as production does, instead of three queries
    and a decryption per request. Verifying tokens is tested in tests/autorisaties; here it
    was about a third of the CPU."""
    settings.AUTH_CACHE_SECONDS = 600
    verified_tokens.clear()
    yield
    verified_tokens.clear()
