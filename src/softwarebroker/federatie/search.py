"""Federated search: the local catalogue and every active peer catalogue, in parallel.

Each peer gets ``FEDERATIE_TIMEOUT`` seconds; the answer never waits longer than that (plus the
local search), whatever a peer does. Results are merged by rank (the best of every source
first, then the second best, ...: each source orders by its own relevance, and scores of
different instances cannot be compared), de-duplicated by URL, and each says where it came
from (``bron``). Every source's outcome is reported: ``ok``, ``timeout`` or ``fout``, with its
duration.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass, field

import structlog
from django.conf import settings
from django.db import connections
from zgw_consumers.client import build_client

from softwarebroker.api.propagation import outgoing_headers

from .models import PeerCatalogus

logger = structlog.get_logger(__name__)
LOCAL = "lokaal"
# Shared by all searches: a slow peer holds a thread until its own HTTP timeout, not a request.
_executor = ThreadPoolExecutor(max_workers=16, thread_name_prefix="federatie")


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


def _search_peer(peer: PeerCatalogus, terms: str, limit: int, timeout: float, headers: dict) -> list[dict]:
    # The Service's client: its authentication, certificates and NLX outway (with the URLs in
    # the answer rewritten back) apply.
    client = build_client(peer.service)
    try:
        with client:
            response = client.get(
                "aanbiedingen", params={"zoek": terms, "pageSize": limit}, timeout=timeout, headers=headers
            )
            response.raise_for_status()
            body = response.json()
    finally:
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
    futures = {_executor.submit(_search_peer, peer, terms, limit, timeout, headers): peer for peer in peers}

    local = Source(LOCAL)
    local.results = search_local(terms, limit)
    local.duration = time.monotonic() - started
    local.count = len(local.results)
    sources = [local]

    done, _ = wait(futures, timeout=max(0.0, timeout - (time.monotonic() - started)))
    for future, peer in futures.items():
        source = Source(peer.naam, duration=time.monotonic() - started)
        if future not in done:
            source.status, source.message = "timeout", f"geen antwoord binnen {timeout:g} s"
            future.cancel()
        elif future.exception() is not None:
            source.status, source.message = "fout", type(future.exception()).__name__
            logger.warning("federated_search_failed", peer=peer.naam, error=str(future.exception())[:200])
        else:
            source.results = future.result()
            source.count = len(source.results)
        sources.append(source)

    return {"results": _merge(sources, limit), "bronnen": [source.report() for source in sources]}


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
