import uuid

from django.core.validators import MinValueValidator
from django.db import models

from softwarebroker.catalogus.constants import RaamovereenkomstStatus


class Raamovereenkomst(models.Model):
    """A framework agreement: offers under it are for its deelnemers only, at framework prices."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    naam = models.CharField("naam", max_length=200)
    kenmerk = models.CharField("kenmerk", max_length=100, unique=True)
    contractant = models.CharField("contractant", max_length=200, help_text="De aanbestedende partij.")
    leveranciers = models.ManyToManyField("catalogus.Leverancier", verbose_name="leveranciers", blank=True)
    deelnemers = models.ManyToManyField("organisaties.Organisatie", verbose_name="deelnemers", blank=True)
    ingangsdatum = models.DateField("ingangsdatum")
    einddatum = models.DateField("einddatum", null=True, blank=True)
    maximale_waarde = models.DecimalField(
        "maximale waarde",
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    status = models.CharField(
        "status",
        max_length=20,
        choices=RaamovereenkomstStatus.choices,
        default=RaamovereenkomstStatus.CONCEPT,
    )

    class Meta:
        verbose_name = "raamovereenkomst"
        verbose_name_plural = "raamovereenkomsten"
        ordering = ("naam",)

    def __str__(self):
        return f"{self.naam} ({self.kenmerk})"
