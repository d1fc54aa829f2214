import uuid

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MinValueValidator
from django.db import models

from softwarebroker.catalogus.constants import (
    Document,
    Hostinglocatie,
    Indexering,
    Leveringsvorm,
    Licentiemodel,
    PublicatieStatus,
    Verlenging,
)

from .contractvoorwaarden import Indexeringsvoorwaarden


class Aanbieding(Indexeringsvoorwaarden):
    """An orderable offer of a software product by a supplier."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    softwarepakket = models.ForeignKey(
        "catalogus.Softwarepakket",
        verbose_name="softwarepakket",
        on_delete=models.PROTECT,
        related_name="aanbiedingen",
    )
    leverancier = models.ForeignKey(
        "catalogus.Leverancier",
        verbose_name="leverancier",
        on_delete=models.PROTECT,
        related_name="aanbiedingen",
    )
    naam = models.CharField("naam", max_length=200)
    omschrijving = models.TextField("omschrijving", blank=True)
    leveringsvorm = models.CharField("leveringsvorm", max_length=20, choices=Leveringsvorm.choices)
    hostinglocatie = models.CharField(
        "hostinglocatie", max_length=20, choices=Hostinglocatie.choices, blank=True
    )
    licentiemodel = models.CharField("licentiemodel", max_length=30, choices=Licentiemodel.choices)
    eenheid = models.CharField(
        "eenheid", max_length=50, help_text="Bijv. 'gebruiker', 'inwoner', 'organisatie'."
    )
    minimale_afname = models.PositiveIntegerField(
        "minimale afname", default=1, validators=[MinValueValidator(1)]
    )
    looptijd_maanden = models.PositiveIntegerField("looptijd (maanden)", null=True, blank=True)
    verlenging = models.CharField(
        "verlenging", max_length=20, choices=Verlenging.choices, default=Verlenging.HANDMATIG
    )
    # Contract terms (with the notice period and indexation of Indexeringsvoorwaarden), copied
    # onto a licence when it is delivered (a running contract keeps them).
    verlengingstermijn_maanden = models.PositiveIntegerField(
        "verlengingstermijn (maanden)",
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="Leeg: een verlenging duurt even lang als de looptijd.",
    )
    max_verlengingen = models.PositiveIntegerField(
        "maximaal aantal verlengingen", null=True, blank=True, help_text="Leeg: onbeperkt."
    )
    raamovereenkomst = models.ForeignKey(
        "catalogus.Raamovereenkomst",
        verbose_name="raamovereenkomst",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="aanbiedingen",
    )
    bestelparameters_schema = models.JSONField("bestelparameters (JSON Schema)", default=dict, blank=True)
    vereiste_documenten = ArrayField(
        models.CharField(max_length=30, choices=Document.choices),
        verbose_name="vereiste documenten",
        default=list,
        blank=True,
    )
    geldig_vanaf = models.DateField("geldig vanaf")
    geldig_tot = models.DateField("geldig tot", null=True, blank=True)
    status = models.CharField(
        "status", max_length=20, choices=PublicatieStatus.choices, default=PublicatieStatus.CONCEPT
    )
    zoektekst = models.TextField(editable=False, default="")
    zoekvector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = "aanbieding"
        verbose_name_plural = "aanbiedingen"
        ordering = ("naam",)
        indexes = [
            models.Index(fields=("naam", "id"), name="aanbieding_naam_id_idx"),
            models.Index(fields=("status", "geldig_vanaf"), name="aanbieding_status_idx"),
            GinIndex(fields=("zoekvector",), name="aanbieding_zoekvector_idx"),
            GinIndex(fields=("zoektekst",), name="aanbieding_trgm_idx", opclasses=("gin_trgm_ops",)),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(geldig_tot__isnull=True)
                | models.Q(geldig_tot__gt=models.F("geldig_vanaf")),
                name="aanbieding_geldigheid",
            ),
            # A fixed percentage exactly with indexering vast; a cap only with some indexation.
            models.CheckConstraint(
                condition=(
                    models.Q(indexering=Indexering.VAST) & models.Q(indexering_percentage__isnull=False)
                )
                | (~models.Q(indexering=Indexering.VAST) & models.Q(indexering_percentage__isnull=True)),
                name="aanbieding_indexering_percentage",
            ),
            models.CheckConstraint(
                condition=~models.Q(indexering=Indexering.GEEN) | models.Q(indexering_plafond__isnull=True),
                name="aanbieding_indexering_plafond",
            ),
        ]

    def __str__(self):
        return self.naam
