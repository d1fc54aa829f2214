import uuid

from django.contrib.postgres.fields import ArrayField
from django.core.validators import RegexValidator
from django.db import models

from softwarebroker.catalogus.constants import LeverancierRol

kvk_validator = RegexValidator(r"^[0-9]{8}$", "Een KvK-nummer bestaat uit precies 8 cijfers.", code="kvk")


class LeverancierStatus(models.TextChoices):
    AANGEMELD = "aangemeld", "Aangemeld"
    ACTIEF = "actief", "Actief"
    GESCHORST = "geschorst", "Geschorst"


# aangemeld -> actief <-> geschorst
LEVERANCIER_TRANSITIONS = {
    LeverancierStatus.AANGEMELD: {LeverancierStatus.ACTIEF},
    LeverancierStatus.ACTIEF: {LeverancierStatus.GESCHORST},
    LeverancierStatus.GESCHORST: {LeverancierStatus.ACTIEF},
}


class Leverancier(models.Model):
    """A supplier, reseller or service provider. API clients with the role leverancier act for one."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    naam = models.CharField("naam", max_length=200)
    kvk_nummer = models.CharField(
        "KvK-nummer", max_length=8, unique=True, validators=[kvk_validator], help_text="8 cijfers."
    )
    website = models.URLField("website", max_length=500, blank=True)
    rollen = ArrayField(
        models.CharField(max_length=20, choices=LeverancierRol.choices),
        verbose_name="rollen",
        default=list,
        blank=True,
    )
    status = models.CharField(
        "status", max_length=20, choices=LeverancierStatus.choices, default=LeverancierStatus.AANGEMELD
    )
    contact_naam = models.CharField("naam contactpersoon", max_length=200, blank=True)
    contact_email = models.EmailField("e-mail contactpersoon", blank=True)
    contact_telefoonnummer = models.CharField("telefoon contactpersoon", max_length=30, blank=True)

    class Meta:
        verbose_name = "leverancier"
        verbose_name_plural = "leveranciers"
        ordering = ("naam",)
        indexes = [models.Index(fields=("naam", "id"), name="leverancier_naam_id_idx")]

    def __str__(self):
        return self.naam
