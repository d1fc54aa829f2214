"""Benchmark: the Catalogus API under load, next to a floor measured in the same run.

    make benchmark     (or: python -m benchmarks.catalogus [--rows 100000] [--duration 20])

1. Fills the database ``softwarebroker_benchmark`` with 100,000 generated aanbiedingen and
   300,000 verklaringen (``generate_catalogue``; reused when already there).
2. Serves the API with gunicorn (2 workers, production settings) and the floor
   (``benchmarks/floor.py``: one SQL statement + orjson, same JSON) with the same gunicorn
   settings, and checks that both give the same page before measuring (for a search also the
   same count and ``X-Aantal-Geschat``).
3. Runs ``wrk -t2 -c8 -d20s --latency`` against each case and prints req/s, p50 and p99
   with the ratio to the floor; a search is measured against the floor's search (same matches,
   order and count), not against the plain list.
4. Measures the search's quality next to it (``benchmarks.zoekkwaliteit``: recall@10 of 100
   generated typos of package names, with their latency). Nothing is asserted: the numbers go
   in docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import sys
import urllib.request

from . import zoekkwaliteit
from .common import (
    API,
    API_PORT,
    FLOOR,
    FLOOR_PORT,
    TABLE_HEADER,
    environment,
    get,
    manage,
    row,
    servers,
    token,
    wrk,
)

BASE = "/catalogus/api/v1"
DECLARATION_FIELDS = ("verklaringen", "ontbrekendeVerklaringen")
CREATE_CLIENT = """
from softwarebroker.autorisaties.models import Applicatie, ApplicatieSecret
client, _ = Applicatie.objects.get_or_create(
    client_id="benchmark", defaults={"label": "Benchmark", "rollen": ["broker"]}
)
client.secrets.all().delete()
ApplicatieSecret.objects.create(applicatie=client, secret="benchmark-geheim-0123456789-0123456789")
"""


# Searches measured against the floor's search: a word of 16% of the offers, the same word with
# two letters swapped (found by the typo correction), and a part of a supplier's name (found only
# by trigram similarity, the fallback). The equality check runs all three; the load only the first two.
SEARCHES = ("zaaksystemen", "zaaksytseem", "polderla")


def _page(url: str, token: str | None = None) -> tuple[dict, str | None]:
    """A list page with its X-Aantal-Geschat header (None when absent)."""
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"} if token else {})  # noqa: S310 - loopback
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - our own loopback server
        return json.loads(response.read()), response.headers.get("X-Aantal-Geschat")


def _as_api(page: dict) -> dict:
    return json.loads(json.dumps(page).replace(f":{FLOOR_PORT}/", f":{API_PORT}/"))


def _check_searches(api: str, floor: str, bearer: str) -> None:
    for terms in SEARCHES:
        search = f"aanbiedingen?pageSize=100&zoek={terms}"
        (api_page, api_estimate), (floor_page, floor_estimate) = (
            _page(f"{api}/{search}", bearer),
            _page(f"{floor}/{search}"),
        )
        floor_page = _as_api(floor_page)
        assert api_page["results"], f"zoek={terms} finds something"
        assert api_page["results"] == floor_page["results"], f"the floor must rank zoek={terms} as the API"
        api_count = (api_page["count"], api_page["next"], api_estimate)
        floor_count = (floor_page["count"], floor_page["next"], floor_estimate)
        assert api_count == floor_count, (
            f"the floor must count zoek={terms} as the API: {api_count}, {floor_count}"
        )


COUNTS = (
    "from softwarebroker.catalogus.models import Aanbieding, Verklaring; "
    "print(Aanbieding.objects.count(), Verklaring.objects.count())"
)


def _prepare(env, rows: int, verklaringen: int) -> str:
    manage(env, "migrate", "-v0")
    counts = manage(env, "shell", "-c", COUNTS, capture=True).stdout.strip().splitlines()[-1]
    aanbiedingen, bestaande_verklaringen = (int(count) for count in counts.split())
    if aanbiedingen < rows or bestaande_verklaringen < verklaringen:
        manage(env, "generate_catalogue", "--clear")
        manage(env, "generate_catalogue", "--aanbiedingen", str(rows), "--verklaringen", str(verklaringen))
        # Statistics of the new rows now, not by autovacuum during the run: the estimated count
        # (X-Aantal-Geschat) of a search comes from them, and API and floor must see the same.
        manage(env, "shell", "-c", "from django.db import connection; connection.cursor().execute('ANALYZE')")
    manage(env, "shell", "-c", CREATE_CLIENT)
    return token(env, "benchmark")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--verklaringen", type=int, default=300_000)
    parser.add_argument("--duration", type=int, default=20)
    arguments, _ = parser.parse_known_args(argv)

    with environment() as (env, production):
        bearer = _prepare(env, arguments.rows, arguments.verklaringen)
        with servers(production, env):
            api, floor = f"{API}{BASE}", f"{FLOOR}{BASE}"
            page = get(f"{api}/aanbiedingen?pageSize=100", bearer)
            floor_page = json.loads(
                json.dumps(get(f"{floor}/aanbiedingen?pageSize=100")).replace(
                    f":{FLOOR_PORT}/", f":{API_PORT}/"
                )
            )
            assert page["results"] == floor_page["results"], "the floor must serve the API's representation"
            assert page["next"] == floor_page["next"]
            for volledig in ("true", "false"):
                # The floor filters with the same SQL condition (and counts the same way).
                filtered = f"aanbiedingen?pageSize=100&volledigVerklaard={volledig}"
                floor_filtered = json.loads(
                    json.dumps(get(f"{floor}/{filtered}")).replace(f":{FLOOR_PORT}/", f":{API_PORT}/")
                )
                assert get(f"{api}/{filtered}", bearer)["results"] == floor_filtered["results"]
            _check_searches(api, floor, bearer)
            detail = page["results"][0]["url"].rsplit("/", 1)[1]
            cases = [
                (
                    "aanbiedingen list (page of 100)",
                    f"{api}/aanbiedingen?pageSize=100",
                    f"{floor}/aanbiedingen?pageSize=100",
                    2,
                ),
                *(
                    (
                        f"aanbiedingen list with zoek={terms}, against the search floor",
                        f"{api}/aanbiedingen?pageSize=100&zoek={terms}",
                        f"{floor}/aanbiedingen?pageSize=100&zoek={terms}",
                        3,
                    )
                    for terms in SEARCHES[:2]
                ),
                (
                    "aanbiedingen list volledigVerklaard=true",
                    f"{api}/aanbiedingen?pageSize=100&volledigVerklaard=true",
                    f"{floor}/aanbiedingen?pageSize=100&volledigVerklaard=true",
                    3,
                ),
                (
                    "aanbiedingen list volledigVerklaard=false",
                    f"{api}/aanbiedingen?pageSize=100&volledigVerklaard=false",
                    f"{floor}/aanbiedingen?pageSize=100&volledigVerklaard=false",
                    3,
                ),
                (
                    "softwarepakketten list (page of 100)",
                    f"{api}/softwarepakketten?pageSize=100",
                    f"{floor}/aanbiedingen?pageSize=100",
                    3,
                ),
                ("aanbieding detail", f"{api}/aanbiedingen/{detail}", f"{floor}/aanbiedingen/{detail}", 3),
            ]
            floors = {}
            load = f"wrk -t2 -c8 -d{arguments.duration}s --latency"
            print(
                f"\n{arguments.rows:,} aanbiedingen, {arguments.verklaringen:,} verklaringen; {load}; "
                "gunicorn 2 workers\n"
            )
            print(TABLE_HEADER)
            for name, api_url, floor_url, target in cases:
                if floor_url not in floors:
                    floors[floor_url] = wrk(floor_url, None, arguments.duration)
                print(
                    row(name, wrk(api_url, bearer, arguments.duration), floors[floor_url], target), flush=True
                )
            # Where the framework itself stands, for reading the table: a Django request that
            # touches no table, and a detail that returns only its url (authentication, one
            # query, rendering; no representation work).
            detail_floor = floors[f"{floor}/aanbiedingen/{detail}"]
            print("\n| reference (same run) | req/s | p50 ms | ratio to floor detail |")
            print("| --- | ---: | ---: | ---: |")
            for name, url in (
                ("Django request without database (/_healthz/livez)", f"{API}/_healthz/livez"),
                ("aanbieding detail with fields=url", f"{api}/aanbiedingen/{detail}?fields=url"),
                # What the computed declaration fields cost a page: the same list without them.
                (
                    "aanbiedingen list without verklaringen, ontbrekendeVerklaringen",
                    f"{api}/aanbiedingen?pageSize=100&fields="
                    + ",".join(name for name in page["results"][0] if name not in DECLARATION_FIELDS),
                ),
            ):
                result = wrk(url, bearer, arguments.duration)
                print(
                    f"| {name} | {result['rps']:.0f} | {result['p50']:.1f} "
                    f"| {detail_floor['rps'] / result['rps']:.1f}x |",
                    flush=True,
                )
            zoekkwaliteit.measure(api, bearer, env["DATABASE_URL"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
