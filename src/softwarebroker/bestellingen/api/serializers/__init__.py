"""Representations of orders and what hangs under them, one module per resource."""

from .annuleringsverzoek import AnnuleringsverzoekSerializer
from .beoordeling import BeoordelingSerializer
from .bericht import BerichtSerializer
from .bestelling import BestellingSerializer, BestelregelSerializer
from .levering import LeveringGeheimSerializer, LeveringSerializer
from .licentie import LicentieSerializer, LicentieWijzigingSerializer, OpzeggingSerializer
from .statuswijziging import StatuswijzigingSerializer

__all__ = [
    "AnnuleringsverzoekSerializer",
    "BeoordelingSerializer",
    "BerichtSerializer",
    "BestellingSerializer",
    "BestelregelSerializer",
    "LeveringGeheimSerializer",
    "LeveringSerializer",
    "LicentieSerializer",
    "LicentieWijzigingSerializer",
    "OpzeggingSerializer",
    "StatuswijzigingSerializer",
]
