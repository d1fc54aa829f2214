"""What the licence tests share: a refused service call, and an order submitted for approval."""

import pytest

from softwarebroker.bestellingen import services
from softwarebroker.core.errors import DomainError


def refused(call, status):
    with pytest.raises(DomainError) as raised:
        call()
    assert raised.value.status == status, raised.value.message
    return raised.value


def submitted(partijen, **kwargs):
    bestelling = partijen.bestelling(**kwargs)
    services.change_status(acting=partijen.afnemer, bestelling=bestelling, naar="ter_goedkeuring")
    bestelling.refresh_from_db()
    return bestelling
