"""What order lines read of the prices of a peer's aanbieding (see :class:`PeerAanbieding`)."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.dateparse import parse_date

from softwarebroker.catalogus.constants import Grondslag


@dataclass(frozen=True)
class PeerPrijs:
    """A price of a peer's aanbieding with the attributes the price calculation reads."""

    uuid: str
    url: str
    prijstype: str
    periode: str
    doelgroep: str
    bedrag_excl_btw: Decimal
    btw_percentage: Decimal
    geldig_vanaf: datetime.date
    geldig_tot: datetime.date | None
    staffels: list = field(default_factory=list)
    # A peer of an earlier version sends no grondslag: every price was per unit then.
    grondslag: str = Grondslag.PER_EENHEID
    pk: None = None

    @classmethod
    def from_representation(cls, representation: dict) -> PeerPrijs:
        last_segment = representation["url"].rstrip("/").rsplit("/", 1)[-1]
        try:
            identifier = str(uuid.UUID(last_segment))
        except ValueError:
            identifier = representation["url"]
        return cls(
            uuid=identifier,
            url=representation["url"],
            prijstype=representation["prijstype"],
            periode=representation["periode"] or "",  # "none": null, or "" from an earlier version
            doelgroep=representation["doelgroep"],
            bedrag_excl_btw=Decimal(str(representation["bedragExclBtw"])),
            btw_percentage=Decimal(str(representation["btwPercentage"])),
            geldig_vanaf=parse_date(representation["geldigVanaf"]),
            geldig_tot=parse_date(representation["geldigTot"]) if representation["geldigTot"] else None,
            staffels=[
                {"vanafAantal": staffel["vanafAantal"], "bedragExclBtw": str(staffel["bedragExclBtw"])}
                for staffel in representation["staffels"]
            ],
            grondslag=representation.get("grondslag") or Grondslag.PER_EENHEID,
        )

    def valid_on(self, day: datetime.date) -> bool:
        return self.geldig_vanaf <= day and (self.geldig_tot is None or self.geldig_tot > day)
