"""Every change of a joint purchase round goes through here: one function per change
(keyword-only arguments, ``acting`` first), each in one transaction under the round's row lock,
with its status history, audit trail entry and event (kanaal ``vraagbundelingen``).

- :mod:`.common`: parties, the row lock, audit and event;
- :mod:`.rondes`: opening a round and changing it while open;
- :mod:`.deelnames`: joining, changing, withdrawing and approving a deelname;
- :mod:`.gunning`: closing (also by the periodic job), awarding and cancelling.
"""

from .deelnames import change_deelname_status, create_deelname, mandaatbedrag, update_deelname
from .gunning import change_vraagbundeling_status, geschatte_waarde, sluit_vraagbundelingen
from .rondes import open_vraagbundeling, update_vraagbundeling

__all__ = [
    "change_deelname_status",
    "change_vraagbundeling_status",
    "create_deelname",
    "geschatte_waarde",
    "mandaatbedrag",
    "open_vraagbundeling",
    "sluit_vraagbundelingen",
    "update_deelname",
    "update_vraagbundeling",
]
