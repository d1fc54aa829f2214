from .aanbieding import Aanbieding
from .categorie import Categorie
from .leverancier import LEVERANCIER_TRANSITIONS, Leverancier, LeverancierStatus
from .prijs import Prijs
from .raamovereenkomst import Raamovereenkomst
from .softwarepakket import Softwarepakket
from .softwarepakketversie import Softwarepakketversie
from .verklaring import Verklaring

__all__ = [
    "LEVERANCIER_TRANSITIONS",
    "Aanbieding",
    "Categorie",
    "Leverancier",
    "LeverancierStatus",
    "Prijs",
    "Raamovereenkomst",
    "Softwarepakket",
    "Softwarepakketversie",
    "Verklaring",
]
