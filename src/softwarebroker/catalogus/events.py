"""The catalogue's kanalen; the hook itself is :mod:`softwarebroker.core.events`."""

from softwarebroker.core.events import Event, publish, subscribe, unsubscribe

SOFTWAREPAKKETTEN = "softwarepakketten"
AANBIEDINGEN = "aanbiedingen"

__all__ = ["AANBIEDINGEN", "SOFTWAREPAKKETTEN", "Event", "publish", "subscribe", "unsubscribe"]
