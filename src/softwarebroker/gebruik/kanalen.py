"""The kanaal of software use: main resource and kenmerken (computed here)."""

from softwarebroker.api.kanalen import Kenmerk, ResourceKanaal
from softwarebroker.api.resources import url_of

from .models import Gebruik

GEBRUIKEN = ResourceKanaal(
    "gebruiken",
    main_resource=Gebruik,
    kenmerken={
        "organisatie": Kenmerk(
            lambda gebruik: gebruik.organisatie.oin, "OIN van de organisatie die de software gebruikt."
        ),
        "softwarepakket": Kenmerk(
            lambda gebruik: url_of(gebruik.softwarepakket), "URL van het gebruikte softwarepakket."
        ),
        "status": Kenmerk(lambda gebruik: gebruik.status, "De status van het gebruik na de wijziging."),
        "attentie": Kenmerk(
            None,
            "Alleen bij actie `attentie`: de reden (`einde_ondersteuning` of `kwetsbaarheid`).",
        ),
        "kwetsbaarheid": Kenmerk(
            None, "Alleen bij een attentie om een kwetsbaarheid: URL van de gepubliceerde kwetsbaarheid."
        ),
    },
)
