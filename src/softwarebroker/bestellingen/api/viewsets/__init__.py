from .annuleringsverzoek import AnnuleringsverzoekViewSet
from .beoordeling import BeoordelingViewSet
from .bericht import BerichtViewSet
from .bestelling import BestellingViewSet
from .levering import LeveringViewSet
from .licentie import LicentieViewSet
from .statuswijziging import StatuswijzigingViewSet

__all__ = [
    "AnnuleringsverzoekViewSet",
    "BeoordelingViewSet",
    "BerichtViewSet",
    "BestellingViewSet",
    "LeveringViewSet",
    "LicentieViewSet",
    "StatuswijzigingViewSet",
]
