"""Orders and licences in the admin, for the broker's functional administrators: read-only
screens; the broker's transitions are actions calling the same services as the API."""

from .bestelling import BestellingAdmin
from .licentie import LicentieAdmin

__all__ = ["BestellingAdmin", "LicentieAdmin"]
