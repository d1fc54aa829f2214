"""Software use in the admin, for the broker's functional administrators: read only, with each
use's status history and alerts. A use changes only through its services (the API, deliveries,
catalogue changes)."""

from __future__ import annotations

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from softwarebroker.bestellingen.admin.bestelling import ReadOnlyInline
from softwarebroker.core.admin import ReadOnlyAdmin

from .models import Attentie, Gebruik, GebruikStatuswijziging


class StatuswijzigingInline(ReadOnlyInline):
    model = GebruikStatuswijziging
    verbose_name_plural = "historie (statuswijzigingen)"
    fields = (
        "datum",
        "van_status",
        "naar_status",
        "toelichting",
        "actor",
        "actor_weergave",
        "geregistreerd_op",
    )


class AttentieInline(ReadOnlyInline):
    model = Attentie
    fields = (
        "reden",
        "softwarepakketversie",
        "kwetsbaarheid",
        "einde_ondersteuning",
        "aangemaakt_op",
        "afgehandeld_op",
    )
    related_select = ("softwarepakketversie__softwarepakket", "kwetsbaarheid")


@admin.register(Gebruik)
class GebruikAdmin(ReadOnlyAdmin):
    list_display = (
        "softwarepakket_naam",
        "versie_naam",
        "organisatie_naam",
        "status",
        "statusdatum",
        "bedrijfskritisch",
        "vertrouwelijk",
    )
    list_select_related = ("organisatie", "softwarepakket", "softwarepakketversie")
    list_filter = ("status", "bedrijfskritisch", "verwerkt_persoonsgegevens", "vertrouwelijk")
    search_fields = ("softwarepakket__naam", "organisatie__naam", "organisatie__oin")
    fieldsets = (
        (None, {"fields": ("uuid", "organisatie", "softwarepakket", "softwarepakketversie", "licentie")}),
        (
            "Gebruik",
            {
                "fields": (
                    "status",
                    "statusdatum",
                    "referentiecomponenten",
                    "bedrijfskritisch",
                    "verwerkt_persoonsgegevens",
                    "vertrouwelijk",
                    "toelichting",
                )
            },
        ),
        ("Verloop", {"fields": ("aangemaakt_op", "gewijzigd_op", "versie", "audittrail")}),
    )
    inlines = (StatuswijzigingInline, AttentieInline)

    @admin.display(description="softwarepakket", ordering="softwarepakket__naam")
    def softwarepakket_naam(self, gebruik):
        return gebruik.softwarepakket.naam

    @admin.display(description="versie", ordering="softwarepakketversie__versie")
    def versie_naam(self, gebruik):
        return gebruik.softwarepakketversie.versie if gebruik.softwarepakketversie else "-"

    @admin.display(description="organisatie", ordering="organisatie__naam")
    def organisatie_naam(self, gebruik):
        return gebruik.organisatie.naam

    @admin.display(description="audittrail")
    def audittrail(self, gebruik):
        url = reverse("admin:audit_audittrail_changelist")
        return format_html('<a href="{}?hoofd_object_uuid={}">Alle wijzigingen</a>', url, gebruik.uuid)


@admin.register(Attentie)
class AttentieAdmin(ReadOnlyAdmin):
    list_display = (
        "gebruik",
        "reden",
        "versie_naam",
        "einde_ondersteuning",
        "aangemaakt_op",
        "afgehandeld_op",
    )
    list_select_related = (
        "gebruik__organisatie",
        "gebruik__softwarepakket",
        "softwarepakketversie",
    )
    list_filter = ("reden", ("afgehandeld_op", admin.EmptyFieldListFilter))
    search_fields = ("gebruik__softwarepakket__naam", "gebruik__organisatie__naam", "kwetsbaarheid__cve_id")
    date_hierarchy = "aangemaakt_op"
    fields = (
        "uuid",
        "gebruik",
        "reden",
        "softwarepakketversie",
        "kwetsbaarheid",
        "einde_ondersteuning",
        "aangemaakt_op",
        "afgehandeld_op",
    )

    @admin.display(description="versie", ordering="softwarepakketversie__versie")
    def versie_naam(self, attentie):
        return attentie.softwarepakketversie.versie
