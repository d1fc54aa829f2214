import pytest

from softwarebroker.core import events

from .api_world import world  # noqa: F401 - the API tests' parties, a fixture


@pytest.fixture
def licentie_events():
    """(actie, uuid) of every notification on kanaal licenties during the test."""
    received = []

    def handler(event):
        if event.kanaal.label == "licenties":
            received.append((event.actie, event.instance.uuid))

    events.subscribe(handler)
    yield received
    events.unsubscribe(handler)
