import uuid

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models

from softwarebroker.catalogus.constants import PublicatieStatus, SoftwareType


class Softwarepakket(models.Model):
    """A software product, independent of who sells it (aligned with publiccode.yml)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    naam = models.CharField("naam", max_length=200)
    korte_omschrijving = models.CharField("korte omschrijving", max_length=150, blank=True)
    omschrijving = models.TextField("omschrijving", blank=True)
    fabrikant = models.ForeignKey(
        "catalogus.Leverancier",
        verbose_name="fabrikant",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="softwarepakketten",
    )
    categorieen = models.ManyToManyField("catalogus.Categorie", verbose_name="categorieën", blank=True)
    referentiecomponenten = ArrayField(
        models.URLField(max_length=500), verbose_name="GEMMA-referentiecomponenten", default=list, blank=True
    )
    standaarden = ArrayField(
        models.CharField(max_length=100), verbose_name="standaarden", default=list, blank=True
    )
    software_type = models.CharField(
        "softwaretype", max_length=30, choices=SoftwareType.choices, default=SoftwareType.STANDALONE_WEB
    )
    platforms = ArrayField(
        models.CharField(max_length=30), verbose_name="platforms", default=list, blank=True
    )
    open_source = models.BooleanField("open source", default=False)
    licentie = models.CharField("licentie (SPDX)", max_length=200, blank=True)
    repository_url = models.URLField("repository-URL", max_length=500, blank=True)
    website = models.URLField("website", max_length=500, blank=True)
    documentatie_url = models.URLField("documentatie-URL", max_length=500, blank=True)
    status = models.CharField(
        "status", max_length=20, choices=PublicatieStatus.choices, default=PublicatieStatus.CONCEPT
    )
    # Search: maintained by the services (names, descriptions, supplier, categories).
    zoektekst = models.TextField(editable=False, default="")
    zoekvector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = "softwarepakket"
        verbose_name_plural = "softwarepakketten"
        ordering = ("naam",)
        indexes = [
            models.Index(fields=("naam", "id"), name="softwarepakket_naam_id_idx"),
            GinIndex(fields=("zoekvector",), name="softwarepakket_zoekvector_idx"),
            GinIndex(fields=("zoektekst",), name="softwarepakket_trgm_idx", opclasses=("gin_trgm_ops",)),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=("repository_url",),
                condition=~models.Q(repository_url=""),
                name="softwarepakket_repository_uniek",
            )
        ]

    def __str__(self):
        return self.naam
