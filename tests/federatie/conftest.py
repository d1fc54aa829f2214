import pytest
from zgw_consumers.constants import APITypes, AuthTypes
from zgw_consumers.models import Service

from softwarebroker.organisaties.models import Mandaat
from tests.federatie.peer_offers import PEER, Party
from tests.federatie.support import TricklingPeer
from tests.organisaties.factories import OrganisatieFactory


@pytest.fixture
def trickling():
    """Start trickling peers (see :class:`TricklingPeer`); they stop after the test."""
    peers = []

    def start(**kwargs) -> TricklingPeer:
        peers.append(TricklingPeer(**kwargs))
        return peers[-1]

    yield start
    for peer in peers:
        peer.stop()


@pytest.fixture
def service():
    return Service.objects.create(
        label="Catalogus van Regio Peer",
        slug="peer-catalogus",
        api_type=APITypes.orc,
        api_root=PEER,
        auth_type=AuthTypes.api_key,
        header_key="Authorization",
        header_value="Token peer-sleutel",
        timeout=2,
    )


@pytest.fixture
def gemeente():
    organisatie = OrganisatieFactory(naam="Gemeente Voorbeeldstad")
    Mandaat.objects.create(
        organisatie=organisatie, gebruikers_id="budget@voorbeeldstad.nl", maximum_bedrag=50000
    )
    return {
        "organisatie": organisatie,
        "afnemer": Party("afnemer", "afnemer", organisatie=organisatie, user_id="inkoper@voorbeeldstad.nl"),
        "budgethouder": Party(
            "budgethouder", "budgethouder", organisatie=organisatie, user_id="budget@voorbeeldstad.nl"
        ),
        "broker": Party("broker", "broker", user_id="broker@voorbeeldstad.nl"),
    }
