"""The kanaal of joint purchase rounds: main resource and kenmerken (computed here).

A notification never carries a participant's quantity or price ceiling: the kenmerken are
those of the round."""

from softwarebroker.api.kanalen import Kenmerk, ResourceKanaal
from softwarebroker.api.resources import url_of

from .models import Vraagbundeling

VRAAGBUNDELINGEN = ResourceKanaal(
    "vraagbundelingen",
    main_resource=Vraagbundeling,
    kenmerken={
        "aanbieding": Kenmerk(
            lambda vraagbundeling: url_of(vraagbundeling.aanbieding), "URL van de gebundelde aanbieding."
        ),
        "initiatiefnemer": Kenmerk(
            lambda vraagbundeling: vraagbundeling.initiatiefnemer.oin,
            "OIN van de organisatie die de vraagbundeling opende.",
        ),
        "status": Kenmerk(
            lambda vraagbundeling: vraagbundeling.status, "De status van de vraagbundeling na de wijziging."
        ),
    },
)
