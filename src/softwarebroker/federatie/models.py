from django.db import models


class PeerCatalogus(models.Model):
    """The Catalogus API of another Open Softwarebroker instance, reached through a zgw-consumers
    Service (authentication, certificates, timeout and NLX outway come from the Service)."""

    naam = models.CharField(
        "naam", max_length=100, unique=True, help_text="Komt als `bron` in zoekresultaten."
    )
    service = models.ForeignKey(
        "zgw_consumers.Service",
        verbose_name="service",
        on_delete=models.PROTECT,
        help_text="De Catalogus API van de andere instantie (API-root eindigend op /catalogus/api/v1/).",
    )
    actief = models.BooleanField("actief", default=True)

    class Meta:
        verbose_name = "peer-catalogus"
        verbose_name_plural = "peer-catalogi"
        ordering = ("naam",)

    def __str__(self):
        return self.naam
