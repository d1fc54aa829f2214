"""What order lines read of the prices of a peer's aanbieding (see :class:`PeerAanbieding`)."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.dateparse import parse_date


@dataclass(frozen=True)
class PeerPrijs:
    """A price of a peer's aanbieding with the attributes the price calculation reads."""

    uuid: str
    prijstype: str
    periode: str
    doelgroep: str
    bedrag_excl_btw: Decimal
    btw_percentage: Decimal
    geldig_vanaf: datetime.date
    geldig_tot: datetime.date | None
    staffels: list = field(default_factory=list)
    pk: None = None

    @classmethod
    def uit(cls, gegevens: dict) -> PeerPrijs:
        laatste = gegevens["url"].rstrip("/").rsplit("/", 1)[-1]
        try:
            identifier = str(uuid.UUID(laatste))
        except ValueError:
            identifier = gegevens["url"]
        return cls(
            uuid=identifier,
            prijstype=gegevens["prijstype"],
            periode=gegevens["periode"],
            doelgroep=gegevens["doelgroep"],
            bedrag_excl_btw=Decimal(str(gegevens["bedragExclBtw"])),
            btw_percentage=Decimal(str(gegevens["btwPercentage"])),
            geldig_vanaf=parse_date(gegevens["geldigVanaf"]),
            geldig_tot=parse_date(gegevens["geldigTot"]) if gegevens["geldigTot"] else None,
            staffels=[
                {"vanafAantal": s["vanafAantal"], "bedragExclBtw": str(s["bedragExclBtw"])}
                for s in gegevens["staffels"]
            ],
        )

    def geldt_op(self, dag: datetime.date) -> bool:
        return self.geldig_vanaf <= dag and (self.geldig_tot is None or self.geldig_tot > dag)
