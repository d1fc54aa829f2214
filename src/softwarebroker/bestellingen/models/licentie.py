import uuid

from django.core.validators import MinValueValidator
from django.db import models

from softwarebroker.bestellingen.constants import LicentieBron, LicentieStatus
from softwarebroker.catalogus.models.contractvoorwaarden import Indexeringsvoorwaarden


class Licentie(Indexeringsvoorwaarden):
    """An entitlement an organisation holds: delivered through the broker (created and changed by
    order lines) or bought elsewhere and registered (bron ``extern``)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisatie = models.ForeignKey(
        "organisaties.Organisatie", on_delete=models.PROTECT, related_name="licenties"
    )
    bron = models.CharField("bron", max_length=10, choices=LicentieBron.choices, default=LicentieBron.BROKER)
    # The offer the licence was bought with: local or a peer's (exactly one for bron broker; an
    # external licence may name a local offer or none).
    aanbieding = models.ForeignKey(
        "catalogus.Aanbieding", on_delete=models.PROTECT, related_name="licenties", null=True, blank=True
    )
    peer_aanbieding = models.ForeignKey(
        "federatie.PeerAanbieding", on_delete=models.PROTECT, related_name="licenties", null=True, blank=True
    )
    # Supplier and package: references when known, free text otherwise (external licences).
    leverancier = models.ForeignKey(
        "catalogus.Leverancier", on_delete=models.PROTECT, related_name="licenties", null=True, blank=True
    )
    leverancier_naam = models.CharField("leverancier (naam)", max_length=200, blank=True)
    softwarepakket = models.ForeignKey(
        "catalogus.Softwarepakket", on_delete=models.PROTECT, related_name="licenties", null=True, blank=True
    )
    softwarepakket_naam = models.CharField("softwarepakket (naam)", max_length=200, blank=True)
    softwarepakketversie = models.ForeignKey(
        "catalogus.Softwarepakketversie",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="licenties",
    )
    contractnummer = models.CharField("contractnummer", max_length=100, blank=True)
    kostenplaats = models.CharField("kostenplaats", max_length=100, blank=True)
    aantal = models.PositiveIntegerField("aantal")
    bedrag_eenmalig_excl_btw = models.DecimalField(
        "eenmalig bedrag excl. btw",
        max_digits=14,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
    )
    bedrag_per_jaar_excl_btw = models.DecimalField(
        "bedrag per jaar excl. btw",
        max_digits=14,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
    )
    ingangsdatum = models.DateField("ingangsdatum")
    einddatum = models.DateField("einddatum", null=True, blank=True)
    automatisch_verlengen = models.BooleanField("automatisch verlengen", default=False)
    # Contract terms (with those of Indexeringsvoorwaarden), copied from the offer at delivery
    # (later offer changes leave them alone).
    looptijd_maanden = models.PositiveIntegerField("looptijd (maanden)", null=True, blank=True)
    verlengingstermijn_maanden = models.PositiveIntegerField(
        "verlengingstermijn (maanden)", null=True, blank=True, validators=[MinValueValidator(1)]
    )
    max_verlengingen = models.PositiveIntegerField("maximaal aantal verlengingen", null=True, blank=True)
    aantal_verlengingen = models.PositiveIntegerField("aantal verlengingen", default=0)
    # Set when a renewal's price rose more than the contract's cap allows.
    indexering_boven_plafond = models.BooleanField("indexering boven plafond", default=False)
    # Derived from the dates and terms and stored (the nightly job and reminders query them):
    # the last day to cancel before the current end date, and the latest end date the contract
    # allows (null: no fixed end, or renewals without limit).
    opzegdatum = models.DateField("opzegdatum", null=True, blank=True)
    uiterste_einddatum = models.DateField("uiterste einddatum", null=True, blank=True)
    opgezegd_op = models.DateTimeField("opgezegd op", null=True, blank=True)
    status = models.CharField(
        "status", max_length=20, choices=LicentieStatus.choices, default=LicentieStatus.ACTIEF
    )
    bronregels = models.ManyToManyField("bestellingen.Bestelregel", related_name="licenties", blank=True)

    class Meta:
        verbose_name = "licentie"
        verbose_name_plural = "licenties"
        ordering = ("organisatie", "-ingangsdatum", "id")
        indexes = [
            models.Index(fields=("status", "einddatum"), name="licentie_status_einde_idx"),
            models.Index(fields=("status", "opzegdatum"), name="licentie_status_opzeg_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(bron=LicentieBron.BROKER)
                    & (models.Q(aanbieding__isnull=True) ^ models.Q(peer_aanbieding__isnull=True))
                )
                | (
                    models.Q(bron=LicentieBron.EXTERN)
                    & ~(models.Q(aanbieding__isnull=False) & models.Q(peer_aanbieding__isnull=False))
                ),
                name="licentie_een_aanbieding",
            ),
            models.CheckConstraint(
                condition=models.Q(einddatum__isnull=True)
                | models.Q(einddatum__gte=models.F("ingangsdatum")),
                name="licentie_einde_na_ingang",
            ),
        ]

    def __str__(self):
        wat = (
            self.aanbieding_id
            or self.peer_aanbieding_id
            or self.softwarepakket_naam
            or self.softwarepakket_id
        )
        return f"{wat} x {self.aantal} ({self.status})"

    @property
    def bron_aanbieding(self):
        return self.aanbieding if self.aanbieding_id else self.peer_aanbieding


class LicentieHerinnering(models.Model):
    """A reminder sent before a licence's opzegdatum: one per stage (days before) per contract
    period (the period's end date), so it is never sent twice and a renewal re-arms it."""

    licentie = models.ForeignKey(Licentie, on_delete=models.CASCADE, related_name="herinneringen")
    einddatum = models.DateField("einddatum van de periode")
    dagen = models.PositiveIntegerField("dagen voor de opzegdatum")
    verzonden_op = models.DateTimeField("verzonden op", auto_now_add=True)
    # A stage that had already passed when a more urgent one was due (a licence registered
    # late): recorded so it is never sent, without a notification of its own.
    overgeslagen = models.BooleanField("overgeslagen", default=False)

    class Meta:
        verbose_name = "licentieherinnering"
        verbose_name_plural = "licentieherinneringen"
        ordering = ("licentie", "einddatum", "-dagen")
        constraints = [
            models.UniqueConstraint(fields=("licentie", "einddatum", "dagen"), name="herinnering_eenmaal"),
        ]

    def __str__(self):
        return f"{self.licentie_id}: {self.dagen} dagen voor {self.einddatum}"
