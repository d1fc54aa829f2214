from .aanbieding import Aanbieding
from .categorie import Categorie
from .kwetsbaarheid import Kwetsbaarheid
from .leverancier import LEVERANCIER_TRANSITIONS, Leverancier, LeverancierStatus
from .prijs import Prijs
from .raamovereenkomst import Raamovereenkomst
from .referentiecomponent import Referentiecomponent
from .softwarepakket import Softwarepakket
from .softwarepakketversie import Softwarepakketversie
from .verklaring import Verklaring
from .zoekwoord import Zoekwoord

__all__ = [
    "LEVERANCIER_TRANSITIONS",
    "Aanbieding",
    "Categorie",
    "Kwetsbaarheid",
    "Leverancier",
    "LeverancierStatus",
    "Prijs",
    "Raamovereenkomst",
    "Referentiecomponent",
    "Softwarepakket",
    "Softwarepakketversie",
    "Verklaring",
    "Zoekwoord",
]
