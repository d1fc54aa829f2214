from django.db import models


class AuthenticatieFout(models.Model):
    """Failed authentications per client id and time window, shared by all web processes."""

    client_id = models.CharField(max_length=200)
    venster_start = models.DateTimeField()
    aantal = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "mislukte authenticatie"
        verbose_name_plural = "mislukte authenticaties"
        constraints = [
            models.UniqueConstraint(fields=("client_id", "venster_start"), name="authenticatiefout_uniek")
        ]

    def __str__(self):
        return f"{self.client_id}: {self.aantal} vanaf {self.venster_start:%Y-%m-%d %H:%M}"
