"""Every change of an order goes through here: one function per change, each in one
transaction with a row lock on the order, its Statuswijziging, its audit trail entry and its
event (kanaal ``bestellingen``).

Problems are raised as API problems: 400 (input, every problem listed), 403 (not this
party, or not within the mandate), 409 (not from this state).

- :mod:`.common`: who acts and as which party, order numbers, the row lock, the event;
- :mod:`.regels`: every problem of a line, quantities and prices;
- :mod:`.bestelling`: creating, changing and deleting concepts;
- :mod:`.overgangen`: the state machine's transitions, submission and approval;
- :mod:`.afhandeling`: messages, deliveries and cancellation requests;
- :mod:`.licenties`: licences from delivered lines, notice periods and expiry.
"""

from .afhandeling import besluit_annulering, leveren, plaats_bericht, vraag_annulering_aan
from .bestelling import create_bestelling, delete_bestelling, update_bestelling
from .common import KANAAL, VersieGewijzigd, Wijziger, mag_bestellen_voor, partijen, volgend_nummer
from .licenties import markeer_verlopen_licenties, meld_opzegtermijnen
from .overgangen import BESLUIT_NAAR, beoordelen, wijzig_status
from .regels import bestelling_problemen, regel_problemen

__all__ = [
    "BESLUIT_NAAR",
    "KANAAL",
    "VersieGewijzigd",
    "Wijziger",
    "beoordelen",
    "besluit_annulering",
    "bestelling_problemen",
    "create_bestelling",
    "delete_bestelling",
    "leveren",
    "mag_bestellen_voor",
    "markeer_verlopen_licenties",
    "meld_opzegtermijnen",
    "partijen",
    "plaats_bericht",
    "regel_problemen",
    "update_bestelling",
    "volgend_nummer",
    "vraag_annulering_aan",
    "wijzig_status",
]
