from .bestelling import Bestelling, Bestelregel, Nummerreeks
from .historie import Annuleringsverzoek, Beoordeling, Bericht, Statuswijziging
from .levering import Levering, Licentie

__all__ = [
    "Annuleringsverzoek",
    "Beoordeling",
    "Bericht",
    "Bestelling",
    "Bestelregel",
    "Levering",
    "Licentie",
    "Nummerreeks",
    "Statuswijziging",
]
