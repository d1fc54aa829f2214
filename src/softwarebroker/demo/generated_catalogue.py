"""The synthetic catalogue of ``generate_catalogue``: rows built from a seeded random generator
(same seed, same catalogue) and written with PostgreSQL COPY, an order of magnitude faster than
INSERTs. Generated suppliers are recognisable by a KvK number in the reserved range 99xxxxxx
*and* a website under ``gegenereerd.example`` (a reserved top-level domain), so clearing never
touches a real supplier that happens to have such a KvK number.

Load data for the benchmarks, development settings only: written directly, deliberately
without audit entries or notifications.
"""

from __future__ import annotations

import datetime
import json
import random
import time
import uuid
from decimal import Decimal

from django.db import connection
from django.utils import timezone

from softwarebroker.catalogus import search
from softwarebroker.catalogus.constants import (
    Grondslag,
    Hostinglocatie,
    Leveringsvorm,
    Licentiemodel,
)
from softwarebroker.catalogus.models import Categorie, Leverancier
from softwarebroker.demo import data, generated_verklaringen
from softwarebroker.demo.catalogus import load_register, referentiecomponent_uris
from softwarebroker.demo.catalogus_data.bestelparameters import BESTELPARAMETERS_SCHEMAS
from softwarebroker.demo.generated_vocabulary import (
    COMPANY_TYPES,
    COMPANY_WORDS,
    DEFAULT_STAFFEL_AANTALLEN,
    LEVERINGSVORM_LABEL,
    PRIJS_PER_LICENTIEMODEL,
    PRODUCT_KINDS,
    REGIONS,
    ROLLEN,
    SAAS_DOCUMENTEN,
    STAFFEL_AANTALLEN,
    SUFFIXES,
)

KVK_PREFIX = "99"
MARKER_DOMAIN = "gegenereerd.example"
MAX_LEVERANCIERS = 10**6  # the numbers 99000000-99999999
START = datetime.date(2026, 1, 1)
_LEVERANCIER_COLUMNS = (
    "id, uuid, naam, kvk_nummer, website, rollen, status, contact_naam, contact_email, contact_telefoonnummer"
)
_PAKKET_COLUMNS = (
    "id, uuid, naam, korte_omschrijving, omschrijving, fabrikant_id, referentiecomponenten, standaarden, "
    "software_type, platforms, open_source, licentie, repository_url, website, documentatie_url, status, "
    "zoektekst"
)
_VERSIE_COLUMNS = "uuid, softwarepakket_id, versie, releasedatum, einde_ondersteuning, status"
_AANBIEDING_COLUMNS = (
    "id, uuid, softwarepakket_id, leverancier_id, naam, omschrijving, leveringsvorm, hostinglocatie, "
    "licentiemodel, eenheid, minimale_afname, looptijd_maanden, verlenging, bestelparameters_schema, "
    "vereiste_documenten, geldig_vanaf, geldig_tot, status, zoektekst, opzegtermijn_dagen, "
    "verlengingstermijn_maanden, max_verlengingen, indexering, indexering_percentage, indexering_plafond"
)
# Contract terms by offer, in turn: (opzegtermijn_dagen, max_verlengingen, indexering, percentage, plafond).
_CONTRACTVOORWAARDEN = (
    (90, 2, "cpi", None, Decimal("4.00")),
    (60, None, "geen", None, None),
    (90, 1, "vast", Decimal("2.50"), None),
)
_PRIJS_COLUMNS = (
    "uuid, aanbieding_id, prijstype, periode, bedrag_excl_btw, btw_percentage, staffels, doelgroep, "
    "geldig_vanaf, geldig_tot, grondslag"
)


def summary(counts: dict[str, int]) -> str:
    return ", ".join(f"{count} {name}" for name, count in counts.items())


def generated_leveranciers():
    return Leverancier.objects.filter(
        kvk_nummer__startswith=KVK_PREFIX, website__endswith=f".{MARKER_DOMAIN}"
    )


def clear_generated() -> dict[str, int]:
    """Delete generated rows children first (the foreign keys protect), in plain SQL for speed."""
    counts = {}
    with connection.cursor() as cursor:

        def ids(sql, *params) -> list[int]:
            cursor.execute(sql, params)
            return [row[0] for row in cursor.fetchall()]

        def delete(name, sql, ids_) -> None:
            cursor.execute(sql, [ids_])
            if name:
                counts[name] = cursor.rowcount

        leveranciers = list(generated_leveranciers().values_list("id", flat=True))
        # Generated packages are those of generated suppliers; generated offers are of either.
        pakketten = ids("SELECT id FROM catalogus_softwarepakket WHERE fabrikant_id = ANY(%s)", leveranciers)
        aanbiedingen = ids(
            "SELECT id FROM catalogus_aanbieding "
            "WHERE leverancier_id = ANY(%s) OR softwarepakket_id = ANY(%s)",
            leveranciers,
            pakketten,
        )
        # Generated declarations are those owned by generated suppliers (of any subject of theirs).
        delete("verklaringen", "DELETE FROM catalogus_verklaring WHERE eigenaar_id = ANY(%s)", leveranciers)
        delete("prijzen", "DELETE FROM catalogus_prijs WHERE aanbieding_id = ANY(%s)", aanbiedingen)
        delete("aanbiedingen", "DELETE FROM catalogus_aanbieding WHERE id = ANY(%s)", aanbiedingen)
        delete(
            "versies",
            "DELETE FROM catalogus_softwarepakketversie WHERE softwarepakket_id = ANY(%s)",
            pakketten,
        )
        delete(
            None,
            "DELETE FROM catalogus_softwarepakket_categorieen WHERE softwarepakket_id = ANY(%s)",
            pakketten,
        )
        delete("softwarepakketten", "DELETE FROM catalogus_softwarepakket WHERE id = ANY(%s)", pakketten)
        delete(
            None,
            "DELETE FROM catalogus_raamovereenkomst_leveranciers WHERE leverancier_id = ANY(%s)",
            leveranciers,
        )
        delete("leveranciers", "DELETE FROM catalogus_leverancier WHERE id = ANY(%s)", leveranciers)
    return counts


def _ids(cursor, table: str, count: int) -> list[int]:
    """Reserve ``count`` ids of ``table``'s identity sequence, so COPY can set the keys itself."""
    cursor.execute(
        "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", [table, count]
    )
    return [row[0] for row in cursor.fetchall()]


def _copy(cursor, table: str, columns: str, rows) -> int:
    count = 0
    with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
            count += 1
    return count


class Generator:
    def __init__(self, seed: int):
        self.random = random.Random(seed)  # noqa: S311 - reproducible test data, not a secret

    def uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.random.getrandbits(128), version=4)

    def run(
        self, leveranciers: int, softwarepakketten: int, aanbiedingen: int, stdout, verklaringen: int = 0
    ) -> dict[str, int]:
        categorieen = self._categorieen()
        # Packages name register entries: the demo's register is loaded through the import
        # (idempotent) before the rows are built, and its URIs are read once.
        load_register()
        self.componenten = referentiecomponent_uris()
        counts = {}
        with connection.cursor() as cursor:
            started = time.perf_counter()
            leverancier_ids = _ids(cursor, "catalogus_leverancier", leveranciers)
            counts["leveranciers"] = _copy(
                cursor, "catalogus_leverancier", _LEVERANCIER_COLUMNS, self._leveranciers(leverancier_ids)
            )
            pakket_ids = _ids(cursor, "catalogus_softwarepakket", softwarepakketten)
            pakketten = [
                self._pakket(pakket_id, index, leverancier_ids) for index, pakket_id in enumerate(pakket_ids)
            ]
            counts["softwarepakketten"] = _copy(
                cursor, "catalogus_softwarepakket", _PAKKET_COLUMNS, (row for row, _ in pakketten)
            )
            _copy(
                cursor,
                "catalogus_softwarepakket_categorieen",
                "softwarepakket_id, categorie_id",
                ((row[0], categorieen[categorie]) for row, categorie in pakketten),
            )
            counts["versies"] = _copy(
                cursor, "catalogus_softwarepakketversie", _VERSIE_COLUMNS, self._versies(pakket_ids)
            )
            aanbieding_ids = _ids(cursor, "catalogus_aanbieding", aanbiedingen)
            rows, prijzen = self._aanbiedingen(aanbieding_ids, pakketten, leverancier_ids)
            counts["aanbiedingen"] = _copy(cursor, "catalogus_aanbieding", _AANBIEDING_COLUMNS, rows)
            counts["prijzen"] = _copy(cursor, "catalogus_prijs", _PRIJS_COLUMNS, prijzen)
            if verklaringen:
                counts["verklaringen"] = _copy(
                    cursor,
                    "catalogus_verklaring",
                    generated_verklaringen.COLUMNS,
                    generated_verklaringen.rows(
                        self.random,
                        self.uuid,
                        verklaringen,
                        leverancier_ids,
                        [(row[0], row[5]) for row, _ in pakketten],
                        [(row[0], row[3]) for row in rows],
                        timezone.now(),
                    ),
                )
            stdout.write(f"  rijen geschreven in {time.perf_counter() - started:.1f} s")

            started = time.perf_counter()
            search.refresh_softwarepakketten()
            search.refresh_aanbiedingen()
            cursor.execute(
                "ANALYZE catalogus_leverancier, catalogus_softwarepakket, catalogus_softwarepakketversie, "
                "catalogus_aanbieding, catalogus_prijs, catalogus_verklaring"
            )
            stdout.write(f"  zoekkolommen bijgewerkt in {time.perf_counter() - started:.1f} s")
        return counts

    def _categorieen(self) -> dict[str, int]:
        """The demo category tree (created when missing): generated products are filed under it."""
        by_name: dict[str, Categorie] = {}
        for naam, parent, omschrijving in data.CATEGORIEEN:
            by_name[naam], _ = Categorie.objects.get_or_create(
                naam=naam,
                bovenliggende_categorie=by_name.get(parent),
                defaults={"omschrijving": omschrijving},
            )
        return {naam: categorie.id for naam, categorie in by_name.items()}

    def _leveranciers(self, ids: list[int]) -> list[tuple]:
        # Built eagerly: no query may run on the connection while it is in COPY mode.
        taken = set(
            Leverancier.objects.filter(kvk_nummer__startswith=KVK_PREFIX).values_list("kvk_nummer", flat=True)
        )
        rows = []
        numbers = (f"{KVK_PREFIX}{number:06d}" for number in range(MAX_LEVERANCIERS))
        names = [f"{word} {company_type}" for word in COMPANY_WORDS for company_type in COMPANY_TYPES]
        self.random.shuffle(names)
        for index, leverancier_id in enumerate(ids):
            kvk = next(number for number in numbers if number not in taken)
            naam = names[index % len(names)] + (f" {index // len(names) + 1}" if index >= len(names) else "")
            domain = f"leverancier-{kvk}.{MARKER_DOMAIN}"
            rows.append((
                leverancier_id, self.uuid(), f"{naam} B.V.", kvk, f"https://{domain}",
                self.random.choice(ROLLEN), "actief", "Afdeling Verkoop", f"verkoop@{domain}", "",
            ))  # fmt: skip
        return rows

    def _pakket(self, pakket_id: int, index: int, leverancier_ids: list[int]) -> tuple[tuple, str]:
        """A package row and the name of its category."""
        kind, omschrijving, categorie, component, standaarden = self.random.choice(PRODUCT_KINDS)
        naam = f"{kind} {self.random.choice(REGIONS)} {self.random.choice(SUFFIXES)} {index + 1}"
        open_source = self.random.random() < 0.2
        row = (
            pakket_id, self.uuid(), naam, f"{omschrijving}.", f"{omschrijving}, voor gemeenten.",
            self.random.choice(leverancier_ids), [self.componenten[component]] if component else [],
            standaarden, "standalone_web", ["web"], open_source,
            "EUPL-1.2" if open_source else "LicenseRef-proprietary", "", "", "", "gepubliceerd", "",
        )  # fmt: skip
        return row, categorie

    def _versies(self, pakket_ids: list[int]):
        for pakket_id in pakket_ids:
            major, minor = self.random.randint(1, 12), self.random.randint(0, 9)
            releasedatum = START - datetime.timedelta(days=self.random.randint(30, 700))
            if self.random.random() < 0.5:
                # An older release, still maintained for a year after the current one came out.
                older_releasedatum, einde_ondersteuning = (
                    releasedatum - datetime.timedelta(days=365),
                    releasedatum + datetime.timedelta(days=365),
                )
                yield (
                    self.uuid(),
                    pakket_id,
                    f"{major}.{minor}.0",
                    older_releasedatum,
                    einde_ondersteuning,
                    "onderhoud",
                )
            versie = f"{major}.{minor + 1}.{self.random.randint(0, 5)}"
            yield (self.uuid(), pakket_id, versie, releasedatum, None, "actief")

    def _aanbiedingen(self, ids: list[int], pakketten: list[tuple[tuple, str]], leverancier_ids: list[int]):
        schemas = [json.dumps(schema) for schema in BESTELPARAMETERS_SCHEMAS.values()]
        licentiemodellen, leveringsvormen = list(PRIJS_PER_LICENTIEMODEL), list(Leveringsvorm.values)
        hostinglocaties = [Hostinglocatie.NL, Hostinglocatie.EU, Hostinglocatie.BUITEN_EU]
        rows, prijzen = [], []
        for index, aanbieding_id in enumerate(ids):
            # Round robin over the products, so every product has offers.
            pakket, _ = pakketten[index % len(pakketten)]
            pakket_id, pakket_naam, omschrijving = pakket[0], pakket[2], pakket[3]
            licentiemodel = self.random.choice(licentiemodellen)
            leveringsvorm = self.random.choice(leveringsvormen)
            hostinglocatie = (
                ""
                if leveringsvorm == "on_premises"
                else self.random.choices(hostinglocaties, weights=(6, 3, 1))[0]
            )
            eenheid = PRIJS_PER_LICENTIEMODEL[licentiemodel][0]
            naam = f"{pakket_naam} {LEVERINGSVORM_LABEL[leveringsvorm]} per {eenheid}"
            verbruik = licentiemodel == Licentiemodel.VERBRUIK
            looptijd = None if verbruik else self.random.choice([12, 24, 36, 48])
            verlenging = self.random.choice(["automatisch", "handmatig", "geen"])
            opzegtermijn, max_verlengingen, indexering, percentage, plafond = _CONTRACTVOORWAARDEN[
                index % len(_CONTRACTVOORWAARDEN)
            ]
            verlengingen = (None, None) if verlenging == "geen" else (12, max_verlengingen)
            rows.append((
                aanbieding_id, self.uuid(), pakket_id, self.random.choice(leverancier_ids), naam,
                f"{omschrijving} Geleverd als {LEVERINGSVORM_LABEL[leveringsvorm]}.",
                leveringsvorm, hostinglocatie, licentiemodel, eenheid,
                self.random.choice([1, 5, 10, 25]) if licentiemodel == Licentiemodel.PER_GEBRUIKER else 1,
                looptijd, verlenging,
                self.random.choice(schemas) if self.random.random() < 0.25 else "{}",
                SAAS_DOCUMENTEN if leveringsvorm != "on_premises" else ["sla"], START,
                datetime.date(2027, 12, 31) if self.random.random() < 0.1 else None, "gepubliceerd", "",
                opzegtermijn, *verlengingen, indexering, percentage, plafond,
            ))  # fmt: skip
            prijzen.extend(self._prijzen(aanbieding_id, licentiemodel))
        return rows, prijzen

    def _prijzen(self, aanbieding_id: int, licentiemodel: str):
        _, prijstype, periode, (low, high) = PRIJS_PER_LICENTIEMODEL[licentiemodel]
        cents = self.random.randint(low, high)
        staffels = []
        if cents >= 10 and self.random.random() < 0.3:
            aantallen = sorted(
                self.random.sample(STAFFEL_AANTALLEN.get(licentiemodel, DEFAULT_STAFFEL_AANTALLEN), 2)
            )
            # Each tier 5-15 % cheaper than the one before.
            staffel_cents = cents
            for aantal in aantallen:
                staffel_cents = max(
                    1, min(staffel_cents - 1, staffel_cents * self.random.randint(85, 95) // 100)
                )
                staffels.append(
                    {"vanafAantal": aantal, "bedragExclBtw": str(Decimal(staffel_cents).scaleb(-2))}
                )
        yield (
            self.uuid(), aanbieding_id, prijstype, periode, Decimal(cents).scaleb(-2), Decimal(21),
            json.dumps(staffels), "iedereen", START, None, Grondslag.PER_EENHEID,
        )  # fmt: skip
        if self.random.random() < 0.5:
            implementatie_bedrag = Decimal(self.random.randint(50_000, 2_500_000)).scaleb(-2)
            yield (
                self.uuid(),
                aanbieding_id,
                "eenmalig",
                "",
                implementatie_bedrag,
                Decimal(21),
                "[]",
                "iedereen",
                START,
                None,
                Grondslag.PER_BESTELLING,  # an implementation fee: once per order line
            )
