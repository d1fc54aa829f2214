"""Hand-written examples of the Bestellingen API's main resource, for its documentation pages:
an order for the offer of the Catalogus API's example (``catalogus.api.examples``)."""

from drf_spectacular.utils import OpenApiExample

from softwarebroker.api.definitions import BESTELLINGEN, CATALOGUS
from softwarebroker.api.schema_examples import VALUES, resource_url

AANBIEDING_URL = resource_url(CATALOGUS, "aanbiedingen")
BESTELPARAMETERS = VALUES["bestelparameters"]

BESTELLING_AANMAKEN = {
    "besteller": resource_url(BESTELLINGEN, "organisaties"),
    "kostenplaats": "ICT-2026",
    "inkoopordernummer": "PO-2026-1187",
    "gewensteIngangsdatum": "2026-04-01",
    "regels": [
        {"aanbieding": AANBIEDING_URL, "aantal": 25, "actie": "nieuw", "bestelparameters": BESTELPARAMETERS}
    ],
}

BESTELLING_AANMAKEN_EXAMPLE = OpenApiExample(
    "Zaaksysteem voor 25 gebruikers",
    summary="Een bestelling onder de raamovereenkomst, met bestelparameters",
    value=BESTELLING_AANMAKEN,
    request_only=True,
)
