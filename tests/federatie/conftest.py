import pytest

from tests.federatie.support import TricklingPeer


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
