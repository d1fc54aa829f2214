from .aanbieding import AanbiedingSerializer
from .categorie import CategorieSerializer
from .kwetsbaarheid import KwetsbaarheidSerializer
from .leverancier import LeverancierSerializer
from .prijs import PrijsSerializer
from .raamovereenkomst import RaamovereenkomstSerializer
from .referentiecomponent import ReferentiecomponentSerializer
from .softwarepakket import SoftwarepakketSerializer
from .softwarepakketversie import SoftwarepakketversieSerializer
from .verklaring import VerklaringOvergangSerializer, VerklaringSerializer

__all__ = [
    "AanbiedingSerializer",
    "CategorieSerializer",
    "KwetsbaarheidSerializer",
    "LeverancierSerializer",
    "PrijsSerializer",
    "RaamovereenkomstSerializer",
    "ReferentiecomponentSerializer",
    "SoftwarepakketSerializer",
    "SoftwarepakketversieSerializer",
    "VerklaringOvergangSerializer",
    "VerklaringSerializer",
]
