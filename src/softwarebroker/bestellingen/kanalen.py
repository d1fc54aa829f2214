"""The ordering kanalen, declared once: main resource and kenmerken (computed here)."""

from softwarebroker.api.kanalen import Kenmerk, ResourceKanaal
from softwarebroker.api.resources import url_of

from .models import Bestelling, Licentie


def _leverancier(bestelling: Bestelling) -> str:
    # An order of a peer's offers names the peer's supplier.
    return url_of(bestelling.leverancier) if bestelling.leverancier_id else bestelling.leverancier_url


BESTELLINGEN = ResourceKanaal(
    "bestellingen",
    main_resource=Bestelling,
    kenmerken={
        "besteller": Kenmerk(
            lambda bestelling: bestelling.besteller.oin, "OIN van de bestellende organisatie."
        ),
        "leverancier": Kenmerk(_leverancier, "URL van de leverancier aan wie besteld wordt."),
        "status": Kenmerk(
            lambda bestelling: bestelling.status, "De status van de bestelling na de wijziging."
        ),
    },
)
LICENTIES = ResourceKanaal(
    "licenties",
    main_resource=Licentie,
    kenmerken={
        "organisatie": Kenmerk(
            lambda licentie: licentie.organisatie.oin, "OIN van de organisatie die de licentie heeft."
        ),
        "status": Kenmerk(lambda licentie: licentie.status, "De status van de licentie."),
        "herinnering": Kenmerk(
            None,
            "Alleen bij een herinnering (actie `herinnering`): het aantal dagen tot de opzegdatum "
            "van deze fase (standaard 180, 90 of 30).",
        ),
        "indexeringBovenPlafond": Kenmerk(
            None,
            "Alleen bij een verlenging waarvan de prijs meer steeg dan het plafond van het contract "
            "toestaat: `true` (de licentie is dan zo gemarkeerd).",
        ),
        "verklaring": Kenmerk(
            None,
            "Alleen bij actie `verklaring_verlopen`: URL van de verklaring die verliep en de "
            "aanbieding van deze licentie dekte (de aanbieding heeft nu geen geldige verklaring van "
            "dat type meer).",
        ),
        "verklaringType": Kenmerk(
            None, "Alleen bij actie `verklaring_verlopen`: het type van de verlopen verklaring."
        ),
    },
)
