"""The summary the price statistics read: one observed price per counted order line or
registered licence, kept in step with orders and licences by
:mod:`softwarebroker.rapportages.services.prijswaarnemingen` (its only writer), in the
transaction of their change."""

from __future__ import annotations

from django.db import models

from softwarebroker.bestellingen.constants import LicentieBron


class Prijswaarneming(models.Model):
    """What one organisation paid per unit per year for a package: from an order line once the
    order is submitted (``bron`` broker), or from a licence bought elsewhere and registered with
    its amounts (``bron`` extern)."""

    organisatie = models.ForeignKey(
        "organisaties.Organisatie", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    softwarepakket = models.ForeignKey(
        "catalogus.Softwarepakket", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    # Null for a licence registered without an offer of this catalogue.
    aanbieding = models.ForeignKey(
        "catalogus.Aanbieding", on_delete=models.CASCADE, related_name="+", null=True, db_index=False
    )
    bron = models.CharField(max_length=10, choices=LicentieBron.choices)
    bestelregel = models.OneToOneField(
        "bestellingen.Bestelregel", on_delete=models.CASCADE, related_name="+", null=True
    )
    licentie = models.OneToOneField(
        "bestellingen.Licentie", on_delete=models.CASCADE, related_name="+", null=True
    )
    # The offer's, copied when observed (empty without an offer).
    licentiemodel = models.CharField(max_length=30, blank=True)
    eenheid = models.CharField(max_length=50, blank=True)
    aantal = models.PositiveIntegerField()
    # The first day of the quarter of the order's submission or the licence's start.
    kwartaal = models.DateField()
    # Per unit per year, excl. btw; one-time costs spread over the full term (unrounded: the
    # answer rounds to cents).
    prijs = models.DecimalField(max_digits=28, decimal_places=10)

    class Meta:
        verbose_name = "prijswaarneming"
        verbose_name_plural = "prijswaarnemingen"
        indexes = [
            # One package's period read by an index-only scan: every column the statistics read.
            models.Index(
                fields=("softwarepakket", "kwartaal"),
                include=("organisatie", "aanbieding", "licentiemodel", "eenheid", "aantal", "prijs"),
                name="prijswaarneming_pakket_idx",
            ),
            models.Index(fields=("kwartaal",), name="prijswaarneming_kwartaal_idx"),
        ]
        constraints = [
            # At most one source (the service always names one; the benchmark's bulk rows none).
            models.CheckConstraint(
                condition=models.Q(bestelregel__isnull=True) | models.Q(licentie__isnull=True),
                name="prijswaarneming_een_bron",
            ),
        ]

    def __str__(self):
        return f"{self.softwarepakket_id} {self.kwartaal}: {self.prijs}"
