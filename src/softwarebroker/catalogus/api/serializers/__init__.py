from .aanbieding import AanbiedingSerializer
from .categorie import CategorieSerializer
from .leverancier import LeverancierSerializer
from .prijs import PrijsSerializer
from .raamovereenkomst import RaamovereenkomstSerializer
from .softwarepakket import SoftwarepakketSerializer
from .softwarepakketversie import SoftwarepakketversieSerializer
from .verklaring import VerklaringOvergangSerializer, VerklaringSerializer

__all__ = [
    "AanbiedingSerializer",
    "CategorieSerializer",
    "LeverancierSerializer",
    "PrijsSerializer",
    "RaamovereenkomstSerializer",
    "SoftwarepakketSerializer",
    "SoftwarepakketversieSerializer",
    "VerklaringOvergangSerializer",
    "VerklaringSerializer",
]
