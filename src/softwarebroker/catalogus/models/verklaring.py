import uuid

from django.core.files.storage import storages
from django.db import models

from softwarebroker.catalogus.constants import Document, VerklaringStatus, Vertrouwelijkheid


def private_storage():
    """Private media: never served from a public path (documents are streamed by the API)."""
    return storages["privates"]


class Verklaring(models.Model):
    """Compliance evidence of a supplier, package, package version or offer (exactly one, the
    ``onderwerp``): a processor agreement, a DPIA, a certificate, a pentest, a standard met.
    Made and submitted by the supplier, reviewed by the broker. The evidence is a URL or an
    uploaded PDF kept in private media."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    leverancier = models.ForeignKey(
        "catalogus.Leverancier", on_delete=models.CASCADE, related_name="verklaringen", null=True, blank=True
    )
    softwarepakket = models.ForeignKey(
        "catalogus.Softwarepakket",
        on_delete=models.CASCADE,
        related_name="verklaringen",
        null=True,
        blank=True,
    )
    softwarepakketversie = models.ForeignKey(
        "catalogus.Softwarepakketversie",
        on_delete=models.CASCADE,
        related_name="verklaringen",
        null=True,
        blank=True,
    )
    aanbieding = models.ForeignKey(
        "catalogus.Aanbieding", on_delete=models.CASCADE, related_name="verklaringen", null=True, blank=True
    )
    # The supplier whose declaration it is (of the onderwerp: the supplier itself, the
    # package's manufacturer, the offer's supplier): who may change and submit it.
    eigenaar = models.ForeignKey(
        "catalogus.Leverancier", on_delete=models.PROTECT, related_name="eigen_verklaringen"
    )
    type = models.CharField("type", max_length=30, choices=Document.choices)
    standaard = models.CharField(
        "standaard", max_length=1000, blank=True, help_text="Bij type standaard: URL of id van de standaard."
    )
    standaard_versie = models.CharField("versie van de standaard", max_length=50, blank=True)
    omschrijving = models.TextField("omschrijving", blank=True, max_length=10_000)
    geldig_vanaf = models.DateField("geldig vanaf")
    geldig_tot = models.DateField("geldig tot", null=True, blank=True)
    status = models.CharField(
        "status", max_length=20, choices=VerklaringStatus.choices, default=VerklaringStatus.CONCEPT
    )
    vertrouwelijkheid = models.CharField(
        "vertrouwelijkheid",
        max_length=20,
        choices=Vertrouwelijkheid.choices,
        default=Vertrouwelijkheid.OPENBAAR,
    )
    bewijs_url = models.URLField("bewijs (URL)", max_length=1000, blank=True)
    document = models.FileField(
        "document", upload_to="verklaringen/%Y/%m/", storage=private_storage, blank=True
    )
    document_naam = models.CharField(max_length=255, blank=True)
    document_grootte = models.PositiveIntegerField(null=True, blank=True)
    document_sha256 = models.CharField(max_length=64, blank=True)
    beoordelaar = models.CharField("beoordeeld door", max_length=255, blank=True)
    beoordelaar_weergave = models.CharField("beoordeeld door (naam)", max_length=255, blank=True)
    beoordeeld_op = models.DateTimeField("beoordeeld op", null=True, blank=True)
    beoordeling_toelichting = models.TextField(
        "toelichting bij de beoordeling", blank=True, max_length=10_000
    )
    # The nightly job: when the supplier was told of the coming expiry, and when it expired.
    verloop_gemeld_op = models.DateField(null=True, blank=True)
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)
    gewijzigd_op = models.DateTimeField("gewijzigd op", auto_now=True)
    versie = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = "verklaring"
        verbose_name_plural = "verklaringen"
        ordering = ("-aangemaakt_op", "-id")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(
                        leverancier__isnull=False,
                        softwarepakket__isnull=True,
                        softwarepakketversie__isnull=True,
                        aanbieding__isnull=True,
                    )
                    | models.Q(
                        leverancier__isnull=True,
                        softwarepakket__isnull=False,
                        softwarepakketversie__isnull=True,
                        aanbieding__isnull=True,
                    )
                    | models.Q(
                        leverancier__isnull=True,
                        softwarepakket__isnull=True,
                        softwarepakketversie__isnull=False,
                        aanbieding__isnull=True,
                    )
                    | models.Q(
                        leverancier__isnull=True,
                        softwarepakket__isnull=True,
                        softwarepakketversie__isnull=True,
                        aanbieding__isnull=False,
                    )
                ),
                name="verklaring_een_onderwerp",
            ),
            models.CheckConstraint(
                condition=models.Q(geldig_tot__isnull=True)
                | models.Q(geldig_tot__gte=models.F("geldig_vanaf")),
                name="verklaring_geldigheid",
            ),
        ]
        indexes = [
            # The valid approved declarations of a type, per level (the gate and the offer's
            # computed fields look them up by subject and type). The validity is included, so
            # ``volledigVerklaard`` probes them without reading the table (index-only scans).
            models.Index(
                fields=("aanbieding", "type"),
                name="verklaring_aanbieding_idx",
                include=("geldig_vanaf", "geldig_tot"),
                condition=models.Q(status="goedgekeurd"),
            ),
            models.Index(
                fields=("softwarepakket", "type"),
                name="verklaring_pakket_idx",
                include=("geldig_vanaf", "geldig_tot"),
                condition=models.Q(status="goedgekeurd"),
            ),
            models.Index(
                fields=("leverancier", "type"),
                name="verklaring_leverancier_idx",
                include=("geldig_vanaf", "geldig_tot"),
                condition=models.Q(status="goedgekeurd"),
            ),
            models.Index(fields=("status", "geldig_tot"), name="verklaring_verloop_idx"),
            models.Index(fields=("eigenaar", "-aangemaakt_op"), name="verklaring_eigenaar_idx"),
        ]

    def __str__(self):
        return f"{self.get_type_display()} ({self.status})"

    @property
    def onderwerp(self):
        return self.aanbieding or self.softwarepakketversie or self.softwarepakket or self.leverancier
