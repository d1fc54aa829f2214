"""The kanalen this component publishes on (notifications-api-common), with their kenmerken.

``manage.py register_kanalen`` registers them at the configured Notificaties API;
``docs/notificaties.md`` is generated from them (``make docs``).
"""

from notifications_api_common.kanalen import Kanaal

from softwarebroker.bestellingen.models import Bestelling, Licentie
from softwarebroker.catalogus.models import Aanbieding, Softwarepakket

SOFTWAREPAKKETTEN = Kanaal(
    "softwarepakketten",
    main_resource=Softwarepakket,
    kenmerken=("fabrikant", "status"),
    extra_kwargs={
        "fabrikant": {"help_text": "URL van de fabrikant (leverancier) van het softwarepakket."},
        "status": {"help_text": "De publicatiestatus van het softwarepakket."},
    },
)
AANBIEDINGEN = Kanaal(
    "aanbiedingen",
    main_resource=Aanbieding,
    kenmerken=("leverancier", "softwarepakket", "status"),
    extra_kwargs={
        "leverancier": {"help_text": "URL van de leverancier die de aanbieding doet."},
        "softwarepakket": {"help_text": "URL van het aangeboden softwarepakket."},
        "status": {"help_text": "De publicatiestatus van de aanbieding."},
    },
)
BESTELLINGEN = Kanaal(
    "bestellingen",
    main_resource=Bestelling,
    kenmerken=("besteller", "leverancier", "status"),
    extra_kwargs={
        "besteller": {"help_text": "OIN van de bestellende organisatie."},
        "leverancier": {"help_text": "URL van de leverancier aan wie besteld wordt."},
        "status": {"help_text": "De status van de bestelling na de wijziging."},
    },
)
LICENTIES = Kanaal(
    "licenties",
    main_resource=Licentie,
    kenmerken=("organisatie", "status"),
    extra_kwargs={
        "organisatie": {"help_text": "OIN van de organisatie die de licentie heeft."},
        "status": {"help_text": "De status van de licentie."},
    },
)
