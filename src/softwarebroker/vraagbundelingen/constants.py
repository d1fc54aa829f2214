"""Choices of joint purchase rounds (names as in the API)."""

from django.db import models


class VraagbundelingStatus(models.TextChoices):
    OPEN = "open", "Open"
    GESLOTEN = "gesloten", "Gesloten"
    GEGUND = "gegund", "Gegund"
    GEANNULEERD = "geannuleerd", "Geannuleerd"


class DeelnameStatus(models.TextChoices):
    AANGEMELD = "aangemeld", "Aangemeld"
    GOEDGEKEURD = "goedgekeurd", "Goedgekeurd"
    BESTELD = "besteld", "Besteld"
    AFGEHAAKT = "afgehaakt", "Afgehaakt"
    INGETROKKEN = "ingetrokken", "Ingetrokken"


# A deelname that counts in the pooled quantity: approved by its budget holder (and, after the
# award, ordered).
TELT_MEE = frozenset({DeelnameStatus.GOEDGEKEURD, DeelnameStatus.BESTELD})
# A deelname still in the round (one per organisation).
ACTIEF = frozenset({DeelnameStatus.AANGEMELD, DeelnameStatus.GOEDGEKEURD, DeelnameStatus.BESTELD})


# What a client may ask for (POST .../statuswijzigingen): the other statuses are set by the
# broker itself (``open`` at opening, ``afgehaakt`` and ``besteld`` at closing and awarding).
VRAAGBUNDELING_OVERGANGEN = [
    (value, label) for value, label in VraagbundelingStatus.choices if value != VraagbundelingStatus.OPEN
]
DEELNAME_OVERGANGEN = [
    (value, label)
    for value, label in DeelnameStatus.choices
    if value in (DeelnameStatus.GOEDGEKEURD, DeelnameStatus.INGETROKKEN)
]
