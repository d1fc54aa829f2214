from .applicatie import Applicatie, ApplicatieSecret
from .authentication_failure import AuthenticatieFout

__all__ = ["Applicatie", "ApplicatieSecret", "AuthenticatieFout"]
