import uuid

from django.db import models
from django.utils import timezone


class AuditTrail(models.Model):
    """One write on a main object or its sub-resources (ZGW audit trail).

    Rows are immutable: a database trigger refuses UPDATE and DELETE.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    bron = models.CharField("bron", max_length=50, help_text="De API waarin de wijziging plaatsvond.")
    applicatie_id = models.CharField(
        "applicatie-id",
        max_length=100,
        blank=True,
        help_text="De client-id van het ondertekende token; leeg bij een wijziging buiten de API "
        "(zie `bron`).",
    )
    applicatie_weergave = models.CharField("applicatieweergave", max_length=200, blank=True)
    gebruikers_id = models.CharField(
        "gebruikers-id",
        max_length=255,
        blank=True,
        help_text="De ondertekende claim `user_id` van het token (genormaliseerd: zonder spaties "
        "eromheen, in kleine letters); leeg als het token geen `user_id` heeft. Buiten de API: "
        "de beheerder of het kanaal.",
    )
    gebruikers_weergave = models.CharField("gebruikersweergave", max_length=255, blank=True)
    # Unsigned request headers: what an NLX/FSC outway says, never who the component verified.
    nlx_applicatie_id = models.CharField(
        "NLX-applicatie-id (niet geverifieerd)",
        max_length=100,
        blank=True,
        help_text="Niet geverifieerd: de header `X-NLX-Request-Application-Id` zoals de aanroeper "
        "die meestuurde. De geverifieerde client staat in `applicatieId`.",
    )
    nlx_gebruikers_id = models.CharField(
        "NLX-gebruikers-id (niet geverifieerd)",
        max_length=255,
        blank=True,
        help_text="Niet geverifieerd: de header `X-NLX-Request-User-Id` zoals de aanroeper die "
        "meestuurde. Alleen `gebruikersId` (de ondertekende claim `user_id`) identificeert een "
        "gebruiker.",
    )
    actie = models.CharField("actie", max_length=50)
    actie_weergave = models.CharField("actieweergave", max_length=200, blank=True)
    resultaat = models.PositiveSmallIntegerField("resultaat", help_text="HTTP-statuscode.")
    hoofd_object = models.URLField("hoofdobject", max_length=1000)
    hoofd_object_uuid = models.UUIDField("uuid van het hoofdobject", db_index=True)
    resource = models.CharField("resource", max_length=50)
    resource_url = models.URLField("resource-URL", max_length=1000)
    resource_weergave = models.CharField("resourceweergave", max_length=200, blank=True)
    toelichting = models.TextField("toelichting", blank=True)
    aanmaakdatum = models.DateTimeField("aanmaakdatum", default=timezone.now, db_index=True)
    oud = models.JSONField("oud", null=True, blank=True)
    nieuw = models.JSONField("nieuw", null=True, blank=True)
    nlx_logrecord_id = models.CharField("NLX-logrecord-id", max_length=1024, blank=True)
    fsc_transaction_id = models.CharField("FSC-transactie-id", max_length=1024, blank=True)
    traceparent = models.CharField("traceparent", max_length=1024, blank=True)
    # Tenant of the main object, so reading the trail is scoped like the object itself.
    organisatie = models.ForeignKey(
        "organisaties.Organisatie",
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    leverancier = models.ForeignKey(
        "catalogus.Leverancier",
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )

    class Meta:
        verbose_name = "audittrailregel"
        verbose_name_plural = "audittrail"
        ordering = ("aanmaakdatum", "id")

    def __str__(self):
        return f"{self.aanmaakdatum:%Y-%m-%d %H:%M:%S} {self.actie} {self.resource} ({self.resultaat})"
