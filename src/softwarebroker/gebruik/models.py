import uuid

from django.contrib.postgres.fields import ArrayField
from django.db import models

from .constants import AttentieReden, GebruikStatus


class Gebruik(models.Model):
    """Which organisation uses which package (and version) for which GEMMA reference
    components: the link catalogue -> order -> licence -> use."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisatie = models.ForeignKey(
        "organisaties.Organisatie",
        verbose_name="organisatie",
        on_delete=models.PROTECT,
        related_name="gebruiken",
    )
    softwarepakket = models.ForeignKey(
        "catalogus.Softwarepakket",
        verbose_name="softwarepakket",
        on_delete=models.PROTECT,
        related_name="gebruiken",
    )
    softwarepakketversie = models.ForeignKey(
        "catalogus.Softwarepakketversie",
        verbose_name="softwarepakketversie",
        on_delete=models.PROTECT,
        related_name="gebruiken",
        null=True,
        blank=True,
    )
    referentiecomponenten = ArrayField(
        models.URLField(max_length=500), verbose_name="GEMMA-referentiecomponenten", default=list, blank=True
    )
    licentie = models.ForeignKey(
        "bestellingen.Licentie",
        verbose_name="licentie",
        on_delete=models.SET_NULL,
        related_name="gebruiken",
        null=True,
        blank=True,
    )
    status = models.CharField("status", max_length=20, choices=GebruikStatus.choices)
    statusdatum = models.DateField("sinds", help_text="De datum van de huidige status.")
    bedrijfskritisch = models.BooleanField("bedrijfskritisch", default=False)
    verwerkt_persoonsgegevens = models.BooleanField("verwerkt persoonsgegevens", default=False)
    vertrouwelijk = models.BooleanField(
        "niet bij naam tonen",
        default=False,
        help_text="Andere overheden zien dit gebruik alleen in de aantallen, niet bij naam.",
    )
    toelichting = models.TextField("toelichting", blank=True, max_length=10_000)
    versie = models.PositiveIntegerField(default=1, editable=False)
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)
    gewijzigd_op = models.DateTimeField("gewijzigd op", auto_now=True)

    class Meta:
        verbose_name = "gebruik"
        verbose_name_plural = "gebruiken"
        ordering = ("-aangemaakt_op", "-id")
        constraints = [
            models.UniqueConstraint(
                fields=("organisatie", "softwarepakket", "softwarepakketversie"),
                name="gebruik_uniek_per_organisatie_en_versie",
                nulls_distinct=False,
            )
        ]
        indexes = [
            models.Index(
                fields=("softwarepakket", "softwarepakketversie", "status"), name="gebruik_pakket_versie"
            ),
            models.Index(fields=("softwarepakketversie", "status"), name="gebruik_versie_status"),
        ]

    def __str__(self):
        return f"{self.softwarepakket} bij {self.organisatie}"


class GebruikStatuswijziging(models.Model):
    """One step of a use's life, with the date it took effect."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gebruik = models.ForeignKey(Gebruik, on_delete=models.CASCADE, related_name="statuswijzigingen")
    van_status = models.CharField("van status", max_length=20, choices=GebruikStatus.choices, blank=True)
    naar_status = models.CharField("naar status", max_length=20, choices=GebruikStatus.choices)
    datum = models.DateField("datum")
    toelichting = models.TextField("toelichting", blank=True, max_length=10_000)
    actor = models.CharField("actor", max_length=255)
    actor_weergave = models.CharField("actor (weergave)", max_length=255, blank=True)
    geregistreerd_op = models.DateTimeField("geregistreerd op", auto_now_add=True)

    class Meta:
        verbose_name = "statuswijziging van een gebruik"
        verbose_name_plural = "statuswijzigingen van gebruiken"
        ordering = ("geregistreerd_op", "id")

    def __str__(self):
        return f"{self.van_status or '-'} -> {self.naar_status} op {self.datum}"


class Attentie(models.Model):
    """An alert for one use: its version's support ends within 12 months, or a vulnerability
    of its version was published. Open until handled, or until the use leaves the version."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gebruik = models.ForeignKey(Gebruik, on_delete=models.CASCADE, related_name="attenties")
    reden = models.CharField("reden", max_length=30, choices=AttentieReden.choices)
    softwarepakketversie = models.ForeignKey(
        "catalogus.Softwarepakketversie", on_delete=models.CASCADE, related_name="attenties"
    )
    kwetsbaarheid = models.ForeignKey(
        "catalogus.Kwetsbaarheid", on_delete=models.CASCADE, related_name="attenties", null=True, blank=True
    )
    einde_ondersteuning = models.DateField("einde ondersteuning", null=True, blank=True)
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)
    afgehandeld_op = models.DateTimeField("afgehandeld op", null=True, blank=True)

    class Meta:
        verbose_name = "attentie"
        verbose_name_plural = "attenties"
        ordering = ("-aangemaakt_op", "-id")
        indexes = [
            models.Index(
                fields=("gebruik",), condition=models.Q(afgehandeld_op__isnull=True), name="attentie_open"
            ),
            models.Index(
                fields=("softwarepakketversie", "reden", "einde_ondersteuning"), name="attentie_versie"
            ),
        ]

    def __str__(self):
        return f"{self.get_reden_display()}: {self.gebruik}"
