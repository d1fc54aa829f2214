from .annuleringsverzoek import AnnuleringsverzoekViewSet
from .beoordeling import BeoordelingViewSet
from .bericht import BerichtViewSet
from .bestelling import BestellingViewSet
from .bestelregel import BestelregelViewSet
from .levering import LeveringViewSet
from .licentie import LicentieViewSet
from .statuswijziging import StatuswijzigingViewSet

__all__ = [
    "AnnuleringsverzoekViewSet",
    "BeoordelingViewSet",
    "BerichtViewSet",
    "BestellingViewSet",
    "BestelregelViewSet",
    "LeveringViewSet",
    "LicentieViewSet",
    "StatuswijzigingViewSet",
]
