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
LOKAAL = "lokaal"
# Shared by all searches: a slow peer holds a thread until its own HTTP timeout, not a request.
_executor = ThreadPoolExecutor(max_workers=16, thread_name_prefix="federatie")


@dataclass
class Bron:
    naam: str
    status: str = "ok"
    duur: float = 0.0
    aantal: int = 0
    melding: str = ""
    resultaten: list[dict] = field(default_factory=list)

    def verslag(self) -> dict:
        return {
            "naam": self.naam,
            "status": self.status,
            "duurMs": round(self.duur * 1000),
            "aantal": self.aantal,
            "melding": self.melding,
        }


def _zoek_bij_peer(peer: PeerCatalogus, zoek: str, aantal: int, timeout: float, headers: dict) -> list[dict]:
    # The Service's client: its authentication, certificates and NLX outway (with the URLs in
    # the answer rewritten back) apply.
    client = build_client(peer.service)
    try:
        with client:
            response = client.get(
                "aanbiedingen", params={"zoek": zoek, "pageSize": aantal}, timeout=timeout, headers=headers
            )
            response.raise_for_status()
            body = response.json()
    finally:
        connections.close_all()  # the NLX rewriting reads the Services in this thread
    results = body.get("results") if isinstance(body, dict) else None
    if not isinstance(results, list) or not all(isinstance(item, dict) and "url" in item for item in results):
        raise ValueError("geen lijst van aanbiedingen")
    return results[:aantal]


def zoek(lokaal: callable, zoekterm: str, aantal: int, user_id: str = "") -> dict:
    """``lokaal(zoekterm, aantal)`` gives the local results (already as representations)."""
    timeout = settings.FEDERATIE_TIMEOUT
    peers = list(PeerCatalogus.objects.filter(actief=True).select_related("service"))
    headers = outgoing_headers(user_id)  # read here: the threads do not share the request's context
    started = time.monotonic()
    futures = {
        _executor.submit(_zoek_bij_peer, peer, zoekterm, aantal, timeout, headers): peer for peer in peers
    }

    eigen = Bron(LOKAAL)
    eigen.resultaten = lokaal(zoekterm, aantal)
    eigen.duur = time.monotonic() - started
    eigen.aantal = len(eigen.resultaten)
    bronnen = [eigen]

    done, _ = wait(futures, timeout=max(0.0, timeout - (time.monotonic() - started)))
    for future, peer in futures.items():
        bron = Bron(peer.naam, duur=time.monotonic() - started)
        if future not in done:
            bron.status, bron.melding = "timeout", f"geen antwoord binnen {timeout:g} s"
            future.cancel()
        elif future.exception() is not None:
            bron.status, bron.melding = "fout", type(future.exception()).__name__
            logger.warning("federated_search_failed", peer=peer.naam, error=str(future.exception())[:200])
        else:
            bron.resultaten = future.result()
            bron.aantal = len(bron.resultaten)
        bronnen.append(bron)

    return {"results": _samenvoegen(bronnen, aantal), "bronnen": [bron.verslag() for bron in bronnen]}


def _samenvoegen(bronnen: list[Bron], aantal: int) -> list[dict]:
    merged, seen = [], set()
    for rank in range(max((len(bron.resultaten) for bron in bronnen), default=0)):
        for bron in bronnen:
            if rank < len(bron.resultaten):
                item = bron.resultaten[rank]
                if item["url"] in seen:
                    continue
                seen.add(item["url"])
                merged.append({**item, "bron": bron.naam})
    return merged[:aantal]
