import pytest

from softwarebroker.core import events
from softwarebroker.organisaties.models import Mandaat
from tests.organisaties.factories import OrganisatieFactory

from .api_world import Party
from .helpers import aanbieding_with_prijzen


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


@pytest.fixture
def world():
    """The ordering organisation with its afnemer and budget holder, and a supplier with an offer."""
    organisatie = OrganisatieFactory(naam="Gemeente Voorbeeldstad")
    aanbieding = aanbieding_with_prijzen()
    Mandaat.objects.create(
        organisatie=organisatie, gebruikers_id="budget@voorbeeldstad.nl", maximum_bedrag=50000
    )
    return {
        "organisatie": organisatie,
        "aanbieding": aanbieding,
        "afnemer": Party("afnemer", "afnemer", organisatie=organisatie, user_id="inkoper@voorbeeldstad.nl"),
        "budgethouder": Party(
            "budgethouder", "budgethouder", organisatie=organisatie, user_id="budget@voorbeeldstad.nl"
        ),
        "leverancier": Party(
            "leverancier", "leverancier", leverancier=aanbieding.leverancier, user_id="support@leverancier.nl"
        ),
    }
