import uuid

from django.db import models

from softwarebroker.autorisaties.encryption import EncryptedTextField
from softwarebroker.bestellingen.constants import LeveringType


class Levering(models.Model):
    """The delivery of one order line; its secret (e.g. a licence key) is encrypted at rest."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    bestelling = models.ForeignKey(
        "bestellingen.Bestelling", on_delete=models.CASCADE, related_name="leveringen"
    )
    regel = models.OneToOneField(
        "bestellingen.Bestelregel", on_delete=models.PROTECT, related_name="levering"
    )
    type = models.CharField("type", max_length=20, choices=LeveringType.choices)
    geleverd_op = models.DateTimeField("geleverd op", auto_now_add=True)
    verwijzing = models.CharField("verwijzing", max_length=500, blank=True)
    geheim = EncryptedTextField("geheim", blank=True, null=True)

    class Meta:
        verbose_name = "levering"
        verbose_name_plural = "leveringen"
        ordering = ("bestelling", "geleverd_op", "id")

    def __str__(self):
        return f"{self.type} ({self.geleverd_op:%Y-%m-%d})"
