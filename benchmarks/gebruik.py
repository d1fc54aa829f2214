"""Benchmark: who uses a package, and alerting the users of a version.

    make benchmark   (or: python -m benchmarks.gebruik --gebruiken 50000 --requests 300 --repeat 5)

Fills a separate database with 380 organisations, 60 packages with 4 versions each and
``--gebruiken`` uses written by PostgreSQL itself (``INSERT .. SELECT``; statuses and
``vertrouwelijk`` spread over the rows). One package is used by every organisation on every
version and without a version (1,900 uses); the other uses are spread over the other packages.

(a) ``GET /catalogus/api/v1/softwarepakketten/{uuid}/gebruikers`` of the large package through
Django's test client in this process, as the broker (numbers and names) and as a supplier
(numbers only), ``--requests`` times each after a warm-up, with verified tokens cached as in
production; next to it, the floor: the same
client reading the package's detail (``GET /softwarepakketten/{uuid}``). Prints p50 and p90,
the ratio to the floor's p50 and the queries of one request.

(b) A version used by 300 organisations (in production) gets an end of support within 12
months (``update_softwarepakketversie``, the service the API calls): in the one transaction of
that change, 300 alerts, 300 audit entries and 300 notification jobs (a Notificaties API is
configured, so notifications are queued jobs as in production; nothing is delivered). Repeated
``--repeat`` times on a fresh version; prints the median and the counts, and asserts them.
"""

from __future__ import annotations

import argparse
import datetime
import statistics
import sys
import time

from .common import in_child_process

DATABASE = "softwarebroker_benchmark_gebruik"
OIN_PREFIX = "97"  # generated organisations, apart from the other benchmarks' 98 and 99
ORGANISATIES = 380
PAKKETTEN = 60
VERSIES = 4
STATUSSEN = ("verwerving", "gepland", "in_productie", "uit_te_faseren", "uitgefaseerd")

_ORGANISATIES = """
INSERT INTO organisaties_organisatie (uuid, oin, naam, type, gemeentecode, inwonertal)
SELECT gen_random_uuid(), %(prefix)s || lpad(n::text, 18, '0'), 'Gebruiksgemeente ' || n, 'gemeente', '',
       10000 + (n * 7919) %% 90000
FROM generate_series(1, %(count)s) AS n
ON CONFLICT (oin) DO NOTHING
"""

# The uses of the large package: every organisation on every version, and without a version.
_GROOT = """
INSERT INTO gebruik_gebruik (
    uuid, organisatie_id, softwarepakket_id, softwarepakketversie_id, referentiecomponenten, status,
    statusdatum, bedrijfskritisch, verwerkt_persoonsgegevens, vertrouwelijk, toelichting, versie,
    aangemaakt_op, gewijzigd_op
)
SELECT gen_random_uuid(), o.id, %(pakket)s, v.id, '{}',
       (%(statussen)s::text[])[1 + (o.id + coalesce(v.id, 0)) %% 5],
       current_date - 30, o.id %% 3 = 0, o.id %% 2 = 0, o.id %% 10 = 0, '', 1, now(), now()
FROM organisaties_organisatie o
CROSS JOIN (SELECT id FROM catalogus_softwarepakketversie WHERE softwarepakket_id = %(pakket)s
            UNION ALL SELECT NULL) AS v
WHERE o.oin LIKE %(prefix)s || '%%'
"""

# The rest: organisation x version of the other packages, spread (every 7th combination first).
_REST = """
INSERT INTO gebruik_gebruik (
    uuid, organisatie_id, softwarepakket_id, softwarepakketversie_id, referentiecomponenten, status,
    statusdatum, bedrijfskritisch, verwerkt_persoonsgegevens, vertrouwelijk, toelichting, versie,
    aangemaakt_op, gewijzigd_op
)
SELECT gen_random_uuid(), o.id, v.softwarepakket_id, v.id, '{}',
       (%(statussen)s::text[])[1 + (o.id + v.id) %% 5],
       current_date - 30, false, false, (o.id + v.id) %% 10 = 0, '', 1, now(), now()
FROM organisaties_organisatie o
CROSS JOIN catalogus_softwarepakketversie v
WHERE o.oin LIKE %(prefix)s || '%%' AND v.softwarepakket_id = ANY(%(pakketten)s)
ORDER BY ((o.id * 31 + v.id * 17) %% 7), o.id, v.id
LIMIT %(count)s
"""

# A version of its own used by 300 organisations in production (case b).
_DREIGEND = """
INSERT INTO gebruik_gebruik (
    uuid, organisatie_id, softwarepakket_id, softwarepakketversie_id, referentiecomponenten, status,
    statusdatum, bedrijfskritisch, verwerkt_persoonsgegevens, vertrouwelijk, toelichting, versie,
    aangemaakt_op, gewijzigd_op
)
SELECT gen_random_uuid(), o.id, %(pakket)s, %(versie)s, '{}', 'in_productie', current_date - 30,
       false, false, false, '', 1, now(), now()
FROM organisaties_organisatie o WHERE o.oin LIKE %(prefix)s || '%%' ORDER BY o.id LIMIT %(count)s
"""


def _notificaties() -> None:
    from notifications_api_common.models import NotificationsConfig
    from zgw_consumers.constants import APITypes, AuthTypes
    from zgw_consumers.models import Service

    config = NotificationsConfig.get_solo()
    if config.notifications_api_service_id is None:
        config.notifications_api_service = Service.objects.create(
            label="Notificaties API (benchmark)",
            slug="notificaties-api-benchmark",
            api_type=APITypes.nrc,
            api_root="http://notificaties.invalid/api/v1/",
            auth_type=AuthTypes.no_auth,
        )
        config.save()


def _prepare(gebruiken: int):
    """The catalogue, the organisations and the uses; returns the large package."""
    from django.db import connection

    from tests.catalogus.factories import SoftwarepakketFactory, SoftwarepakketversieFactory

    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE organisaties_organisatie, catalogus_leverancier, catalogus_softwarepakket, "
            "audit_audittrail RESTART IDENTITY CASCADE"
        )
        cursor.execute("DELETE FROM procrastinate_jobs")
        cursor.execute(_ORGANISATIES, {"prefix": OIN_PREFIX, "count": ORGANISATIES})
    pakketten = [SoftwarepakketFactory() for _ in range(PAKKETTEN)]
    for pakket in pakketten:
        for number in range(VERSIES):
            SoftwarepakketversieFactory(
                softwarepakket=pakket,
                versie=f"{number + 1}.0.0",
                releasedatum=datetime.date(2023 + number, 1, 1),
            )
    groot = pakketten[0]
    with connection.cursor() as cursor:
        cursor.execute(_GROOT, {"pakket": groot.pk, "statussen": list(STATUSSEN), "prefix": OIN_PREFIX})
        cursor.execute("SELECT count(*) FROM gebruik_gebruik")
        rest = gebruiken - cursor.fetchone()[0]
        cursor.execute(
            _REST,
            {
                "statussen": list(STATUSSEN),
                "prefix": OIN_PREFIX,
                "pakketten": [pakket.pk for pakket in pakketten[1:]],
                "count": rest,
            },
        )
        cursor.execute("ANALYZE gebruik_gebruik")
    return groot


def _get(client, url: str, requests: int) -> tuple[list[float], int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(20):  # warm-up: token cache, prepared statements, the first plans
        assert client.get(url).status_code == 200
    samples = []
    for _ in range(requests):
        start = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return samples, len(captured.captured_queries)


def _percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def _gebruikers(groot, requests: int) -> None:
    from django.conf import settings
    from django.test import Client

    from softwarebroker.gebruik.models import Gebruik
    from tests.auth import bearer
    from tests.autorisaties.factories import make_applicatie
    from tests.catalogus.factories import LeverancierFactory

    # As in production (the test settings verify every token again: three queries a request).
    settings.AUTH_CACHE_SECONDS = 300

    def client(*roles, **tenant) -> Client:
        # A host the default ALLOWED_HOSTS accept.
        return Client(headers=bearer(make_applicatie(*roles, **tenant).client_id), HTTP_HOST="localhost")

    clients = {
        "broker": client("broker"),
        "leverancier": client("leverancier", leverancier=LeverancierFactory()),
    }
    detail = f"/catalogus/api/v1/softwarepakketten/{groot.uuid}"
    body = clients["broker"].get(f"{detail}/gebruikers").json()
    print(
        f"\nuses: {Gebruik.objects.count():,}; of the large package: "
        f"{Gebruik.objects.filter(softwarepakket=groot).count():,} "
        f"({body['aantalOrganisaties']} organisations, {len(body['perVersie'])} version rows, "
        f"{len(body['organisaties'])} by name); {requests} requests per case\n"
    )
    rows = []
    for role, client in clients.items():
        floor, floor_queries = _get(client, detail, requests)
        api, queries = _get(client, f"{detail}/gebruikers", requests)
        rows.append((role, api, queries, floor, floor_queries))
    print("| case | p50 ms | p90 ms | queries | floor p50 ms | floor queries | p50 ratio | target |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for role, api, queries, floor, floor_queries in rows:
        p50, floor_p50 = statistics.median(api), statistics.median(floor)
        print(
            f"| gebruikers as {role} | {p50:.1f} | {_percentile(api, 0.9):.1f} | {queries} | "
            f"{floor_p50:.1f} | {floor_queries} | {p50 / floor_p50:.1f}x | "
            f"p50 < 20 ms: {'yes' if p50 < 20 else '**no**'} |"
        )


def _einde_ondersteuning(repeat: int) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone
    from procrastinate.contrib.django.models import ProcrastinateJob

    from softwarebroker.catalogus import services as catalogus
    from softwarebroker.gebruik.models import Attentie
    from tests.catalogus.factories import SoftwarepakketFactory, SoftwarepakketversieFactory
    from tests.gebruik.support import BROKER

    _notificaties()
    samples, queries = [], 0
    for number in range(1, repeat + 1):
        versie = SoftwarepakketversieFactory(softwarepakket=SoftwarepakketFactory(), versie="9.0.0")
        with connection.cursor() as cursor:
            cursor.execute(
                _DREIGEND,
                {"pakket": versie.softwarepakket_id, "versie": versie.pk, "prefix": OIN_PREFIX, "count": 300},
            )
        jobs_before = ProcrastinateJob.objects.count()
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            catalogus.update_softwarepakketversie(
                acting=BROKER,
                softwarepakketversie=versie,
                partial=True,
                einde_ondersteuning=timezone.localdate() + datetime.timedelta(days=200),
            )
            samples.append(time.perf_counter() - start)
        queries = len(captured.captured_queries)
        alerts = Attentie.objects.filter(softwarepakketversie=versie).count()
        jobs = [
            job.args["bericht"]
            for job in ProcrastinateJob.objects.order_by("id")[jobs_before:]
            if job.args.get("bericht", {}).get("kanaal") == "gebruiken"
        ]
        attentie_jobs = sum(bericht.get("actie") == "attentie" for bericht in jobs)
        assert alerts == 300, alerts
        assert attentie_jobs == 300, attentie_jobs
        print(
            f"run {number}/{repeat}: end of support for a version with 300 users: {samples[-1]:.2f} s, "
            f"{alerts} alerts, {attentie_jobs} notification jobs (kanaal gebruiken), {queries} queries",
            flush=True,
        )
    median = statistics.median(samples)
    print("\n| case | median s | min s | max s | alerts | notification jobs | queries | target |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    print(
        f"| end of support, 300 users | {median:.2f} | {min(samples):.2f} | {max(samples):.2f} | 300 | 300 | "
        f"{queries} | < 2 s: {'yes' if median < 2 else '**no**'} |"
    )


def run(gebruiken: int, requests: int, repeat: int) -> None:
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    print(
        f"filling {ORGANISATIES} organisations, {PAKKETTEN} packages and {gebruiken:,} uses ...", flush=True
    )
    groot = _prepare(gebruiken)
    _gebruikers(groot, requests)
    print()
    _einde_ondersteuning(repeat)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gebruiken", type=int, default=50_000)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=5)
    # `make benchmark ARGS=...` passes the HTTP benchmarks' options too: ignored here.
    arguments, _ = parser.parse_known_args()

    status = in_child_process("benchmarks.gebruik", DATABASE)
    if status is not None:
        return status
    run(arguments.gebruiken, arguments.requests, arguments.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
