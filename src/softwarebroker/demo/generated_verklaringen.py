"""The declarations of the synthetic catalogue (``generate_catalogue --verklaringen N``): rows
only, written by :mod:`.generated_catalogue` with COPY like the rest of it.

A mix like a real catalogue's: every generated supplier has a processor agreement and an
ISO 27001 certificate, every package a DPIA and a pentest, and the rest are the offers' own
(SLA, security statement, exit plan). Of each level some are still in review, rejected, a
concept, or approved but expired, so ``volledigVerklaard`` splits the catalogue.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable, Iterator

COLUMNS = (
    "uuid, leverancier_id, softwarepakket_id, softwarepakketversie_id, aanbieding_id, eigenaar_id, type, "
    "standaard, standaard_versie, omschrijving, geldig_vanaf, geldig_tot, status, vertrouwelijkheid, "
    "bewijs_url, document, document_naam, document_grootte, document_sha256, beoordelaar, "
    "beoordelaar_weergave, beoordeeld_op, beoordeling_toelichting, verloop_gemeld_op, aangemaakt_op, "
    "gewijzigd_op, versie"
)
LEVERANCIER_TYPES = ("verwerkersovereenkomst", "iso27001")
PAKKET_TYPES = ("dpia", "pentest")
AANBIEDING_TYPES = ("sla", "beveiligingsverklaring", "exitplan")
START = datetime.date(2025, 1, 1)
# (status, weight, expired): mostly approved; some approved but past their end date.
STATUSES = (
    ("goedgekeurd", 80, False),
    ("goedgekeurd", 5, True),
    ("ter_beoordeling", 6, False),
    ("afgewezen", 4, False),
    ("concept", 5, False),
)


def rows(
    rng: random.Random,
    new_uuid: Callable[[], object],
    count: int,
    leverancier_ids: list[int],
    pakketten: list[tuple[int, int]],
    aanbiedingen: list[tuple[int, int]],
    now: datetime.datetime,
) -> Iterator[tuple]:
    """``count`` declaration rows: suppliers' and packages' first (``pakketten``: (id,
    fabrikant id)), then the offers' own (``aanbiedingen``: (id, leverancier id)) round robin."""
    subjects: list[tuple[str, int, int, str]] = [
        ("leverancier", leverancier, leverancier, soort)
        for leverancier in leverancier_ids
        for soort in LEVERANCIER_TYPES
    ]
    subjects += [
        ("softwarepakket", pakket, fabrikant, soort)
        for pakket, fabrikant in pakketten
        for soort in PAKKET_TYPES
    ]
    subjects = subjects[:count]
    remaining = count - len(subjects)
    per_offer = len(AANBIEDING_TYPES)
    for index in range(remaining):
        aanbieding, leverancier = aanbiedingen[(index // per_offer) % len(aanbiedingen)]
        subjects.append(("aanbieding", aanbieding, leverancier, AANBIEDING_TYPES[index % per_offer]))
    weights = [weight for _status, weight, _expired in STATUSES]
    for niveau, subject, eigenaar, soort in subjects:
        status, _weight, expired = rng.choices(STATUSES, weights=weights)[0]
        vanaf = START + datetime.timedelta(days=rng.randint(0, 300))
        tot = (
            datetime.date(2025, 12, 31)
            if expired
            else (None if rng.random() < 0.5 else datetime.date(2030, 12, 31))
        )
        beoordeeld = status in ("goedgekeurd", "afgewezen")
        yield (
            new_uuid(),
            subject if niveau == "leverancier" else None,
            subject if niveau == "softwarepakket" else None,
            None,
            subject if niveau == "aanbieding" else None,
            eigenaar, soort, "", "", "", vanaf, tot, status, "openbaar",
            f"https://verklaringen.gegenereerd.example/{soort}.pdf", "", "", None, "",
            "broker@gegenereerd.example" if beoordeeld else "", "Broker" if beoordeeld else "",
            now if beoordeeld else None, "Onvolledig." if status == "afgewezen" else "", None, now, now, 1,
        )  # fmt: skip
