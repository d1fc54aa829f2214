"""Federated search: the local catalogue and every active peer catalogue, in parallel.

Results are merged by rank (the best of every source first, then the second best, ...: each
source orders by its own relevance, and scores of different instances cannot be compared),
de-duplicated by URL, and each says where it came from (``bron``). Every source's outcome is
reported: ``ok``, ``timeout`` or ``fout``, with its own duration (``duurMs``: from the start of
the search until that source's answer or error was complete; for a ``timeout``, the deadline).

Every peer call has one total deadline, ``FEDERATIE_TIMEOUT`` seconds from the start of the
search, for all of it (connecting, the headers and the body of the answer), and a largest
answer, ``MAX_ANTWOORD`` bytes (larger is a ``fout``): see :mod:`.peer_http`. When the deadline
passes, the search shuts down the sockets of its calls that are still busy (whatever they are
waiting for, headers included), cancels those that have not started, and waits briefly for
them to end: no search leaves work behind, and each thread of the pool is free again at its
search's deadline.

The calls run on a pool shared by the searches of the process (``POOL_SIZE`` threads, which
bounds the outgoing calls). A call that waited for a thread gets only what remains of its
search's deadline; one that did not start in time is reported as ``timeout``, saying so.
"""

from __future__ import annotations

import time
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field

import structlog
from django.conf import settings
from django.db import connections

from softwarebroker.api.propagation import outgoing_headers

from . import peer_http
from .models import PeerCatalogus
from .peer_http import TIMEOUTS, PeerCall

logger = structlog.get_logger(__name__)
LOCAL = "lokaal"
#: Threads for peer calls, shared by all searches of the process. Each call holds one until its
#: search's deadline at the latest.
POOL_SIZE = 16
#: Largest answer of a peer, in bytes (a page of at most 100 aanbiedingen is far smaller).
MAX_ANTWOORD = 4 * 1024 * 1024
#: How long a search waits, after its deadline, for the calls it cut off to end.
_GRACE = 0.5
_executor = ThreadPoolExecutor(max_workers=POOL_SIZE, thread_name_prefix="federatie")


@dataclass
class Source:
    """One catalogue searched: this one (``lokaal``) or a peer, and how it answered."""

    naam: str
    status: str = "ok"
    duration: float = 0.0
    count: int = 0
    message: str = ""
    results: list[dict] = field(default_factory=list)

    def report(self) -> dict:
        return {
            "naam": self.naam,
            "status": self.status,
            "duurMs": round(self.duration * 1000),
            "aantal": self.count,
            "melding": self.message,
        }


class SearchCall(PeerCall):
    """One peer's part of a search: the peer, and when the call ran."""

    def __init__(self, peer: PeerCatalogus, deadline: float):
        super().__init__(deadline, MAX_ANTWOORD)
        self.peer = peer
        self.started: float | None = None
        self.finished: float | None = None


def _search_peer(call: SearchCall, terms: str, limit: int, headers: dict) -> list[dict]:
    call.started = time.monotonic()
    try:
        # After waiting for a thread, only what is left of the deadline; the search cuts the
        # call off itself when the deadline passes (``_end``).
        response = peer_http.get(
            call.peer.service,
            "aanbiedingen",
            call=call,
            params={"zoek": terms, "pageSize": limit},
            headers=headers,
            cut_at_deadline=False,
        )
        response.raise_for_status()
        body = response.json()
    finally:
        call.finished = time.monotonic()
        connections.close_all()  # the NLX rewriting reads the Services in this thread
    results = body.get("results") if isinstance(body, dict) else None
    if not isinstance(results, list) or not all(isinstance(item, dict) and "url" in item for item in results):
        raise ValueError("geen lijst van aanbiedingen")
    return results[:limit]


def search(search_local: callable, terms: str, limit: int, user_id: str = "") -> dict:
    """``search_local(terms, limit)`` gives the local results (already as representations)."""
    timeout = settings.FEDERATIE_TIMEOUT
    peers = list(PeerCatalogus.objects.filter(actief=True).select_related("service"))
    headers = outgoing_headers(user_id)  # read here: the threads do not share the request's context
    started = time.monotonic()
    deadline = started + timeout
    calls = {}
    for peer in peers:
        call = SearchCall(peer, deadline)
        calls[_executor.submit(_search_peer, call, terms, limit, headers)] = call

    done = set()
    try:
        local = Source(LOCAL)
        local.results = search_local(terms, limit)
        local.duration = time.monotonic() - started
        local.count = len(local.results)
        done, _ = wait(calls, timeout=max(0.0, deadline - time.monotonic()))
    finally:
        _end({future: call for future, call in calls.items() if future not in done})

    sources = [local]
    for future, call in calls.items():
        source = Source(call.peer.naam)
        error = future.exception() if future in done else None
        if future not in done or isinstance(error, TIMEOUTS):
            source.status, source.duration = "timeout", timeout
            if call.started is None or call.started >= deadline:
                source.message = f"niet gestart binnen {timeout:g} s: geen plaats vrij voor de aanroep"
                logger.warning("federated_search_call_not_started", peer=call.peer.naam, pool_size=POOL_SIZE)
            else:
                source.message = f"geen antwoord binnen {timeout:g} s"
        elif error is not None:
            source.status, source.message = "fout", type(error).__name__
            source.duration = call.finished - started
            logger.warning("federated_search_failed", peer=call.peer.naam, error=str(error)[:200])
        else:
            source.results = future.result()
            source.count = len(source.results)
            source.duration = call.finished - started
        sources.append(source)

    return {"results": _merge(sources, limit), "bronnen": [source.report() for source in sources]}


def _end(unfinished: dict[Future, SearchCall]) -> None:
    """Cancel the calls that have not started and cut off the others: none outlives the search."""
    for future, call in unfinished.items():
        future.cancel()
        call.cut()
    _, stuck = wait(unfinished, timeout=_GRACE)
    if stuck:  # e.g. a name lookup, which no socket timeout bounds
        peers = [unfinished[future].peer.naam for future in stuck]
        logger.warning("federated_search_call_outlived_search", peers=peers)


def _merge(sources: list[Source], limit: int) -> list[dict]:
    merged, seen = [], set()
    for rank in range(max((len(source.results) for source in sources), default=0)):
        for source in sources:
            if rank < len(source.results):
                item = source.results[rank]
                if item["url"] in seen:
                    continue
                seen.add(item["url"])
                merged.append({**item, "bron": source.naam})
    return merged[:limit]
