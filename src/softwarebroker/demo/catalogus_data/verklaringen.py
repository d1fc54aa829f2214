"""Demo declarations (verklaringen): the evidence every required type of every published demo
offer needs, so that the demo orders pass the order gate.

Most are the supplier's own (one declaration covers all its offers); a DPIA is made per package
by its manufacturer, since it is about what a package processes. Evidence is a URL on the
supplier's (fictional) website. Besides those: one declaration waiting for the broker's review
and one that ends within the notice period (see ``VERKLARING_VERLOOP_MELDING_DAGEN``).
"""

from .leveranciers import POLDERDATA, VOORBEELD

# The types declared per package (by its manufacturer) rather than per supplier.
PER_PAKKET = frozenset({"dpia"})

# (supplier KvK, type, omschrijving): submitted, left for the broker's review queue.
TER_BEOORDELING = (
    VOORBEELD,
    "iso27001",
    "ISO/IEC 27001-certificaat van het datacenter en de ontwikkelafdeling (hercertificering 2026).",
)
# (supplier KvK, type, omschrijving, days until geldigTot at loading): approved, ends soon. Of a
# type no demo offer requires, so its expiry refuses no demo order.
VERLOOPT_BINNENKORT = (
    POLDERDATA,
    "pentest",
    "Rapport van de jaarlijkse penetratietest door een onafhankelijke partij.",
    45,
)

OMSCHRIJVINGEN = {
    "verwerkersovereenkomst": "Model-verwerkersovereenkomst (VNG) voor alle diensten van de leverancier.",
    "sla": "Service level agreement: beschikbaarheid, responstijden en rapportage.",
    "beveiligingsverklaring": "Beveiligingsverklaring op basis van de BIO.",
    "exitplan": "Exitplan: export van alle gegevens in open formaten bij het einde van het contract.",
    "dpia": "Data protection impact assessment van het pakket (model voor gemeenten).",
}


def bewijs_url(domain: str, type: str, pakket: str = "") -> str:
    """Where the supplier publishes the evidence (fictional)."""
    slug = f"{pakket.lower().replace(' ', '-')}-" if pakket else ""
    return f"https://www.{domain}/compliance/{slug}{type}.pdf"
