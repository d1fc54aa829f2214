from django.db import models


class Zoekwoord(models.Model):
    """A word of the catalogue's names (``zoektekst``: products, offers, suppliers, categories):
    letters only, 3 to 30 of them, lower case. The vocabulary the search corrects typos against
    (``catalogus.search``); kept by the same SQL that refreshes the search columns."""

    woord = models.TextField("woord", primary_key=True)

    class Meta:
        verbose_name = "zoekwoord"
        verbose_name_plural = "zoekwoorden"

    def __str__(self):
        return self.woord
