import uuid

from django.db import models

from softwarebroker.autorisaties.encryption import EncryptedTextField
from softwarebroker.bestellingen.constants import LeveringType, LicentieStatus


class Levering(models.Model):
    """The delivery of one order line; its secret (e.g. a licence key) is encrypted at rest."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    bestelling = models.ForeignKey(
        "bestellingen.Bestelling", on_delete=models.CASCADE, related_name="leveringen"
    )
    regel = models.OneToOneField(
        "bestellingen.Bestelregel", on_delete=models.PROTECT, related_name="levering"
    )
    type = models.CharField("type", max_length=20, choices=LeveringType.choices)
    geleverd_op = models.DateTimeField("geleverd op", auto_now_add=True)
    verwijzing = models.CharField("verwijzing", max_length=500, blank=True)
    geheim = EncryptedTextField("geheim", blank=True, null=True)

    class Meta:
        verbose_name = "levering"
        verbose_name_plural = "leveringen"
        ordering = ("bestelling", "geleverd_op", "id")

    def __str__(self):
        return f"{self.type} ({self.geleverd_op:%Y-%m-%d})"


class Licentie(models.Model):
    """An entitlement an organisation holds, created and changed by delivered order lines."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisatie = models.ForeignKey(
        "organisaties.Organisatie", on_delete=models.PROTECT, related_name="licenties"
    )
    # The offer the licence was bought with: local or a peer's (exactly one).
    aanbieding = models.ForeignKey(
        "catalogus.Aanbieding", on_delete=models.PROTECT, related_name="licenties", null=True, blank=True
    )
    peer_aanbieding = models.ForeignKey(
        "federatie.PeerAanbieding", on_delete=models.PROTECT, related_name="licenties", null=True, blank=True
    )
    softwarepakketversie = models.ForeignKey(
        "catalogus.Softwarepakketversie",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="licenties",
    )
    aantal = models.PositiveIntegerField("aantal")
    ingangsdatum = models.DateField("ingangsdatum")
    einddatum = models.DateField("einddatum", null=True, blank=True)
    automatisch_verlengen = models.BooleanField("automatisch verlengen", default=False)
    opzegtermijn_dagen = models.PositiveIntegerField("opzegtermijn (dagen)", default=0)
    status = models.CharField(
        "status", max_length=20, choices=LicentieStatus.choices, default=LicentieStatus.ACTIEF
    )
    # When the start of the licence's notice period was announced (once).
    opzegtermijn_gemeld_op = models.DateTimeField("opzegtermijn gemeld op", null=True, blank=True)
    bronregels = models.ManyToManyField("bestellingen.Bestelregel", related_name="licenties", blank=True)

    class Meta:
        verbose_name = "licentie"
        verbose_name_plural = "licenties"
        ordering = ("organisatie", "-ingangsdatum", "id")
        indexes = [models.Index(fields=("status", "einddatum"), name="licentie_status_einde_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(aanbieding__isnull=True) ^ models.Q(peer_aanbieding__isnull=True),
                name="licentie_een_aanbieding",
            ),
        ]

    def __str__(self):
        return f"{self.aanbieding_id or self.peer_aanbieding_id} x {self.aantal} ({self.status})"

    @property
    def bron_aanbieding(self):
        return self.aanbieding if self.aanbieding_id else self.peer_aanbieding
