import uuid

from django.db import models


class Categorie(models.Model):
    """A node in the small tree that groups software (e.g. "Zaakgericht werken")."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    naam = models.CharField("naam", max_length=100)
    omschrijving = models.TextField("omschrijving", blank=True)
    bovenliggende_categorie = models.ForeignKey(
        "self",
        verbose_name="bovenliggende categorie",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="subcategorieen",
        help_text="De categorie waaronder deze valt; leeg voor een hoofdcategorie.",
    )

    class Meta:
        verbose_name = "categorie"
        verbose_name_plural = "categorieën"
        ordering = ("naam",)
        # Lists sort by name (then id, for stable pages) by default.
        indexes = [models.Index(fields=("naam", "id"), name="categorie_naam_id_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=("bovenliggende_categorie", "naam"),
                name="categorie_naam_uniek_per_niveau",
                nulls_distinct=False,
            )
        ]

    def __str__(self):
        return self.naam

    def ancestors(self):
        """The chain of parents, nearest first."""
        node, seen = self.bovenliggende_categorie, []
        while node is not None and node not in seen:
            seen.append(node)
            node = node.bovenliggende_categorie
        return seen
