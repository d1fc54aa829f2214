import uuid

from django.db import models

from softwarebroker.catalogus.constants import ReferentiecomponentStatus


class Referentiecomponent(models.Model):
    """An entry of the GEMMA register of reference components, filled from GEMMA's published
    export (``manage.py importeer_referentiecomponenten``). Packages and uses name entries by
    their GEMMA URI, which is the same in every instance, so federated catalogues agree."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemma_id = models.CharField(
        "GEMMA-id",
        max_length=100,
        unique=True,
        help_text="Het id van de component in GEMMA, bv. id-a97b6545-…",
    )
    naam = models.CharField("naam", max_length=200)
    beschrijving = models.TextField("beschrijving", blank=True, max_length=20_000)
    status = models.CharField(
        "GEMMA-status",
        max_length=20,
        choices=ReferentiecomponentStatus.choices,
        default=ReferentiecomponentStatus.IN_GEBRUIK,
    )
    uri = models.URLField(
        "URI", max_length=500, unique=True, help_text="De pagina van de component op GEMMA Online."
    )
    gewijzigd_op = models.DateTimeField("gewijzigd op", auto_now=True)

    class Meta:
        verbose_name = "referentiecomponent"
        verbose_name_plural = "referentiecomponenten"
        ordering = ("naam", "id")

    def __str__(self):
        return self.naam
