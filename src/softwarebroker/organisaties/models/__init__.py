from .mandaat import Mandaat
from .organisatie import Organisatie, OrganisatieType

__all__ = ["Mandaat", "Organisatie", "OrganisatieType"]
