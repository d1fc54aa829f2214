"""Benchmark: the Bestellingen API under load, next to a floor measured in the same run.

    make benchmark     (or: python -m benchmarks.bestellingen [--orders 1000000] [--duration 20]
                        [--only lijst,detail,aanmaken] [--clients 8] [--check-clients 40])

1. Uses the benchmark database of ``benchmarks.catalogus`` (its generated catalogue) and adds
   1,000,000 generated orders over 380 organisations (``generate_orders``; reused afterwards).
2. Serves the API and the floor (``benchmarks/floor.py``: one organisation's newest orders
   and one order with its lines, each from one SQL query, serialised with orjson) with the same
   gunicorn settings, and checks that both give the same JSON before measuring.
3. ``wrk -t2 -c8 --latency`` on the order list of one organisation (as that organisation's
   client) and on an order's detail; then 8 concurrent clients create and submit orders for
   the run's duration, and the database is checked for errors and duplicate numbers; then
   40 clients do the same for a quarter of the duration (at least 5 s), only to check again
   that no number was handed out twice. ``--only`` runs some of the cases (the floor is
   compared with the API's answers in any case).
"""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import sys
import threading
import time
import uuid

from . import catalogus
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

BASE = "/bestellingen/api/v1"
CLIENTS = 8
CHECK_CLIENTS = 40
CASES = ("lijst", "detail", "aanmaken")
PREPARE = """
import json
from softwarebroker.autorisaties.models import Applicatie, ApplicatieSecret
from softwarebroker.catalogus.models import Aanbieding
from softwarebroker.catalogus.verklaringen.geldig import geldige_verklaringen, ontbrekend
from softwarebroker.organisaties.models import Organisatie
from django.db.models import Count, Q
from django.utils import timezone

today = timezone.localdate()
organisaties = list(
    Organisatie.objects.filter(naam__startswith="Benchmarkgemeente ").order_by("id")[:%(clients)d]
)
for index, organisatie in enumerate(organisaties):
    client, _ = Applicatie.objects.update_or_create(
        client_id=f"benchmark-afnemer-{index}",
        defaults={"label": "Benchmark afnemer", "rollen": ["afnemer"], "organisatie": organisatie},
    )
    client.secrets.all().delete()
    ApplicatieSecret.objects.create(applicatie=client, secret="benchmark-geheim-0123456789-0123456789")
candidates = (
    Aanbieding.objects.filter(
        status="gepubliceerd", raamovereenkomst=None, minimale_afname=1, bestelparameters_schema={},
        geldig_vanaf__lte=today,
    )
    .filter(Q(geldig_tot=None) | Q(geldig_tot__gt=today))
    .annotate(prijzen_count=Count("prijzen"))
    .filter(prijzen_count__gt=0)
    .order_by("id")
)
# The first whose required declarations are all covered, so a submission is not refused (a
# catalogue without declarations: the first).
offer = next(
    (
        aanbieding
        for aanbieding in candidates.iterator()
        if not ontbrekend(aanbieding, geldige_verklaringen([aanbieding], today).get(aanbieding.pk, {}))
    ),
    candidates.first(),
)
print(json.dumps({"oin": organisaties[0].oin, "aanbieding": str(offer.uuid),
                  "organisaties": [str(o.uuid) for o in organisaties]}))
"""
CHECK = """
import json
from django.db.models import Count
from softwarebroker.bestellingen.models import Bestelling
run = Bestelling.objects.filter(kostenplaats="%(kostenplaats)s")
print(json.dumps({
    "created": run.count(),
    "submitted": run.filter(status="ter_goedkeuring").count(),
    "duplicate_numbers": Bestelling.objects.values("nummer").annotate(n=Count("id")).filter(n__gt=1).count(),
}))
"""


def _prepare(env, bestellingen: int, rows: int, verklaringen: int = 0, clients: int = CLIENTS) -> dict:
    # The catalogue as the catalogue benchmark left it (or at least ``rows`` offers).
    catalogus._prepare(env, rows, verklaringen)
    count = manage(
        env,
        "shell",
        "-c",
        "from softwarebroker.bestellingen.models import Bestelling; "
        "print(Bestelling.objects.filter(nummer__startswith='2000-').count())",
        capture=True,
    ).stdout.split()[-1]
    if int(count) < bestellingen:
        manage(env, "generate_orders", "--bestellingen", str(bestellingen), "--organisaties", "380")
    return json.loads(
        manage(env, "shell", "-c", PREPARE % {"clients": clients}, capture=True).stdout.splitlines()[-1]
    )


def _create_and_submit(index: int, bearer: str, body: dict, deadline: float, results: list) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", API_PORT, timeout=60)
    headers = {"Authorization": f"Bearer {bearer}", "Content-Type": "application/json"}
    latencies, errors = [], 0
    while time.monotonic() < deadline:
        started = time.monotonic()
        connection.request(
            "POST",
            f"{BASE}/bestellingen",
            json.dumps(body),
            {**headers, "Idempotency-Key": str(uuid.uuid4())},
        )
        created = connection.getresponse()
        answer = json.loads(created.read())
        if created.status != 201:
            errors += 1
            continue
        connection.request(
            "POST",
            f"{answer['url'].split(str(API_PORT), 1)[1]}/statuswijzigingen",
            json.dumps({"naarStatus": "ter_goedkeuring"}),
            headers,
        )
        submitted = connection.getresponse()
        submitted.read()
        if submitted.status != 201:
            errors += 1
            continue
        latencies.append((time.monotonic() - started) * 1000)
    results[index] = (latencies, errors)


def _create_under_load(env, prepared: dict, duration: int, clients: int) -> dict:
    """``clients`` clients, each for its own organisation, create and submit orders for
    ``duration`` seconds."""
    kostenplaats = f"BENCH-{uuid.uuid4().hex[:8]}"
    bearers = [
        token(env, f"benchmark-afnemer-{index}", "benchmark@gemeente.example") for index in range(clients)
    ]
    results = [None] * clients
    started = time.monotonic()
    deadline = started + duration
    threads = []
    for index in range(clients):
        body = {
            "besteller": f"{API}{BASE}/organisaties/{prepared['organisaties'][index]}",
            "kostenplaats": kostenplaats,
            "regels": [
                {"aanbieding": f"{API}/catalogus/api/v1/aanbiedingen/{prepared['aanbieding']}", "aantal": 3}
            ],
        }
        thread = threading.Thread(
            target=_create_and_submit, args=(index, bearers[index], body, deadline, results)
        )
        thread.start()
        threads.append(thread)
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    latencies = [latency for result, _ in results for latency in result]
    errors = sum(error for _, error in results)
    check = json.loads(
        manage(env, "shell", "-c", CHECK % {"kostenplaats": kostenplaats}, capture=True).stdout.splitlines()[
            -1
        ]
    )
    return {
        "orders_per_second": len(latencies) / elapsed,
        "p50": statistics.median(latencies) if latencies else float("nan"),
        "ok": len(latencies),
        "errors": errors,
        **check,
    }


def _cases(value: str) -> set[str]:
    cases = {case.strip() for case in value.split(",") if case.strip()}
    if not cases or cases - set(CASES):
        raise argparse.ArgumentTypeError(f"one or more of {', '.join(CASES)}, separated by commas")
    return cases


def _report_creation(result: dict, clients: int, duration: int) -> str:
    return (
        f"Order creation with submission, {clients} concurrent clients, {duration} s: "
        f"{result['orders_per_second']:.1f} orders/s "
        f"(p50 {result['p50']:.0f} ms per create + submit), {result['ok']} submitted, "
        f"{result['errors']} errors; in the database {result['created']} created, "
        f"{result['submitted']} submitted, {result['duplicate_numbers']} duplicate numbers."
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--rows", type=int, default=100_000, help="aanbiedingen in the catalogue")
    parser.add_argument("--verklaringen", type=int, default=300_000, help="declarations in the catalogue")
    parser.add_argument("--duration", type=int, default=20)
    parser.add_argument("--only", type=_cases, default=set(CASES), help=f"some of {', '.join(CASES)}")
    parser.add_argument("--clients", type=int, default=CLIENTS, help="clients creating orders")
    parser.add_argument(
        "--check-clients",
        type=int,
        default=CHECK_CLIENTS,
        help="clients of the second creation round that checks for duplicate numbers (0: none)",
    )
    arguments, _ = parser.parse_known_args(argv)

    with environment() as (env, production):
        prepared = _prepare(
            env,
            arguments.orders,
            arguments.rows,
            arguments.verklaringen,
            clients=max(arguments.clients, arguments.check_clients),
        )
        bearer = token(env, "benchmark-afnemer-0", "benchmark@gemeente.example")
        with servers(production, env):
            if arguments.only & {"lijst", "detail"}:
                _list_and_detail(prepared, bearer, arguments)
            if "aanmaken" in arguments.only:
                result = _create_under_load(env, prepared, arguments.duration, arguments.clients)
                print("\n" + _report_creation(result, arguments.clients, arguments.duration), flush=True)
                if arguments.check_clients:
                    duration = max(5, arguments.duration // 4)
                    check = _create_under_load(env, prepared, duration, arguments.check_clients)
                    print(_report_creation(check, arguments.check_clients, duration))
    return 0


def _list_and_detail(prepared: dict, bearer: str, arguments) -> None:
    api, floor = f"{API}{BASE}", f"{FLOOR}{BASE}"
    floor_list = f"{floor}/bestellingen?pageSize=100&oin={prepared['oin']}"
    page = get(f"{api}/bestellingen?pageSize=100", bearer)
    floor_page = json.loads(json.dumps(get(floor_list)).replace(f":{FLOOR_PORT}/", f":{API_PORT}/"))
    assert page["results"] == floor_page["results"], "the floor must serve the API's representation"
    assert (page["count"], page["next"]) == (floor_page["count"], floor_page["next"])
    detail = page["results"][0]["url"].rsplit("/", 1)[1]
    assert get(f"{api}/bestellingen/{detail}", bearer) == floor_page["results"][0]

    load = f"wrk -t2 -c8 -d{arguments.duration}s --latency"
    print(
        f"\n{arguments.orders:,} orders over 380 organisations "
        f"({page['count']:,} of the measured one); {load}; gunicorn 2 workers\n"
    )
    cases = [
        (
            "lijst",
            "orders of one organisation (page of 100)",
            f"{api}/bestellingen?pageSize=100",
            floor_list,
            2,
        ),
        (
            "detail",
            "order detail with its lines",
            f"{api}/bestellingen/{detail}",
            f"{floor}/bestellingen/{detail}",
            3,
        ),
    ]
    cases = [case for case in cases if case[0] in arguments.only]
    print(TABLE_HEADER)
    for _, name, api_url, floor_url, target in cases:
        print(
            row(
                name,
                wrk(api_url, bearer, arguments.duration),
                wrk(floor_url, None, arguments.duration),
                target,
            ),
            flush=True,
        )


if __name__ == "__main__":
    sys.exit(main())
