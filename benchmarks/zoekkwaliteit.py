"""Benchmark: search quality next to its speed, on the benchmark catalogue.

    python -m benchmarks.zoekkwaliteit [--typos 100] [--seed 1]
    (also the last part of python -m benchmarks.catalogus, so of make benchmark)

100 typos of names of the generated catalogue's packages (``softwarebroker.demo.typfouten``:
adjacent letters swapped, a letter left out or one added, every other one in a compound word
such as "Zaaksysteem"), each searched for, one request at a time, on the API as served for the
load benchmark:

- on the softwarepakketten list (what a user looking for a package gets): the package must be
  among the first 10 results;
- on the aanbiedingen list: an offer of the package must be among the first 10;
- for the typos in a compound word, that word alone ("zaaksytseem") on the softwarepakketten
  list: a package with the word in its name must be among the first 10.

Prints recall@10 and the latency (p50, p90) of those searches, per list and per kind of typo.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import urllib.parse

import psycopg

from softwarebroker.demo import typfouten

from .common import get

AT = 10


def _packages(database_url: str) -> dict[str, str]:
    """The published packages of the catalogue: name -> UUID."""
    with psycopg.connect(database_url) as connection:
        rows = connection.execute(
            "SELECT naam, uuid::text FROM catalogus_softwarepakket WHERE status = 'gepubliceerd'"
        ).fetchall()
    return dict(rows)


def _search(url: str, bearer: str) -> tuple[list[dict], float]:
    started = time.perf_counter()
    results = get(url, bearer)["results"]
    return results, (time.perf_counter() - started) * 1000


def _percentile(values: list[float], fraction: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[round(fraction * 100) - 1]


def measure(api: str, bearer: str, database_url: str, count: int = 100, seed: int = 1) -> None:
    packages = _packages(database_url)
    typo_set = typfouten.typos(list(packages), count=count, seed=seed)
    # Per list, per typo (in the order of the set; a typo may occur twice): found or not.
    found: dict[str, list[bool]] = {"softwarepakketten": [], "aanbiedingen": [], "compound word alone": []}
    latency: dict[str, list[float]] = {name: [] for name in found}
    for typo in typo_set:
        terms = urllib.parse.quote(typo.zoek)
        results, ms = _search(f"{api}/softwarepakketten?zoek={terms}&pageSize={AT}", bearer)
        found["softwarepakketten"].append(typo.naam in [item["naam"] for item in results])
        latency["softwarepakketten"].append(ms)
        results, ms = _search(f"{api}/aanbiedingen?zoek={terms}&pageSize={AT}", bearer)
        package = f"/softwarepakketten/{packages[typo.naam]}"
        found["aanbiedingen"].append(any(item["softwarepakket"].endswith(package) for item in results))
        latency["aanbiedingen"].append(ms)
        if typo.samenstelling:
            terms = urllib.parse.quote(typo.getypt)
            results, ms = _search(f"{api}/softwarepakketten?zoek={terms}&pageSize={AT}", bearer)
            word = typo.woord.lower()
            found["compound word alone"].append(any(word in item["naam"].lower() for item in results))
            latency["compound word alone"].append(ms)

    compounds = sum(typo.samenstelling for typo in typo_set)
    print(
        f"\nSearch quality: {len(typo_set)} typos of package names (seed {seed}; "
        f"{compounds} in a compound word), one request at a time\n"
    )
    print(
        f"| list | recall@{AT} | in a compound | swapped | left out | added | p50 ms | p90 ms |\n"
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    )
    groups = [lambda typo: True, lambda typo: typo.samenstelling] + [
        lambda typo, kind=kind: typo.soort == kind for kind in typfouten.KINDS
    ]
    for name, hits in found.items():
        searched = (
            typo_set if len(hits) == len(typo_set) else [typo for typo in typo_set if typo.samenstelling]
        )
        shares = []
        for belongs in groups:
            subset = [hit for typo, hit in zip(searched, hits, strict=True) if belongs(typo)]
            shares.append(f"{sum(subset)}/{len(subset)}")
        print(
            f"| {name} | {' | '.join(shares)} | {statistics.median(latency[name]):.1f} "
            f"| {_percentile(latency[name], 0.9):.1f} |"
        )
    for typo, hit in zip(typo_set, found["softwarepakketten"], strict=True):
        if not hit:
            print(f"- not among the first {AT} packages: {typo.zoek!r} ({typo.naam}, {typo.soort})")


def main(argv=None) -> int:
    from .catalogus import _prepare
    from .common import API, environment, servers

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--verklaringen", type=int, default=300_000)
    parser.add_argument("--typos", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    arguments, _ = parser.parse_known_args(argv)
    with environment() as (env, production):
        bearer = _prepare(env, arguments.rows, arguments.verklaringen)
        with servers(production, env):
            measure(f"{API}/catalogus/api/v1", bearer, env["DATABASE_URL"], arguments.typos, arguments.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
