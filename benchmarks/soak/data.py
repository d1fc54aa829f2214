"""The soak's data, made in its own database with the development settings.

    python -m benchmarks.soak.data --api URL --sink URL --run RUN --valid-for SECONDS --out plan.json

A generated catalogue (``generate_catalogue``) and generated orders (``generate_orders``), made
once and reused by later runs; API clients for a few organisations (an afnemer and a budget
holder with a mandate each) and for the suppliers of the offers the soak orders; a Notificaties
API configured at ``--sink``, so every change becomes a notification job that the task worker
really delivers. Writes the plan the load generator reads (URLs, tokens, samples to read).
"""

from __future__ import annotations

import argparse
import io
import json
import random
import sys
import time
from decimal import Decimal

# Sizes that build in well under a minute on two cores (once; later runs reuse them).
AANBIEDINGEN = 10_000
VERKLARINGEN = 30_000
BESTELLINGEN = 50_000
ORGANISATIES = 20  # over which generate_orders spreads its orders (2,500 each)
SOAK_ORGANISATIES = 8  # those with API clients: the soak's clients order for these
LEVERANCIERS = 4  # suppliers whose offers the soak orders (each has an API client)
OFFERS_PER_LEVERANCIER = 6
AFNEMER = "inkoper@soak.example"
BUDGETHOUDER = "budgethouder@soak.example"
ORDERDESK = "orderdesk@soak.example"
MANDAAT = Decimal("100000000.00")
# Words of the generated catalogue (demo/generated_vocabulary.py), as people type them: a
# category, a kind of product, a region with a suffix, and one typo (the trigram fallback).
ZOEKTERMEN = [
    "zaaksystemen",
    "documentbeheer",
    "burgerzaken",
    "klantcontact",
    "belastingen",
    "archief",
    "afspraken twente",
    "formulieren cloud",
    "zaaksysteen",
]
SAMPLE = 400  # offers, packages and orders per organisation the readers pick from


def _catalogue_and_orders() -> str:
    from django.core.management import call_command

    from softwarebroker.bestellingen.models import Bestelling
    from softwarebroker.catalogus.models import Aanbieding, Verklaring

    started = time.monotonic()
    made = []
    if Aanbieding.objects.count() < AANBIEDINGEN or Verklaring.objects.count() < VERKLARINGEN:
        if Bestelling.objects.exists():
            raise SystemExit("The soak database has orders on another catalogue: run the soak with --fresh.")
        call_command(
            "generate_catalogue",
            "--aanbiedingen",
            str(AANBIEDINGEN),
            "--verklaringen",
            str(VERKLARINGEN),
            stdout=io.StringIO(),
        )
        made.append(f"{AANBIEDINGEN:,} offers, {VERKLARINGEN:,} declarations")
    if Bestelling.objects.filter(nummer__startswith="2000-").count() < BESTELLINGEN:
        call_command(
            "generate_orders",
            "--bestellingen",
            str(BESTELLINGEN),
            "--organisaties",
            str(ORGANISATIES),
            stdout=io.StringIO(),
        )
        made.append(f"{BESTELLINGEN:,} orders over {ORGANISATIES} organisations")
    if not made:
        return "reused from an earlier run"
    return f"generated {' and '.join(made)} in {time.monotonic() - started:.0f} s"


def _orderable_offers(day) -> dict:
    """Per supplier, offers an order of a few units can be submitted for today: published,
    not under a framework, no order parameters, from 1 unit, priced by quantity, every
    required declaration covered (the gate at submission), a price valid today."""
    from django.db.models import Count, Q

    from softwarebroker.catalogus.constants import Licentiemodel
    from softwarebroker.catalogus.models import Aanbieding
    from softwarebroker.catalogus.selectors import valid_on
    from softwarebroker.catalogus.verklaringen.vereist import volledig_verklaard

    offers = (
        Aanbieding.objects.filter(
            valid_on(day),
            status="gepubliceerd",
            raamovereenkomst=None,
            bestelparameters_schema={},
            minimale_afname=1,
            leverancier__status="actief",
        )
        .exclude(licentiemodel__in=[Licentiemodel.PER_INWONER, Licentiemodel.VERBRUIK])
        .filter(volledig_verklaard(day))
        .annotate(
            prijzen_today=Count(
                "prijzen",
                filter=Q(prijzen__geldig_vanaf__lte=day)
                & (Q(prijzen__geldig_tot__isnull=True) | Q(prijzen__geldig_tot__gt=day)),
            )
        )
        .filter(prijzen_today__gt=0)
        .order_by("leverancier_id", "id")
        .values_list("leverancier_id", "uuid")
    )
    per_leverancier: dict[int, list[str]] = {}
    for leverancier_id, uuid in offers[:5000]:
        per_leverancier.setdefault(leverancier_id, []).append(str(uuid))
    chosen = sorted(
        (pk for pk, uuids in per_leverancier.items() if len(uuids) >= 3),
        key=lambda pk: -len(per_leverancier[pk]),
    )[:LEVERANCIERS]
    if len(chosen) < LEVERANCIERS:
        raise SystemExit(f"Only {len(chosen)} suppliers have 3 orderable offers; {LEVERANCIERS} are needed.")
    return {pk: per_leverancier[pk][:OFFERS_PER_LEVERANCIER] for pk in chosen}


def prepare(api: str, sink: str, run: str, valid_for: int) -> dict:
    from django.utils import timezone

    from softwarebroker.autorisaties.context import Acting
    from softwarebroker.bestellingen.models import Bestelling
    from softwarebroker.catalogus.models import Aanbieding, Categorie, Leverancier, Softwarepakket
    from softwarebroker.organisaties import services as organisaties
    from softwarebroker.organisaties.models import Organisatie

    from .clients import client, configure_notificaties, token

    built = _catalogue_and_orders()
    day = timezone.localdate()
    acting = Acting.system("soak")
    rng = random.Random(run)  # noqa: S311 - which rows are read, not a secret
    catalogus, bestellingen = f"{api}/catalogus/api/v1", f"{api}/bestellingen/api/v1"

    plan_organisaties = []
    generated = Organisatie.objects.filter(naam__startswith="Benchmarkgemeente ").order_by("id")
    for index, organisatie in enumerate(generated[:SOAK_ORGANISATIES]):
        client(f"soak-afnemer-{index}", "Soak afnemer", ["afnemer"], organisatie=organisatie)
        client(f"soak-budgethouder-{index}", "Soak budgethouder", ["budgethouder"], organisatie=organisatie)
        organisaties.set_mandaat(
            acting=acting, organisatie=organisatie, gebruikers_id=BUDGETHOUDER, maximum_bedrag=MANDAAT
        )
        orders = list(
            Bestelling.objects.filter(besteller=organisatie).values_list("uuid", flat=True)[:SAMPLE]
        )
        plan_organisaties.append(
            {
                "url": f"{bestellingen}/organisaties/{organisatie.uuid}",
                "afnemer": token(f"soak-afnemer-{index}", AFNEMER, valid_for),
                "budgethouder": token(f"soak-budgethouder-{index}", BUDGETHOUDER, valid_for),
                "bestellingen": [str(uuid) for uuid in orders],
            }
        )

    leveranciers = []
    for index, (leverancier_id, offers) in enumerate(_orderable_offers(day).items()):
        leverancier = Leverancier.objects.get(pk=leverancier_id)
        client(f"soak-leverancier-{index}", "Soak leverancier", ["leverancier"], leverancier=leverancier)
        leveranciers.append(
            {
                "naam": leverancier.naam,
                "token": token(f"soak-leverancier-{index}", ORDERDESK, valid_for),
                "aanbiedingen": [f"{catalogus}/aanbiedingen/{uuid}" for uuid in offers],
            }
        )
    configure_notificaties(sink)

    aanbiedingen = list(Aanbieding.objects.filter(status="gepubliceerd").values_list("uuid", flat=True))
    pakketten = list(Softwarepakket.objects.filter(status="gepubliceerd").values_list("uuid", flat=True))
    return {
        "run": run,
        "data": built,
        "zoektermen": ZOEKTERMEN,
        "aanbiedingen": [str(uuid) for uuid in rng.sample(aanbiedingen, min(SAMPLE, len(aanbiedingen)))],
        "softwarepakketten": [str(uuid) for uuid in rng.sample(pakketten, min(SAMPLE, len(pakketten)))],
        # Filters of the catalogue lists: by supplier and by category.
        "filter_leveranciers": [
            f"{catalogus}/leveranciers/{uuid}"
            for uuid in Leverancier.objects.order_by("id").values_list("uuid", flat=True)[:50]
        ],
        "filter_categorieen": [
            f"{catalogus}/categorieen/{uuid}" for uuid in Categorie.objects.values_list("uuid", flat=True)
        ],
        "organisaties": plan_organisaties,
        "leveranciers": leveranciers,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--api", required=True)
    parser.add_argument("--sink", required=True)
    parser.add_argument("--run", required=True)
    parser.add_argument("--valid-for", type=int, required=True)
    parser.add_argument("--out", required=True)
    arguments = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    plan = prepare(arguments.api, arguments.sink, arguments.run, arguments.valid_for)
    with open(arguments.out, "w") as file:
        json.dump(plan, file, indent=1)
    print(f"data: {plan['data']}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
