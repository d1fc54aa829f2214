from django.db import models
from django.utils.dateparse import parse_date

from softwarebroker.autorisaties.encryption import EncryptedTextField

from .prijzen import PeerPrijs


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
    notificaties_authorization = EncryptedTextField(
        "Authorization van notificaties",
        blank=True,
        null=True,
        help_text="De waarde van de Authorization-header waarmee de Notificaties API van deze peer "
        "de webhook aanroept (het `auth` van het abonnement). Leeg: geen notificaties van deze peer. "
        "Versleuteld opgeslagen.",
    )

    class Meta:
        verbose_name = "peer-catalogus"
        verbose_name_plural = "peer-catalogi"
        ordering = ("naam",)

    def __str__(self):
        return self.naam


class PeerAanbieding(models.Model):
    """What this instance knows of an aanbieding in another instance's Catalogus API: the
    representation as last read, with its ETag. Order lines that name the offer point here;
    their prices are frozen in the lines at submission, so this copy may change afterwards."""

    url = models.URLField("URL", max_length=1000, unique=True)
    service = models.ForeignKey(
        "zgw_consumers.Service",
        verbose_name="service",
        on_delete=models.PROTECT,
        help_text="De Service waaronder de URL valt (authenticatie, certificaten, NLX-outway).",
    )
    gegevens = models.JSONField("gegevens", help_text="De representatie zoals de peer haar gaf.")
    etag = models.CharField("ETag", max_length=200, blank=True)
    opgehaald_op = models.DateTimeField("opgehaald op")
    verouderd = models.BooleanField(
        "verouderd",
        default=False,
        help_text="Gezet door een notificatie van de peer: bij het volgende gebruik opnieuw lezen.",
    )

    class Meta:
        verbose_name = "aanbieding van een peer"
        verbose_name_plural = "aanbiedingen van peers"
        ordering = ("url",)

    def __str__(self):
        return self.gegevens.get("naam") or self.url

    # What the order rules and the price calculation read of an aanbieding, with the names
    # the local model has. A peer's framework agreement is not this instance's: see
    # ``raamovereenkomst_url``.
    raamovereenkomst = None
    raamovereenkomst_id = None
    leverancier = None
    leverancier_id = None

    @property
    def leverancier_url(self) -> str:
        return self.gegevens["leverancier"]

    @property
    def softwarepakket_url(self) -> str:
        return self.gegevens["softwarepakket"]

    @property
    def raamovereenkomst_url(self) -> str | None:
        return self.gegevens.get("raamovereenkomst")

    @property
    def status(self) -> str:
        return self.gegevens["status"]

    @property
    def geldig_vanaf(self):
        return parse_date(self.gegevens["geldigVanaf"])

    @property
    def geldig_tot(self):
        value = self.gegevens.get("geldigTot")
        return parse_date(value) if value else None

    @property
    def licentiemodel(self) -> str:
        return self.gegevens["licentiemodel"]

    @property
    def minimale_afname(self) -> int:
        return self.gegevens["minimaleAfname"]

    @property
    def looptijd_maanden(self) -> int | None:
        return self.gegevens.get("looptijdMaanden")

    @property
    def verlenging(self) -> str:
        return self.gegevens["verlenging"]

    @property
    def bestelparameters_schema(self) -> dict:
        return self.gegevens.get("bestelparametersSchema") or {}

    def prijzen_valid_on(self, day) -> list[PeerPrijs]:
        prijzen = [PeerPrijs.from_representation(item) for item in self.gegevens.get("actuelePrijzen", [])]
        return [prijs for prijs in prijzen if prijs.valid_on(day)]
