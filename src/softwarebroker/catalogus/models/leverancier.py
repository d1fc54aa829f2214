import uuid

from django.core.validators import RegexValidator
from django.db import models

kvk_validator = RegexValidator(r"^[0-9]{8}$", "Een KvK-nummer bestaat uit precies 8 cijfers.", code="kvk")


class LeverancierStatus(models.TextChoices):
    AANGEMELD = "aangemeld", "Aangemeld"
    ACTIEF = "actief", "Actief"
    GESCHORST = "geschorst", "Geschorst"


class Leverancier(models.Model):
    """A supplier, reseller or service provider. API clients act for one."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    naam = models.CharField("naam", max_length=200)
    kvk_nummer = models.CharField(
        "KvK-nummer", max_length=8, unique=True, validators=[kvk_validator], help_text="8 cijfers."
    )
    status = models.CharField(
        "status", max_length=20, choices=LeverancierStatus.choices, default=LeverancierStatus.AANGEMELD
    )

    class Meta:
        verbose_name = "leverancier"
        verbose_name_plural = "leveranciers"
        ordering = ("naam",)

    def __str__(self):
        return self.naam
