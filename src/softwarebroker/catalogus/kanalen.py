"""The catalogue's kanalen, declared once: main resource and kenmerken (computed here)."""

from softwarebroker.api.kanalen import Kenmerk, ResourceKanaal
from softwarebroker.api.resources import url_of

from .models import Aanbieding, Softwarepakket, Verklaring

SOFTWAREPAKKETTEN = ResourceKanaal(
    "softwarepakketten",
    main_resource=Softwarepakket,
    kenmerken={
        "fabrikant": Kenmerk(
            lambda pakket: url_of(pakket.fabrikant) if pakket.fabrikant_id else "",
            "URL van de fabrikant (leverancier) van het softwarepakket.",
        ),
        "status": Kenmerk(lambda pakket: pakket.status, "De publicatiestatus van het softwarepakket."),
    },
)
AANBIEDINGEN = ResourceKanaal(
    "aanbiedingen",
    main_resource=Aanbieding,
    kenmerken={
        "leverancier": Kenmerk(
            lambda aanbieding: url_of(aanbieding.leverancier),
            "URL van de leverancier die de aanbieding doet.",
        ),
        "softwarepakket": Kenmerk(
            lambda aanbieding: url_of(aanbieding.softwarepakket), "URL van het aangeboden softwarepakket."
        ),
        "status": Kenmerk(lambda aanbieding: aanbieding.status, "De publicatiestatus van de aanbieding."),
    },
)

VERKLARINGEN = ResourceKanaal(
    "verklaringen",
    main_resource=Verklaring,
    kenmerken={
        "eigenaar": Kenmerk(
            lambda verklaring: url_of(verklaring.eigenaar), "URL van de leverancier van wie de verklaring is."
        ),
        "type": Kenmerk(lambda verklaring: verklaring.type, "Het type verklaring."),
        "status": Kenmerk(
            lambda verklaring: verklaring.status, "De status van de verklaring na de wijziging."
        ),
        "verloopt": Kenmerk(
            None,
            "Alleen bij de melding dat een goedgekeurde verklaring binnenkort verloopt (actie "
            "`verloopt`, eenmaal per verklaring): het aantal dagen tot en met geldigTot (standaard "
            "60 of minder).",
        ),
    },
)
