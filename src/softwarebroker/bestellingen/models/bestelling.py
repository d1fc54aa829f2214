import uuid

from django.core.validators import MinValueValidator
from django.db import models

from softwarebroker.bestellingen.constants import Actie, BestellingStatus, RegelStatus


class Bestelling(models.Model):
    """An order of one organisation to one supplier; its lines are part of it."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    nummer = models.CharField("nummer", max_length=20, unique=True, editable=False)
    besteller = models.ForeignKey(
        "organisaties.Organisatie",
        verbose_name="besteller",
        on_delete=models.PROTECT,
        related_name="bestellingen",
    )
    aanvrager = models.CharField("aanvrager", max_length=255, help_text="De `user_id` van wie bestelt.")
    aanvrager_weergave = models.CharField("aanvrager (naam)", max_length=255, blank=True)
    kostenplaats = models.CharField("kostenplaats", max_length=100, blank=True)
    inkoopordernummer = models.CharField("inkoopordernummer", max_length=100, blank=True)
    leverancier = models.ForeignKey(
        "catalogus.Leverancier",
        verbose_name="leverancier",
        on_delete=models.PROTECT,
        related_name="bestellingen",
        null=True,
        blank=True,
    )
    # The supplier of an order of a peer's offers lives in that peer's catalogue.
    leverancier_url = models.URLField(
        "leverancier (URL bij een peer)", max_length=1000, blank=True, default="", db_default=""
    )
    raamovereenkomst = models.ForeignKey(
        "catalogus.Raamovereenkomst",
        verbose_name="raamovereenkomst",
        on_delete=models.PROTECT,
        related_name="bestellingen",
        null=True,
        blank=True,
    )
    gewenste_ingangsdatum = models.DateField("gewenste ingangsdatum", null=True, blank=True)
    status = models.CharField(
        "status", max_length=30, choices=BestellingStatus.choices, default=BestellingStatus.CONCEPT
    )
    # Where a cancellation request came from, to go back when it is refused.
    status_voor_annulering = models.CharField(max_length=30, choices=BestellingStatus.choices, blank=True)
    totaal_eenmalig_excl_btw = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    totaal_per_jaar_excl_btw = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    totaal_btw = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    # What the order calls off from its framework agreement, fixed at submission: one-time costs
    # plus the recurring costs over the offers' full term, renewals included.
    afroepwaarde_excl_btw = models.DecimalField(max_digits=16, decimal_places=2, default=0)
    ingediend_op = models.DateTimeField("ingediend op", null=True, blank=True)
    # When the supplier received it (approved): from then on the supplier sees the order.
    verzonden_op = models.DateTimeField("verzonden naar de leverancier op", null=True, blank=True)
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)
    gewijzigd_op = models.DateTimeField("gewijzigd op", auto_now=True)
    # Raised by every change; the ETag of the order.
    versie = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = "bestelling"
        verbose_name_plural = "bestellingen"
        ordering = ("-aangemaakt_op", "-id")
        indexes = [
            models.Index(fields=("besteller", "-aangemaakt_op", "-id"), name="bestelling_besteller_idx"),
            models.Index(fields=("leverancier", "-aangemaakt_op", "-id"), name="bestelling_leverancier_idx"),
            models.Index(fields=("-aangemaakt_op", "-id"), name="bestelling_aangemaakt_idx"),
            models.Index(fields=("status",), name="bestelling_status_idx"),
            # Orders of peers' offers, found by their supplier's URL (the filter ORs it with
            # the local supplier, so both sides need an index).
            models.Index(
                fields=("leverancier_url",),
                name="bestelling_leverancier_url_idx",
                condition=~models.Q(leverancier_url=""),
            ),
        ]

    def __str__(self):
        return self.nummer


class Bestelregel(models.Model):
    """One line of an order: an offer, a quantity, what to do with a licence, its price."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    bestelling = models.ForeignKey(
        Bestelling, verbose_name="bestelling", on_delete=models.CASCADE, related_name="regels"
    )
    volgnummer = models.PositiveIntegerField("volgnummer")
    # A line names an offer of this instance's catalogue or one of a peer's (exactly one).
    aanbieding = models.ForeignKey(
        "catalogus.Aanbieding",
        verbose_name="aanbieding",
        on_delete=models.PROTECT,
        related_name="bestelregels",
        null=True,
        blank=True,
    )
    peer_aanbieding = models.ForeignKey(
        "federatie.PeerAanbieding",
        verbose_name="aanbieding van een peer",
        on_delete=models.PROTECT,
        related_name="bestelregels",
        null=True,
        blank=True,
    )
    aantal = models.PositiveIntegerField("aantal", validators=[MinValueValidator(1)])
    actie = models.CharField("actie", max_length=20, choices=Actie.choices, default=Actie.NIEUW)
    licentie = models.ForeignKey(
        "bestellingen.Licentie",
        verbose_name="licentie",
        on_delete=models.PROTECT,
        related_name="wijzigingsregels",
        null=True,
        blank=True,
    )
    bestelparameters = models.JSONField("bestelparameters", default=dict, blank=True)
    # The prices and tiers applied, frozen when the order is submitted.
    prijs_momentopname = models.JSONField("prijsmomentopname", null=True, blank=True)
    # The declarations covering the offer, frozen with the prices (null for a peer's offer).
    verklaringen_momentopname = models.JSONField("verklaringenmomentopname", null=True, blank=True)
    bedrag_eenmalig_excl_btw = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    bedrag_per_jaar_excl_btw = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    btw = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    status = models.CharField("status", max_length=20, choices=RegelStatus.choices, default=RegelStatus.OPEN)

    class Meta:
        verbose_name = "bestelregel"
        verbose_name_plural = "bestelregels"
        ordering = ("bestelling", "volgnummer")
        constraints = [
            models.UniqueConstraint(fields=("bestelling", "volgnummer"), name="bestelregel_volgnummer_uniek"),
            models.CheckConstraint(
                condition=models.Q(aanbieding__isnull=True) ^ models.Q(peer_aanbieding__isnull=True),
                name="bestelregel_een_aanbieding",
            ),
        ]

    def __str__(self):
        return f"{self.bestelling_id}/{self.volgnummer}"

    @property
    def bron_aanbieding(self):
        """The offer of the line, local or a peer's."""
        return self.aanbieding if self.aanbieding_id else self.peer_aanbieding


class Nummerreeks(models.Model):
    """The basis of a year's order numbers: a number is a value of the sequence
    ``bestellingen_nummer_seq`` minus this (see ``services/nummers.py``). Written once, with the
    year's first number, and never changed."""

    jaar = models.PositiveIntegerField(primary_key=True)
    basis = models.BigIntegerField()

    class Meta:
        verbose_name = "nummerreeks"
        verbose_name_plural = "nummerreeksen"

    def __str__(self):
        return f"{self.jaar}: {self.basis}"
