from .bestelling import BestellingViewSet
from .licentie import LicentieViewSet
from .onder_bestelling import (
    AnnuleringsverzoekViewSet,
    BeoordelingViewSet,
    BerichtViewSet,
    LeveringViewSet,
    StatuswijzigingViewSet,
)

__all__ = [
    "AnnuleringsverzoekViewSet",
    "BeoordelingViewSet",
    "BerichtViewSet",
    "BestellingViewSet",
    "LeveringViewSet",
    "LicentieViewSet",
    "StatuswijzigingViewSet",
]
