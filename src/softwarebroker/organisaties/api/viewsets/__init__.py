from .organisatie import OrganisatieViewSet

__all__ = ["OrganisatieViewSet"]
