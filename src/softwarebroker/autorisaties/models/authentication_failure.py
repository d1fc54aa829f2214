from django.db import models


class AuthenticatieFout(models.Model):
    """Failed authentications per client id, source address and time window, shared by all
    web processes."""

    client_id = models.CharField(max_length=200)
    bron = models.CharField(
        "bronadres",
        max_length=100,
        default="",
        help_text="Het adres waar de mislukte pogingen vandaan kwamen.",
    )
    venster_start = models.DateTimeField()
    aantal = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "mislukte authenticatie"
        verbose_name_plural = "mislukte authenticaties"
        constraints = [
            models.UniqueConstraint(
                fields=("client_id", "bron", "venster_start"), name="authenticatiefout_uniek_per_bron"
            )
        ]

    def __str__(self):
        return f"{self.client_id} vanaf {self.bron}: {self.aantal} vanaf {self.venster_start:%Y-%m-%d %H:%M}"
