"""Every change of the catalogue publishes one event, inside its transaction."""

import pytest

from softwarebroker.catalogus import kanalen
from softwarebroker.core import events
from tests.catalogus.api_requests import send, url
from tests.catalogus.factories import AanbiedingFactory, SoftwarepakketFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def captured_events():
    seen = []
    events.subscribe(seen.append)
    yield seen
    events.unsubscribe(seen.append)


def test_every_change_publishes_one_event_in_its_transaction(client, captured_events):
    aanbieding = AanbiedingFactory(
        status="concept", softwarepakket=SoftwarepakketFactory(status="gepubliceerd")
    )
    captured_events.clear()  # the factories make their objects through the services too

    send(client, "PATCH", f"aanbiedingen/{aanbieding.uuid}", {"naam": "Hernoemd"})
    send(client, "PATCH", f"aanbiedingen/{aanbieding.uuid}", {"status": "gepubliceerd"})
    send(
        client,
        "POST",
        "prijzen",
        {
            "aanbieding": url("aanbiedingen", aanbieding),
            "prijstype": "eenmalig",
            "grondslag": "per_bestelling",
            "bedragExclBtw": "1.00",
            "geldigVanaf": "2026-01-01",
        },
    )
    send(client, "PATCH", f"aanbiedingen/{aanbieding.uuid}", {"status": "concept"})  # refused: no event

    assert [(event.kanaal.label, event.actie, event.resource) for event in captured_events] == [
        ("aanbiedingen", "update", "aanbieding"),
        ("aanbiedingen", "status", "aanbieding"),
        ("aanbiedingen", "create", "prijs"),
    ]
    assert captured_events[2].hoofd_object == aanbieding


@pytest.mark.django_db(transaction=True)
def test_publishing_outside_a_transaction_is_refused():
    with pytest.raises(RuntimeError):
        events.publish(kanalen.AANBIEDINGEN, AanbiedingFactory(), "update")
