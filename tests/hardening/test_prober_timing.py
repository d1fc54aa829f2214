"""The hostile suite's time bound: a request slow every time fails, one slow once does not."""

import time

import pytest

from .hostile import MAX_SECONDS, REPEATS, Prober
from .tally import Tally


class _Response:
    status_code = 400
    content = b'{"invalidParams": []}'
    headers = {"Content-Type": "application/problem+json"}

    def get(self, name, default=""):
        return self.headers.get(name, default)

    def json(self):
        return {"invalidParams": []}


class _SlowClient:
    """Answers 400 after ``delays`` seconds, one delay per call (the last one repeats)."""

    def __init__(self, *delays):
        self.delays = list(delays)
        self.calls = 0

    def generic(self, method, url, **kwargs):
        delay = self.delays[min(self.calls, len(self.delays) - 1)]
        self.calls += 1
        time.sleep(delay)
        return _Response()


@pytest.fixture
def bound():
    # The same logic with a bound a test can cross in milliseconds.
    return MAX_SECONDS / 40


@pytest.mark.django_db
def test_a_request_slow_every_time_fails(bound):
    client = _SlowClient(bound * 1.5)
    prober = Prober(client, Tally(), max_seconds=bound)

    prober.send("stalls", "post", "/x", body="{}")

    assert client.calls == REPEATS + 1
    assert len(prober.failures) == 1 and "stalls: took" in prober.failures[0]


@pytest.mark.django_db
def test_a_request_slow_once_passes(bound):
    client = _SlowClient(bound * 1.5, 0)
    prober = Prober(client, Tally(), max_seconds=bound)

    answer = prober.send("busy machine", "post", "/x", body="{}")

    assert client.calls == 2
    assert answer.seconds < bound
    assert prober.failures == []


@pytest.mark.django_db
def test_a_quick_request_is_sent_once(bound):
    client = _SlowClient(0)
    prober = Prober(client, Tally(), max_seconds=bound)

    prober.send("quick", "post", "/x", body="{}")

    assert client.calls == 1 and prober.failures == []
