"""Benchmark: awarding a joint purchase round with 350 approved participants.

    make benchmark   (or: python -m benchmarks.vraagbundelingen --deelnemers 350 --repeat 5)

Each repetition opens a round on an offer under a framework agreement (no tender threshold, no
maximum value), lets ``--deelnemers`` organisations join and their budget holders approve
(through the services, not timed), closes it (timed) and awards it (timed): one order, line,
approval, status change, licence, audit entries and notifications per participant. It prints
the medians and the queries of the last award, and asserts every award made exactly one order
per participant (the goal: an award under 10 s).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from decimal import Decimal

from .common import in_child_process

DATABASE = "softwarebroker_benchmark_vraagbundelingen"


def _round(deelnemers: int):
    from django.db import transaction

    from tests.vraagbundelingen.support import Deelnemer, framework_bundel_aanbieding, open_ronde

    with transaction.atomic():
        organisaties = [Deelnemer(mandaat=Decimal("1000000.00")) for _ in range(deelnemers)]
        aanbieding = framework_bundel_aanbieding(None, *[d.organisatie for d in organisaties])
        ronde = open_ronde(aanbieding, organisaties[0])
    for number, deelnemer in enumerate(organisaties):
        deelnemer.doe_mee(ronde, 5 + number % 40, kostenplaats=f"KP-{number}")
    return ronde


def run(deelnemers: int, repeat: int) -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from softwarebroker.bestellingen.models import Bestelling
    from tests.vraagbundelingen.support import gun, sluit

    call_command("migrate", verbosity=0)
    # The database outlives a run, the test factories' sequences (OIN, KvK number) do not:
    # start from empty tables.
    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE organisaties_organisatie, catalogus_leverancier, catalogus_raamovereenkomst, "
            "audit_audittrail, bestellingen_nummerreeks RESTART IDENTITY CASCADE"
        )
    closes, awards, queries = [], [], 0
    for number in range(1, repeat + 1):
        print(f"run {number}/{repeat}: {deelnemers} participants join and are approved ...", flush=True)
        ronde = _round(deelnemers)
        before = Bestelling.objects.count()
        start = time.perf_counter()
        sluit(ronde)
        closes.append(time.perf_counter() - start)
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            gun(ronde)
            awards.append(time.perf_counter() - start)
        queries = len(captured.captured_queries)
        made = Bestelling.objects.count() - before
        assert made == deelnemers, f"{made} orders for {deelnemers} participants"
        print(f"  close {closes[-1]:.2f} s, award {awards[-1]:.2f} s ({queries} queries), {made} orders")
    print(f"\nparticipants: {deelnemers}; repeat: {repeat}; medians\n")
    print("| case | median (s) | min (s) | max (s) |\n| --- | ---: | ---: | ---: |")
    for name, samples in (("close", closes), ("award", awards)):
        print(f"| {name} | {statistics.median(samples):.2f} | {min(samples):.2f} | {max(samples):.2f} |")
    print(f"\nqueries of the last award: {queries}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deelnemers", type=int, default=350)
    parser.add_argument("--repeat", type=int, default=5)
    # `make benchmark ARGS=...` passes the HTTP benchmarks' options too: ignored here.
    arguments, _ = parser.parse_known_args()

    status = in_child_process("benchmarks.vraagbundelingen", DATABASE)
    if status is not None:
        return status
    run(arguments.deelnemers, arguments.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
