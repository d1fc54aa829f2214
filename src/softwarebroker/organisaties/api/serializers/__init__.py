from .organisatie import OrganisatieSerializer

__all__ = ["OrganisatieSerializer"]
