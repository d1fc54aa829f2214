from .organisatie import Organisatie, OrganisatieType

__all__ = ["Organisatie", "OrganisatieType"]
