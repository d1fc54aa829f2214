from .bestelling import Bestelling, Bestelregel, Nummerreeks
from .historie import Annuleringsverzoek, Beoordeling, Bericht, Statuswijziging
from .levering import Levering
from .licentie import Licentie, LicentieHerinnering

__all__ = [
    "Annuleringsverzoek",
    "Beoordeling",
    "Bericht",
    "Bestelling",
    "Bestelregel",
    "Levering",
    "Licentie",
    "LicentieHerinnering",
    "Nummerreeks",
    "Statuswijziging",
]
