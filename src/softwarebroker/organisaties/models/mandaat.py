from django.core.validators import MinValueValidator
from django.db import models


class Mandaat(models.Model):
    """How much a budget holder (a person, by user id) may approve for an organisation."""

    organisatie = models.ForeignKey(
        "organisaties.Organisatie",
        on_delete=models.CASCADE,
        related_name="mandaten",
        verbose_name="organisatie",
    )
    gebruikers_id = models.CharField(
        "gebruikers-id", max_length=255, help_text="De `user_id` uit het token van de budgethouder."
    )
    gebruikers_weergave = models.CharField("naam", max_length=255, blank=True)
    maximum_bedrag = models.DecimalField(
        "maximumbedrag (excl. btw)",
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(0)],
        help_text="Het hoogste totaalbedrag van een bestelling dat deze persoon mag goedkeuren.",
    )

    class Meta:
        verbose_name = "mandaat"
        verbose_name_plural = "mandaten"
        ordering = ("organisatie", "gebruikers_id")
        constraints = [
            models.UniqueConstraint(fields=("organisatie", "gebruikers_id"), name="mandaat_uniek_per_persoon")
        ]

    def __str__(self):
        return f"{self.gebruikers_weergave or self.gebruikers_id}: {self.maximum_bedrag}"
