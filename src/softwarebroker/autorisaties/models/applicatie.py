import secrets
import uuid

from django.contrib.postgres.fields import ArrayField
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone

from softwarebroker.autorisaties.encryption import EncryptedTextField
from softwarebroker.autorisaties.scopes import Rol

client_id_validator = RegexValidator(
    r"^[A-Za-z0-9][A-Za-z0-9._-]{2,99}$",
    "Gebruik 3 tot 100 letters, cijfers, punten, streepjes of liggende streepjes.",
    code="client_id",
)


class Applicatie(models.Model):
    """An API client: signs JWT-ZGW tokens with one of its secrets and acts for one party."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    client_id = models.CharField("client-id", max_length=100, unique=True, validators=[client_id_validator])
    label = models.CharField(
        "label", max_length=200, help_text="Leesbare naam, bijv. 'Inkoopportaal Voorbeeldstad'."
    )
    organisatie = models.ForeignKey(
        "organisaties.Organisatie",
        verbose_name="organisatie",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="applicaties",
        help_text="De organisatie waarvoor deze applicatie handelt (afnemer, budgethouder).",
    )
    leverancier = models.ForeignKey(
        "catalogus.Leverancier",
        verbose_name="leverancier",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="applicaties",
        help_text="De leverancier waarvoor deze applicatie handelt (rol leverancier).",
    )
    rollen = ArrayField(
        models.CharField(max_length=20, choices=Rol.choices), verbose_name="rollen", default=list, blank=True
    )
    actief = models.BooleanField("actief", default=True)

    class Meta:
        verbose_name = "applicatie"
        verbose_name_plural = "applicaties"
        ordering = ("client_id",)

    def __str__(self):
        return f"{self.label} ({self.client_id})"

    def valid_secrets(self, now=None) -> list[str]:
        now = now or timezone.now()
        return [
            secret.secret
            for secret in self.secrets.all()
            if secret.secret and (secret.geldig_tot is None or secret.geldig_tot > now)
        ]


def generate_secret() -> str:
    return secrets.token_urlsafe(32)


class ApplicatieSecret(models.Model):
    """One shared secret of an API client. Several may be valid at once, for rotation."""

    applicatie = models.ForeignKey(Applicatie, on_delete=models.CASCADE, related_name="secrets")
    secret = EncryptedTextField("secret", help_text="Versleuteld opgeslagen; na aanmaken niet meer te zien.")
    omschrijving = models.CharField("omschrijving", max_length=200, blank=True)
    aangemaakt_op = models.DateTimeField("aangemaakt op", default=timezone.now, editable=False)
    geldig_tot = models.DateTimeField(
        "geldig tot", null=True, blank=True, help_text="Leeg: geldig tot het secret wordt verwijderd."
    )

    class Meta:
        verbose_name = "secret"
        verbose_name_plural = "secrets"
        ordering = ("-aangemaakt_op",)

    def __str__(self):
        return self.omschrijving or f"secret van {self.aangemaakt_op:%Y-%m-%d %H:%M}"
