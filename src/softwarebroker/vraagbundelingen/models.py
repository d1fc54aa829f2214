import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from .constants import ACTIEF, DeelnameStatus, VraagbundelingStatus

MAX_AANTAL = 2_147_483_647


class Vraagbundeling(models.Model):
    """A joint purchase round: organisations state how much of one offer they need; the pooled
    quantity decides the tier, and the award makes one order per approved participant."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    aanbieding = models.ForeignKey(
        "catalogus.Aanbieding",
        verbose_name="aanbieding",
        on_delete=models.PROTECT,
        related_name="vraagbundelingen",
    )
    initiatiefnemer = models.ForeignKey(
        "organisaties.Organisatie",
        verbose_name="initiatiefnemer",
        on_delete=models.PROTECT,
        related_name="geopende_vraagbundelingen",
    )
    naam = models.CharField("naam", max_length=200)
    toelichting = models.TextField("toelichting", blank=True, max_length=10_000)
    sluitingsdatum = models.DateField(
        "sluitingsdatum", help_text="Op deze dag sluit de ronde; aanmelden en wijzigen kan tot die dag."
    )
    minimum_aantal = models.PositiveIntegerField(
        "minimumaantal",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_AANTAL)],
        help_text="Onder dit gebundelde aantal wordt de ronde bij het sluiten geannuleerd.",
    )
    geschatte_looptijd_maanden = models.PositiveIntegerField(
        "geschatte looptijd (maanden)",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(600)],
        help_text="Leeg: de volledige looptijd van de aanbieding, verlengingen meegeteld.",
    )
    status = models.CharField(
        "status", max_length=20, choices=VraagbundelingStatus.choices, default=VraagbundelingStatus.OPEN
    )
    # Fixed at closing: the price per unit the pooled quantity reached, its tier, the quantity
    # and the pooled estimated value over the full term.
    eenheidsprijs = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    bereikte_staffel = models.PositiveIntegerField(null=True, blank=True)
    gebundeld_aantal = models.PositiveBigIntegerField(null=True, blank=True)
    geschatte_waarde = models.DecimalField(max_digits=18, decimal_places=2, null=True, blank=True)
    prijsdatum = models.DateField("prijzen van", null=True, blank=True)
    gesloten_op = models.DateTimeField("gesloten op", null=True, blank=True)
    gegund_op = models.DateTimeField("gegund op", null=True, blank=True)
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)
    gewijzigd_op = models.DateTimeField("gewijzigd op", auto_now=True)
    versie = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = "vraagbundeling"
        verbose_name_plural = "vraagbundelingen"
        ordering = ("-aangemaakt_op", "-id")
        indexes = [
            models.Index(fields=("-aangemaakt_op", "-id"), name="vraagbundeling_aangemaakt_idx"),
            models.Index(fields=("status", "sluitingsdatum"), name="vraagbundeling_sluiten_idx"),
        ]

    def __str__(self):
        return self.naam


class Deelname(models.Model):
    """One organisation's part in a round: how many units, at most which price per unit."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    vraagbundeling = models.ForeignKey(
        Vraagbundeling, verbose_name="vraagbundeling", on_delete=models.CASCADE, related_name="deelnames"
    )
    organisatie = models.ForeignKey(
        "organisaties.Organisatie",
        verbose_name="organisatie",
        on_delete=models.PROTECT,
        related_name="deelnames",
    )
    aantal = models.PositiveIntegerField(
        "aantal", validators=[MinValueValidator(1), MaxValueValidator(MAX_AANTAL)]
    )
    max_eenheidsprijs = models.DecimalField(
        "maximale eenheidsprijs (excl. btw)", max_digits=14, decimal_places=2, null=True, blank=True
    )
    bestelparameters = models.JSONField("bestelparameters", default=dict, blank=True)
    kostenplaats = models.CharField("kostenplaats", max_length=100, blank=True)
    status = models.CharField(
        "status", max_length=20, choices=DeelnameStatus.choices, default=DeelnameStatus.AANGEMELD
    )
    aanvrager = models.CharField("aanvrager", max_length=255, help_text="De `user_id` van wie aanmeldde.")
    aanvrager_weergave = models.CharField("aanvrager (naam)", max_length=255, blank=True)
    beoordelaar = models.CharField("goedgekeurd door", max_length=255, blank=True)
    beoordelaar_weergave = models.CharField("goedgekeurd door (naam)", max_length=255, blank=True)
    goedgekeurd_op = models.DateTimeField("goedgekeurd op", null=True, blank=True)
    bestelling = models.OneToOneField(
        "bestellingen.Bestelling",
        verbose_name="bestelling",
        on_delete=models.PROTECT,
        related_name="deelname",
        null=True,
        blank=True,
    )
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)
    gewijzigd_op = models.DateTimeField("gewijzigd op", auto_now=True)
    versie = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = "deelname"
        verbose_name_plural = "deelnames"
        ordering = ("vraagbundeling", "aangemaakt_op", "id")
        constraints = [
            models.UniqueConstraint(
                fields=("vraagbundeling", "organisatie"),
                condition=models.Q(status__in=sorted(ACTIEF)),
                name="deelname_een_per_organisatie",
            ),
        ]
        indexes = [models.Index(fields=("organisatie", "status"), name="deelname_organisatie_idx")]

    def __str__(self):
        return f"{self.vraagbundeling_id}/{self.organisatie_id}"


class _Statuswijziging(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    van_status = models.CharField("van", max_length=20, blank=True)
    naar_status = models.CharField("naar", max_length=20)
    toelichting = models.TextField("toelichting", blank=True, max_length=10_000)
    actor = models.CharField(max_length=255)
    actor_weergave = models.CharField(max_length=255, blank=True)
    tijdstip = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ("tijdstip", "id")

    def __str__(self):
        return f"{self.van_status} -> {self.naar_status}"


class VraagbundelingStatuswijziging(_Statuswijziging):
    """A status change of a round: opened, closed, awarded, cancelled."""

    vraagbundeling = models.ForeignKey(
        Vraagbundeling, on_delete=models.CASCADE, related_name="statuswijzigingen"
    )

    class Meta(_Statuswijziging.Meta):
        verbose_name = "statuswijziging van een vraagbundeling"
        verbose_name_plural = "statuswijzigingen van vraagbundelingen"


class DeelnameStatuswijziging(_Statuswijziging):
    """A status change of a deelname: approved, withdrawn, dropped out, ordered."""

    deelname = models.ForeignKey(Deelname, on_delete=models.CASCADE, related_name="statuswijzigingen")

    class Meta(_Statuswijziging.Meta):
        verbose_name = "statuswijziging van een deelname"
        verbose_name_plural = "statuswijzigingen van deelnames"
