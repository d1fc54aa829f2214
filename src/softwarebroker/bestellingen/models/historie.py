import uuid

from django.db import models

from softwarebroker.bestellingen.constants import (
    AnnuleringStatus,
    AuteurRol,
    Besluit,
    BestellingStatus,
    Zichtbaarheid,
)


class Statuswijziging(models.Model):
    """One transition of an order: the history, and the way a transition is asked for."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    bestelling = models.ForeignKey(
        "bestellingen.Bestelling", on_delete=models.CASCADE, related_name="statuswijzigingen"
    )
    van_status = models.CharField("van status", max_length=30, choices=BestellingStatus.choices)
    naar_status = models.CharField("naar status", max_length=30, choices=BestellingStatus.choices)
    toelichting = models.TextField("toelichting", blank=True)
    actor = models.CharField("actor", max_length=255, blank=True, help_text="Gebruiker of applicatie.")
    actor_weergave = models.CharField("actor (naam)", max_length=255, blank=True)
    applicatie = models.CharField("applicatie", max_length=100, blank=True)
    tijdstip = models.DateTimeField("tijdstip", auto_now_add=True)

    class Meta:
        verbose_name = "statuswijziging"
        verbose_name_plural = "statuswijzigingen"
        ordering = ("bestelling", "tijdstip", "id")

    def __str__(self):
        return f"{self.van_status} -> {self.naar_status}"


class Beoordeling(models.Model):
    """A budget holder's decision on an order waiting for approval."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    bestelling = models.ForeignKey(
        "bestellingen.Bestelling", on_delete=models.CASCADE, related_name="beoordelingen"
    )
    besluit = models.CharField("besluit", max_length=30, choices=Besluit.choices)
    toelichting = models.TextField("toelichting", blank=True)
    beoordelaar = models.CharField("beoordelaar", max_length=255)
    beoordelaar_weergave = models.CharField("beoordelaar (naam)", max_length=255, blank=True)
    tijdstip = models.DateTimeField("tijdstip", auto_now_add=True)

    class Meta:
        verbose_name = "beoordeling"
        verbose_name_plural = "beoordelingen"
        ordering = ("bestelling", "tijdstip", "id")

    def __str__(self):
        return f"{self.besluit} ({self.beoordelaar})"


class Bericht(models.Model):
    """A message on an order between buyer, supplier and broker."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    bestelling = models.ForeignKey(
        "bestellingen.Bestelling", on_delete=models.CASCADE, related_name="berichten"
    )
    auteur_rol = models.CharField("rol van de auteur", max_length=20, choices=AuteurRol.choices)
    auteur = models.CharField("auteur", max_length=255, blank=True)
    zichtbaarheid = models.CharField(
        "zichtbaarheid", max_length=10, choices=Zichtbaarheid.choices, default=Zichtbaarheid.OPENBAAR
    )
    inhoud = models.TextField("inhoud")
    tijdstip = models.DateTimeField("tijdstip", auto_now_add=True)

    class Meta:
        verbose_name = "bericht"
        verbose_name_plural = "berichten"
        ordering = ("bestelling", "tijdstip", "id")

    def __str__(self):
        # Never the content: this text is shown where the message itself may not be (the
        # audit trail, admin lists).
        return f"Bericht van {self.auteur_rol} ({self.zichtbaarheid})"


class Annuleringsverzoek(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    bestelling = models.ForeignKey(
        "bestellingen.Bestelling", on_delete=models.CASCADE, related_name="annuleringsverzoeken"
    )
    reden = models.TextField("reden")
    status = models.CharField(
        "status", max_length=20, choices=AnnuleringStatus.choices, default=AnnuleringStatus.ONTVANGEN
    )
    toelichting = models.TextField("toelichting bij het besluit", blank=True)
    aangevraagd_door = models.CharField("aangevraagd door", max_length=255, blank=True)
    tijdstip = models.DateTimeField("tijdstip", auto_now_add=True)

    class Meta:
        verbose_name = "annuleringsverzoek"
        verbose_name_plural = "annuleringsverzoeken"
        ordering = ("bestelling", "tijdstip", "id")

    def __str__(self):
        return f"{self.status}: {self.reden[:50]}"
