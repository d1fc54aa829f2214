from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from softwarebroker.catalogus.constants import Indexering


class Indexeringsvoorwaarden(models.Model):
    """The notice period and the indexation of a contract: an offer states them, a licence
    copies them at delivery (later changes of the offer leave a running contract alone)."""

    opzegtermijn_dagen = models.PositiveIntegerField("opzegtermijn (dagen)", default=0)
    indexering = models.CharField(
        "indexering", max_length=10, choices=Indexering.choices, default=Indexering.GEEN
    )
    indexering_percentage = models.DecimalField(
        "indexeringspercentage (vast)",
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    indexering_plafond = models.DecimalField(
        "plafond indexering (%)",
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )

    class Meta:
        abstract = True
