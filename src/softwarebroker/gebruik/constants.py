"""Code lists of software use."""

from django.db import models


class GebruikStatus(models.TextChoices):
    """The life of a use, in this order; each step's date is kept in the history."""

    VERWERVING = "verwerving", "In verwerving"
    GEPLAND = "gepland", "Gepland"
    IN_PRODUCTIE = "in_productie", "In productie"
    UIT_TE_FASEREN = "uit_te_faseren", "Uit te faseren"
    UITGEFASEERD = "uitgefaseerd", "Uitgefaseerd"


ORDER = list(GebruikStatus.values)

# Uses that alerts reach: the version is (about to be) running there.
ATTENTIE_STATUSSEN = (GebruikStatus.GEPLAND, GebruikStatus.IN_PRODUCTIE, GebruikStatus.UIT_TE_FASEREN)


class AttentieReden(models.TextChoices):
    EINDE_ONDERSTEUNING = "einde_ondersteuning", "Einde ondersteuning binnen 12 maanden"
    KWETSBAARHEID = "kwetsbaarheid", "Kwetsbaarheid gepubliceerd"


# An end of support this many months ahead (or nearer) alerts the version's users.
EINDE_ONDERSTEUNING_MAANDEN = 12
