"""Viewsets of the catalogue resources, one module per resource. Each reads top to bottom:
scopes, what is visible, filters and sorting, and where a write goes."""

from .aanbieding import AanbiedingViewSet
from .categorie import CategorieViewSet
from .kwetsbaarheid import KwetsbaarheidViewSet
from .leverancier import LeverancierViewSet
from .prijs import PrijsViewSet
from .raamovereenkomst import RaamovereenkomstViewSet
from .referentiecomponent import ReferentiecomponentViewSet
from .softwarepakket import SoftwarepakketViewSet
from .softwarepakketversie import SoftwarepakketversieViewSet
from .verklaring import VerklaringViewSet

__all__ = [
    "AanbiedingViewSet",
    "CategorieViewSet",
    "KwetsbaarheidViewSet",
    "LeverancierViewSet",
    "PrijsViewSet",
    "RaamovereenkomstViewSet",
    "ReferentiecomponentViewSet",
    "SoftwarepakketViewSet",
    "SoftwarepakketversieViewSet",
    "VerklaringViewSet",
]
