import uuid

from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import DateRangeField, RangeOperators
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Func

from softwarebroker.catalogus.constants import Doelgroep, Grondslag, Periode, Prijstype


class DateRange(Func):
    function = "daterange"
    output_field = DateRangeField()


class Prijs(models.Model):
    """A price of an offer, valid for a period; volume tiers (staffels) apply per order line."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    aanbieding = models.ForeignKey(
        "catalogus.Aanbieding", verbose_name="aanbieding", on_delete=models.CASCADE, related_name="prijzen"
    )
    prijstype = models.CharField("prijstype", max_length=20, choices=Prijstype.choices)
    periode = models.CharField("periode", max_length=10, choices=Periode.choices, blank=True)
    # per_eenheid: times the line's quantity (tiers apply); per_bestelling: once per order line.
    grondslag = models.CharField(
        "grondslag", max_length=20, choices=Grondslag.choices, default=Grondslag.PER_EENHEID
    )
    bedrag_excl_btw = models.DecimalField(
        "bedrag excl. btw", max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )
    btw_percentage = models.DecimalField(
        "btw-percentage",
        max_digits=5,
        decimal_places=2,
        default=21,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    # [{"vanafAantal": 100, "bedragExclBtw": "9.50"}, ...], ascending; all units at the reached tier.
    staffels = models.JSONField("staffels", default=list, blank=True)
    doelgroep = models.CharField(
        "doelgroep", max_length=20, choices=Doelgroep.choices, default=Doelgroep.IEDEREEN
    )
    geldig_vanaf = models.DateField("geldig vanaf")
    geldig_tot = models.DateField("geldig tot", null=True, blank=True)

    class Meta:
        verbose_name = "prijs"
        verbose_name_plural = "prijzen"
        ordering = ("aanbieding", "prijstype", "geldig_vanaf", "id")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(geldig_tot__isnull=True)
                | models.Q(geldig_tot__gt=models.F("geldig_vanaf")),
                name="prijs_geldigheid",
            ),
            # At most one valid price per aanbieding + prijstype + grondslag + doelgroep on any
            # day (a one-time fee per order beside a one-time price per unit is allowed).
            ExclusionConstraint(
                name="prijs_geen_overlap",
                expressions=[
                    ("aanbieding", RangeOperators.EQUAL),
                    ("prijstype", RangeOperators.EQUAL),
                    ("grondslag", RangeOperators.EQUAL),
                    ("doelgroep", RangeOperators.EQUAL),
                    (DateRange("geldig_vanaf", "geldig_tot", models.Value("[)")), RangeOperators.OVERLAPS),
                ],
            ),
        ]

    def __str__(self):
        return f"{self.aanbieding} {self.prijstype} {self.bedrag_excl_btw}"
