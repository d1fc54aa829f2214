"""Demo peers: five more municipalities of Voorbeeldstad's size (50,000 to 100,000 inhabitants),
so that the rapportages have a group above their anonymity threshold to show.

Each runs Voorbeeld Burgerzaken 8.1.3 and Open Zaak 1.21.0 in production, and registered the
Burgerzaken contract it bought outside the broker in 2026-Q2 (50 to 249 users, a price of its
own). So Voorbeeldstad's ``/rapportages/vergelijking`` shows counts (its own zaaksysteem stays
suppressed: no comparable municipality uses it) and ``/rapportages/prijsstatistieken`` of
Voorbeeld Burgerzaken for 2026-Q2 shows figures: per user per year 116.67, 120.00, 130.00,
133.33 and 140.00 (one-time amounts spread over the 3-year term).

Made by the demo itself through the services, as every demo change. Loading twice changes
nothing: a use is known by organisation and version, a licence by organisation and contract
number. The organisations themselves are in ``data.ORGANISATIES``.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from softwarebroker.bestellingen.models import Licentie
from softwarebroker.bestellingen.services.licentie_beheer import register_licentie
from softwarebroker.catalogus.models import Softwarepakket
from softwarebroker.organisaties.models import Organisatie

from .catalogus import DEMO
from .gebruik import maak_gebruik

BURGERZAKEN = ("Voorbeeld Burgerzaken", "8.1.3")
OPEN_ZAAK = ("Open Zaak", "1.21.0")
LOOPTIJD_MAANDEN = 36

# (OIN, in production since, Burgerzaken contract: (number, users, one-time, per year, start))
PEERS = [
    ("00000001004211870000", "2024-03-01", ("BZ-2026-ZD", 60, "2700.00", "6300.00", "2026-04-01")),
    ("00000001004533920000", "2023-10-02", ("BZ-2026-BV", 75, "4500.00", "8250.00", "2026-04-15")),
    ("00000001004879310000", "2024-06-03", ("BZ-2026-HM", 55, "0.00", "7700.00", "2026-05-01")),
    ("00000001005102640000", "2022-11-07", ("BZ-2026-LL", 120, "6000.00", "12000.00", "2026-05-18")),
    ("00000001005376150000", "2025-01-06", ("BZ-2026-WB", 90, "3600.00", "10800.00", "2026-06-01")),
]


def _licentie(organisatie: Organisatie, contract) -> int:
    nummer, aantal, eenmalig, per_jaar, ingang = contract
    if Licentie.objects.filter(organisatie=organisatie, contractnummer=nummer).exists():
        return 0
    pakket = Softwarepakket.objects.select_related("fabrikant").get(naam=BURGERZAKEN[0])
    ingangsdatum = datetime.date.fromisoformat(ingang)
    register_licentie(
        acting=DEMO,
        organisatie=organisatie,
        leverancier=pakket.fabrikant,
        softwarepakket=pakket,
        contractnummer=nummer,
        aantal=aantal,
        bedrag_eenmalig_excl_btw=Decimal(eenmalig),
        bedrag_per_jaar_excl_btw=Decimal(per_jaar),
        ingangsdatum=ingangsdatum,
        einddatum=ingangsdatum.replace(year=ingangsdatum.year + LOOPTIJD_MAANDEN // 12),
        looptijd_maanden=LOOPTIJD_MAANDEN,
        max_verlengingen=0,
    )
    return 1


def load_vergelijkingsgroep_demo() -> int:
    """Load the peers' uses and Burgerzaken contracts; returns the number of objects created."""
    created = 0
    for oin, sinds, contract in PEERS:
        created += maak_gebruik(
            oin,
            *BURGERZAKEN,
            [("in_productie", sinds)],
            {"bedrijfskritisch": True, "verwerkt_persoonsgegevens": True},
        )
        created += maak_gebruik(
            oin, *OPEN_ZAAK, [("in_productie", sinds)], {"verwerkt_persoonsgegevens": True}
        )
        created += _licentie(Organisatie.objects.get(oin=oin), contract)
    return created
