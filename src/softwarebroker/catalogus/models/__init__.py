from .categorie import Categorie
from .leverancier import Leverancier, LeverancierStatus

__all__ = ["Categorie", "Leverancier", "LeverancierStatus"]
