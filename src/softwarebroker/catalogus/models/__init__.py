from .aanbieding import Aanbieding
from .categorie import Categorie
from .leverancier import LEVERANCIER_OVERGANGEN, Leverancier, LeverancierStatus
from .prijs import Prijs
from .raamovereenkomst import Raamovereenkomst
from .softwarepakket import Softwarepakket
from .softwarepakketversie import Softwarepakketversie

__all__ = [
    "LEVERANCIER_OVERGANGEN",
    "Aanbieding",
    "Categorie",
    "Leverancier",
    "LeverancierStatus",
    "Prijs",
    "Raamovereenkomst",
    "Softwarepakket",
    "Softwarepakketversie",
]
