import uuid

from django.db import models

from softwarebroker.catalogus.constants import VersieStatus


class Softwarepakketversie(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    softwarepakket = models.ForeignKey(
        "catalogus.Softwarepakket",
        verbose_name="softwarepakket",
        on_delete=models.PROTECT,
        related_name="versies",
    )
    versie = models.CharField("versie (semver)", max_length=100)
    releasedatum = models.DateField("releasedatum", null=True, blank=True)
    einde_ondersteuning = models.DateField("einde ondersteuning", null=True, blank=True)
    status = models.CharField(
        "status", max_length=30, choices=VersieStatus.choices, default=VersieStatus.ACTIEF
    )

    class Meta:
        verbose_name = "softwarepakketversie"
        verbose_name_plural = "softwarepakketversies"
        ordering = ("softwarepakket", "-releasedatum", "id")
        constraints = [
            models.UniqueConstraint(fields=("softwarepakket", "versie"), name="versie_uniek_per_pakket")
        ]

    def __str__(self):
        return f"{self.softwarepakket} {self.versie}"
