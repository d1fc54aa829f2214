from django.db import models


class IdempotentRequest(models.Model):
    """A POST made with an ``Idempotency-Key``, and the answer it got.

    Keys are per API client. A request with a known key and the same body gets the stored
    answer again; with another body, a 409. Kept ``IDEMPOTENCY_KEY_HOURS``, then removed by
    a periodic job.
    """

    client_id = models.CharField(max_length=100)
    sleutel = models.CharField(max_length=255)
    pad = models.CharField(max_length=500)
    vingerafdruk = models.CharField(max_length=64, help_text="SHA-256 of the method, path and body.")
    status = models.PositiveSmallIntegerField()
    antwoord = models.JSONField()
    location = models.CharField(max_length=1000, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "idempotente aanvraag"
        verbose_name_plural = "idempotente aanvragen"
        constraints = [
            models.UniqueConstraint(fields=("client_id", "sleutel"), name="idempotency_key_per_client")
        ]

    def __str__(self):
        return f"{self.client_id}: {self.sleutel}"
