"""Every change of an order goes through here: one function per change (keyword-only
arguments, ``acting`` first), each in one transaction with a row lock on the order, its
Statuswijziging, its audit trail entry and its event (kanaal ``bestellingen``).

Refusals are domain errors (:mod:`softwarebroker.core.errors`): ``Invalid`` (every problem
listed), ``NotAllowed`` (not this party, or not within the mandate), ``Conflict`` (not from
this state), ``VersionMismatch`` (``If-Match``), ``Unavailable`` (a peer that cannot be read).

- :mod:`.common`: who acts and as which party, the row lock, audit and event;
- :mod:`.nummers`: order numbers (a sequence, not a lock: orders are created side by side);
- :mod:`.regels`: every problem of a line, quantities and prices;
- :mod:`.bestelling`: creating, changing and deleting concepts;
- :mod:`.transitions`: the state machine's transitions, submission and approval;
- :mod:`.fulfilment`: messages, deliveries, the delivery secret and cancellation requests;
- :mod:`.licenties`: licences following their order (requested, delivered, changed) and the
  stored contract dates;
- :mod:`.licentie_beheer`: external licences, cancelling and changing a licence;
- :mod:`.licentie_cyclus`: the nightly job: renewals, ends and expiry at the end date;
- :mod:`.licentie_herinneringen`: its staged reminders before the opzegdatum;
- :mod:`.verklaring_verloop`: the licence holders told when a declaration of their offer expires;
- :mod:`.gebundeld`: the orders an awarded joint purchase round makes, in bulk;
- :mod:`.licentie_gemeen`: what those two share (the counts, the locked batches, renewal rules).
"""

from .bestelling import create_bestelling, delete_bestelling, update_bestelling
from .common import may_order_for, partijen, version_mismatch
from .fulfilment import (
    create_annuleringsverzoek,
    create_bericht,
    create_levering,
    decide_annuleringsverzoek,
    read_levering_geheim,
)
from .gebundeld import GegundeBestelling, create_gegunde_bestellingen
from .licentie_beheer import opzeggen_licentie, register_licentie, registration_problems, update_licentie
from .licentie_cyclus import Verwerking, nachtelijke_licentieverwerking
from .nummers import next_nummer, next_nummers
from .regels import bestelling_problems, bestelparameters_problems, regel_problems
from .transitions import BESLUIT_NAAR, change_status, create_beoordeling
from .verklaring_verloop import licenties_bij_verlopen_verklaringen

__all__ = [
    "BESLUIT_NAAR",
    "GegundeBestelling",
    "Verwerking",
    "bestelling_problems",
    "bestelparameters_problems",
    "change_status",
    "create_annuleringsverzoek",
    "create_beoordeling",
    "create_bericht",
    "create_bestelling",
    "create_gegunde_bestellingen",
    "create_levering",
    "decide_annuleringsverzoek",
    "delete_bestelling",
    "licenties_bij_verlopen_verklaringen",
    "may_order_for",
    "nachtelijke_licentieverwerking",
    "next_nummer",
    "next_nummers",
    "opzeggen_licentie",
    "partijen",
    "read_levering_geheim",
    "regel_problems",
    "register_licentie",
    "registration_problems",
    "update_bestelling",
    "update_licentie",
    "version_mismatch",
]
