"""The only writers of software use (house style rule 2)."""

from .attenties import handel_af, signaleer_einde_ondersteuning, signaleer_kwetsbaarheid
from .gebruiken import create_gebruik, delete_gebruik, update_gebruik, wijzig_status
from .reacties import registreer_levering

__all__ = [
    "create_gebruik",
    "delete_gebruik",
    "handel_af",
    "registreer_levering",
    "signaleer_einde_ondersteuning",
    "signaleer_kwetsbaarheid",
    "update_gebruik",
    "wijzig_status",
]
