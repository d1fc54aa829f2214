import uuid

from django.contrib.postgres.fields import ArrayField
from django.core.validators import RegexValidator
from django.db import models

from softwarebroker.catalogus.constants import Ernst

CVE_ID = RegexValidator(r"^CVE-\d{4}-\d{4,19}$", "Een CVE-id heeft de vorm CVE-2026-12345.", code="invalid")


class Kwetsbaarheid(models.Model):
    """A published vulnerability of one version. Publishing it alerts exactly the organisations
    that use that version (see softwarebroker.gebruik)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    softwarepakketversie = models.ForeignKey(
        "catalogus.Softwarepakketversie",
        verbose_name="softwarepakketversie",
        on_delete=models.PROTECT,
        related_name="kwetsbaarheden",
    )
    cve_id = models.CharField("CVE-id", max_length=30, validators=[CVE_ID])
    titel = models.CharField("titel", max_length=200)
    beschrijving = models.TextField("beschrijving", blank=True, max_length=20_000)
    ernst = models.CharField("ernst", max_length=20, choices=Ernst.choices)
    opgelost_in = models.CharField(
        "opgelost in", max_length=100, blank=True, help_text="De versie waarin de kwetsbaarheid is opgelost."
    )
    referenties = ArrayField(
        models.URLField(max_length=500), verbose_name="referenties", default=list, blank=True
    )
    gepubliceerd_op = models.DateTimeField("gepubliceerd op", auto_now_add=True)
    gewijzigd_op = models.DateTimeField("gewijzigd op", auto_now=True)

    class Meta:
        verbose_name = "kwetsbaarheid"
        verbose_name_plural = "kwetsbaarheden"
        ordering = ("-gepubliceerd_op", "id")
        constraints = [
            models.UniqueConstraint(
                fields=("softwarepakketversie", "cve_id"), name="kwetsbaarheid_uniek_per_versie"
            )
        ]

    def __str__(self):
        return f"{self.cve_id} in {self.softwarepakketversie}"
