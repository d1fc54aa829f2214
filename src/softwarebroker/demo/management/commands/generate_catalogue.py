"""Generate a large synthetic catalogue for load and search tests (local use only).

    python src/manage.py generate_catalogue --aanbiedingen 100000 [--softwarepakketten N]
        [--leveranciers 50] [--verklaringen 300000] [--seed 1] [--clear]

Rows are built in Python from a seeded random generator (same seed, same catalogue) and
written with PostgreSQL COPY, which is an order of magnitude faster than INSERTs. Generated
suppliers are recognisable by a KvK number in the reserved range 99xxxxxx *and* a website
under ``gegenereerd.example`` (a reserved top-level domain), so ``--clear`` never touches a
real supplier that happens to have such a KvK number.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError, transaction

from softwarebroker.demo.generated_catalogue import (
    KVK_PREFIX,
    MAX_LEVERANCIERS,
    Generator,
    clear_generated,
    generated_leveranciers,
    summary,
)


class Command(BaseCommand):
    help = "Genereert een grote synthetische catalogus voor load- en zoektests. Alleen voor lokaal gebruik."

    def add_arguments(self, parser):
        parser.add_argument("--aanbiedingen", type=int, help="Aantal aanbiedingen (elk met 1-2 prijzen).")
        parser.add_argument("--softwarepakketten", type=int, help="Standaard: aanbiedingen // 10.")
        parser.add_argument("--leveranciers", type=int, default=50)
        parser.add_argument(
            "--verklaringen",
            type=int,
            default=0,
            help="Aantal verklaringen (van leveranciers, pakketten en aanbiedingen; standaard geen).",
        )
        parser.add_argument("--seed", type=int, default=1, help="Zelfde seed, zelfde catalogus.")
        parser.add_argument(
            "--clear", action="store_true", help="Verwijder eerder gegenereerde gegevens eerst."
        )

    def handle(
        self, *args, aanbiedingen, softwarepakketten, leveranciers, verklaringen, seed, clear, **options
    ):
        if not getattr(settings, "DEMO_DATA_ALLOWED", False):
            raise CommandError(
                "Gegenereerde gegevens zijn alleen toegestaan met de ontwikkel- of testinstellingen."
            )
        if aanbiedingen is None and not clear:
            raise CommandError("Geef --aanbiedingen N om te genereren, of --clear om op te ruimen.")
        if softwarepakketten is None and aanbiedingen is not None:
            softwarepakketten = aanbiedingen // 10
        counts = (aanbiedingen, softwarepakketten, leveranciers, verklaringen)
        if any(count is not None and count < 0 for count in counts):
            raise CommandError("Aantallen zijn nooit negatief.")
        if aanbiedingen and (softwarepakketten < 1 or leveranciers < 1):
            raise CommandError("Aanbiedingen hebben minstens 1 softwarepakket en 1 leverancier nodig.")
        if verklaringen and not aanbiedingen:
            raise CommandError("Verklaringen worden gegenereerd met aanbiedingen (--aanbiedingen N).")
        if leveranciers > MAX_LEVERANCIERS:
            raise CommandError(f"Hoogstens {MAX_LEVERANCIERS} leveranciers (KvK-nummers {KVK_PREFIX}xxxxxx).")

        started = time.perf_counter()
        try:
            with transaction.atomic():
                if clear:
                    removed = clear_generated()
                    self.stdout.write("Verwijderd: " + summary(removed))
                if aanbiedingen is not None:
                    if generated_leveranciers().exists():
                        raise CommandError("Er staan al gegenereerde gegevens; gebruik --clear.")
                    counts = Generator(seed).run(
                        leveranciers, softwarepakketten, aanbiedingen, self.stdout, verklaringen=verklaringen
                    )
                    self.stdout.write("Gegenereerd: " + summary(counts))
        except IntegrityError as error:
            # Foreign keys are checked at commit: e.g. an order still refers to a generated offer.
            raise CommandError(f"Gegenereerde gegevens zijn nog in gebruik: {error}") from error
        self.stdout.write(f"Klaar in {time.perf_counter() - started:.1f} s.")
