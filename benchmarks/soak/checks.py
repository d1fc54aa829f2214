"""The database after a soak, checked against what the clients were told and what the
Notificaties API stand-in received.

    python -m benchmarks.soak.checks --run RUN --first-job N --since ISO --writes FILE --received FILE

:func:`check` is the logic (also run by the tests on a small database); each check is a
:class:`Check` with what it counted and whether that is right. Exit status 1 when any fails.
"""

from __future__ import annotations

import argparse
import collections
import datetime
import json
import sys
from dataclasses import dataclass
from decimal import Decimal

HISTORY = "every acknowledged status change has its Statuswijziging, in order, ending in the order's status"


@dataclass(frozen=True)
class Check:
    name: str
    detail: str
    ok: bool


TOTALS_DIFFER = """
SELECT count(*) FROM bestellingen_bestelling AS b
LEFT JOIN (
    SELECT bestelling_id, sum(bedrag_eenmalig_excl_btw) AS eenmalig,
           sum(bedrag_per_jaar_excl_btw) AS per_jaar, sum(btw) AS btw
    FROM bestellingen_bestelregel GROUP BY bestelling_id
) AS r ON r.bestelling_id = b.id
WHERE b.totaal_eenmalig_excl_btw <> coalesce(r.eenmalig, 0)
   OR b.totaal_per_jaar_excl_btw <> coalesce(r.per_jaar, 0)
   OR b.totaal_btw <> coalesce(r.btw, 0)
"""
DUPLICATE_NUMBERS = """
SELECT count(*) FROM (SELECT nummer FROM bestellingen_bestelling GROUP BY nummer HAVING count(*) > 1) AS d
"""


def _client_history(writes: list[dict]) -> tuple[dict[str, list[str]], dict[str, int]]:
    """Per order (uuid) the statuses the clients were told it went to, in order (its creation
    first), and the number of acknowledged deliveries."""
    statuses: dict[str, list[str]] = collections.defaultdict(list)
    leveringen: dict[str, int] = collections.Counter()
    for write in writes:
        if "naar" in write:
            statuses[write["bestelling"]].append(write["naar"])
        elif "levering" in write:
            leveringen[write["bestelling"]] += 1
    return statuses, leveringen


def _orders_and_history(run: str, writes: list[dict]) -> list[Check]:
    from softwarebroker.bestellingen.models import Bestelling, Levering, Statuswijziging

    told, told_leveringen = _client_history(writes)
    orders = {
        str(uuid): status
        for uuid, status in Bestelling.objects.filter(kostenplaats=run).values_list("uuid", "status")
    }
    missing, unknown = set(told) - set(orders), set(orders) - set(told)
    checks = [
        Check(
            "orders the clients created are in the database, and no others",
            f"{len(told)} created, {len(orders)} in the database; "
            f"{len(missing)} missing, {len(unknown)} unknown",
            not missing and not unknown and len(orders) > 0,
        )
    ]
    history = collections.defaultdict(list)
    for uuid, van, naar in (
        Statuswijziging.objects.filter(bestelling__kostenplaats=run)
        .order_by("id")
        .values_list("bestelling__uuid", "van_status", "naar_status")
    ):
        history[str(uuid)].append((van, naar))
    wrong = []
    for uuid, status in orders.items():
        changes = history.get(uuid, [])
        chain = all(changes[i][0] == changes[i - 1][1] for i in range(1, len(changes)))
        starts = not changes or changes[0][0] == "concept"
        current = (changes[-1][1] if changes else "concept") == status
        acknowledged = [naar for _, naar in changes] == told.get(uuid, [])[1:]
        if not (chain and starts and current and acknowledged):
            wrong.append(uuid)
    count = sum(len(changes) for changes in history.values())
    checks.append(
        Check(
            HISTORY,
            f"{count} status changes of {len(orders)} orders; {len(wrong)} orders differ",
            not wrong,
        )
    )
    leveringen = collections.Counter(
        str(uuid)
        for uuid in Levering.objects.filter(bestelling__kostenplaats=run).values_list(
            "bestelling__uuid", flat=True
        )
    )
    checks.append(
        Check(
            "every acknowledged delivery is in the database, and no other",
            f"{sum(told_leveringen.values())} acknowledged, {sum(leveringen.values())} in the database",
            leveringen == collections.Counter(told_leveringen),
        )
    )
    return checks


def _audit_of_status_changes(run: str) -> Check:
    from softwarebroker.api.resources import url_of
    from softwarebroker.audit.models import AuditTrail
    from softwarebroker.bestellingen.models import Bestelling, Statuswijziging

    uuids = Bestelling.objects.filter(kostenplaats=run).values("uuid")
    audited = collections.Counter(
        AuditTrail.objects.filter(hoofd_object_uuid__in=uuids, resource="statuswijziging").values_list(
            "resource_url", flat=True
        )
    )
    changes = Statuswijziging.objects.filter(bestelling__kostenplaats=run).select_related("bestelling")
    without = sum(1 for change in changes if audited.get(url_of(change)) != 1)
    return Check(
        "every Statuswijziging has exactly one audit entry",
        f"{len(changes)} status changes, {sum(audited.values())} audit entries; "
        f"{without} without exactly one",
        without == 0 and sum(audited.values()) == len(changes),
    )


def notification_jobs(first_job: int) -> list[tuple[str, str, str, str]]:
    from django.db import connection

    from softwarebroker.notificaties.overdue import NOTIFICATION_TASK

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT args->'bericht'->>'hoofdObject', args->'bericht'->>'resourceUrl', "
            "args->'bericht'->>'actie', status FROM procrastinate_jobs WHERE id > %s AND task_name = %s",
            [first_job, NOTIFICATION_TASK],
        )
        return cursor.fetchall()


def _notifications(first_job: int, since: datetime.datetime, received: collections.Counter) -> list[Check]:
    from softwarebroker.audit.models import AuditTrail

    jobs = notification_jobs(first_job)
    queued = collections.Counter((hoofd, resource, actie) for hoofd, resource, actie, _ in jobs)
    audited = collections.Counter(
        AuditTrail.objects.filter(aanmaakdatum__gte=since).values_list(
            "hoofd_object", "resource_url", "actie"
        )
    )
    statuses = collections.Counter(status for *_, status in jobs)
    return [
        Check(
            "every change (audit entry) has exactly one notification job, and every job its change",
            f"{sum(audited.values())} audit entries, {len(jobs)} notification jobs; "
            f"{sum((audited - queued).values())} changes without a job, "
            f"{sum((queued - audited).values())} jobs without a change",
            audited == queued and len(jobs) > 0,
        ),
        Check(
            "every notification job was delivered",
            ", ".join(f"{count} {status}" for status, count in sorted(statuses.items())) or "no jobs",
            set(statuses) == {"succeeded"},
        ),
        Check(
            "the Notificaties API received each notification once",
            f"{sum(received.values())} received for {len(jobs)} jobs; "
            f"{sum((queued - received).values())} not received, {sum((received - queued).values())} extra",
            received == queued,
        ),
    ]


def _prices(run: str) -> Check:
    """Lines priced as the order service prices them (the same functions, the prices valid on
    the day the line was priced), orders totalled from their lines."""
    from django.utils import timezone

    from softwarebroker.api.resources import url_of
    from softwarebroker.bestellingen import pricing
    from softwarebroker.bestellingen.models import Bestelling
    from softwarebroker.bestellingen.services.regels import volledige_looptijd_maanden
    from softwarebroker.catalogus.models import Prijs
    from softwarebroker.catalogus.selectors import valid_on

    prijzen: dict[tuple, list] = {}
    orders = Bestelling.objects.filter(kostenplaats=run).prefetch_related("regels__aanbieding")
    wrong_lines = wrong_orders = lines = 0
    for bestelling in orders:
        regels = list(bestelling.regels.all())
        for regel in regels:
            lines += 1
            snapshot = regel.prijs_momentopname
            day = (
                datetime.date.fromisoformat(snapshot["datum"])
                if snapshot
                else timezone.localdate(bestelling.aangemaakt_op)
            )
            key = (regel.aanbieding_id, day)
            if key not in prijzen:
                prijzen[key] = list(Prijs.objects.filter(valid_on(day), aanbieding_id=regel.aanbieding_id))
            expected = pricing.compute_regelprijs(
                prijzen[key],
                regel.aantal,
                raamovereenkomst=regel.aanbieding.raamovereenkomst_id is not None,
                url_of=url_of,
            )
            amounts = (regel.bedrag_eenmalig_excl_btw, regel.bedrag_per_jaar_excl_btw, regel.btw)
            if amounts != (expected.eenmalig, expected.per_jaar, expected.btw) or (
                snapshot and snapshot != expected.momentopname(day)
            ):
                wrong_lines += 1
        totals = pricing.compute_totals(regels)
        afroepwaarde = sum(
            (
                pricing.compute_afroepwaarde(
                    regel.bedrag_eenmalig_excl_btw,
                    regel.bedrag_per_jaar_excl_btw,
                    volledige_looptijd_maanden(regel.aanbieding),
                )
                for regel in regels
            ),
            Decimal("0.00"),
        )
        stored = (
            bestelling.totaal_eenmalig_excl_btw,
            bestelling.totaal_per_jaar_excl_btw,
            bestelling.totaal_btw,
            bestelling.afroepwaarde_excl_btw,
        )
        if stored != (totals.eenmalig, totals.per_jaar, totals.btw, afroepwaarde):
            wrong_orders += 1
    return Check(
        "the run's lines are priced as the service prices them, its orders total their lines",
        f"{lines} lines of {len(orders)} orders; {wrong_lines} lines and {wrong_orders} orders differ",
        wrong_lines == 0 and wrong_orders == 0,
    )


def _whole_table() -> list[Check]:
    from django.db import connection

    from softwarebroker.bestellingen.models import Bestelling

    with connection.cursor() as cursor:
        cursor.execute(TOTALS_DIFFER)
        (differ,) = cursor.fetchone()
        cursor.execute(DUPLICATE_NUMBERS)
        (duplicates,) = cursor.fetchone()
    count = Bestelling.objects.count()
    return [
        Check(
            "every order's totals equal the sum of its lines (the whole table)",
            f"{count:,} orders; {differ} differ",
            differ == 0,
        ),
        Check("no order number twice", f"{duplicates} duplicated", duplicates == 0),
    ]


def check(
    run: str, first_job: int, since: datetime.datetime, writes: list[dict], received: collections.Counter
) -> list[Check]:
    return [
        *_orders_and_history(run, writes),
        _audit_of_status_changes(run),
        *_notifications(first_job, since, received),
        _prices(run),
        *_whole_table(),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--run", required=True)
    parser.add_argument("--first-job", type=int, required=True)
    parser.add_argument("--since", required=True, help="ISO date-time: the traffic's start")
    parser.add_argument("--writes", required=True)
    parser.add_argument("--received", required=True)
    parser.add_argument("--out", required=True)
    arguments = parser.parse_args()

    import django

    django.setup()
    with open(arguments.writes) as file:
        writes = [json.loads(line) for line in file if line.strip()]
    with open(arguments.received) as file:
        received = collections.Counter({tuple(row[:3]): row[3] for row in json.load(file)})
    results = check(
        arguments.run, arguments.first_job, datetime.datetime.fromisoformat(arguments.since), writes, received
    )
    with open(arguments.out, "w") as file:
        json.dump([[result.name, result.detail, result.ok] for result in results], file)
    return 0 if all(result.ok for result in results) else 1


if __name__ == "__main__":
    sys.exit(main())
