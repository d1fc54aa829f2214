import uuid

from django.core.validators import MinValueValidator, RegexValidator
from django.db import models


class OrganisatieType(models.TextChoices):
    GEMEENTE = "gemeente", "Gemeente"
    SAMENWERKINGSVERBAND = "samenwerkingsverband", "Samenwerkingsverband"
    DEELNEMING = "deelneming", "Gemeentelijke deelneming"
    PROVINCIE = "provincie", "Provincie"
    WATERSCHAP = "waterschap", "Waterschap"
    OVERIG = "overig", "Overig"


oin_validator = RegexValidator(r"^[0-9]{20}$", "Een OIN bestaat uit precies 20 cijfers.", code="oin")
gemeentecode_validator = RegexValidator(
    r"^[0-9]{4}$", "Een CBS-gemeentecode bestaat uit precies 4 cijfers.", code="gemeentecode"
)


class Organisatie(models.Model):
    """A tenant: a municipality or affiliated body that orders software."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    oin = models.CharField(
        "OIN",
        max_length=20,
        unique=True,
        validators=[oin_validator],
        help_text="Organisatie-identificatienummer (20 cijfers).",
    )
    naam = models.CharField("naam", max_length=200)
    type = models.CharField("type", max_length=30, choices=OrganisatieType.choices)
    gemeentecode = models.CharField(
        "gemeentecode",
        max_length=4,
        blank=True,
        validators=[gemeentecode_validator],
        help_text="CBS-gemeentecode (4 cijfers), alleen voor gemeenten.",
    )
    inwonertal = models.PositiveIntegerField(
        "inwonertal",
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text="Aantal inwoners; bepaalt het aantal bij prijzen per inwoner.",
    )
    deelnemers = models.ManyToManyField(
        "self",
        verbose_name="deelnemers",
        symmetrical=False,
        blank=True,
        related_name="samenwerkingsverbanden",
        help_text="De deelnemende organisaties van een samenwerkingsverband.",
    )

    class Meta:
        verbose_name = "organisatie"
        verbose_name_plural = "organisaties"
        ordering = ("naam",)

    def __str__(self):
        return f"{self.naam} ({self.oin})"
