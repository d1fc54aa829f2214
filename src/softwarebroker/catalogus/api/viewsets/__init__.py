from .categorie import CategorieViewSet
from .resources import (
    AanbiedingViewSet,
    LeverancierViewSet,
    PrijsViewSet,
    RaamovereenkomstViewSet,
    SoftwarepakketversieViewSet,
    SoftwarepakketViewSet,
)

__all__ = [
    "AanbiedingViewSet",
    "CategorieViewSet",
    "LeverancierViewSet",
    "PrijsViewSet",
    "RaamovereenkomstViewSet",
    "SoftwarepakketViewSet",
    "SoftwarepakketversieViewSet",
]
