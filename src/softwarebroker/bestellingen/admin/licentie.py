"""Licences in the admin: a searchable list and a read-only detail. Licences change only
through their orders, the API (external licences, cancelling) and the nightly jobs (the
services), never here."""

from __future__ import annotations

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html_join

from ..models import Licentie


@admin.register(Licentie)
class LicentieAdmin(admin.ModelAdmin):
    list_display = (
        "organisatie",
        "aanbieding_naam",
        "softwarepakket",
        "aantal",
        "status",
        "ingangsdatum",
        "einddatum",
    )
    list_select_related = ("organisatie", "aanbieding__softwarepakket", "peer_aanbieding", "softwarepakket")
    list_filter = ("status", "bron", "automatisch_verlengen")
    search_fields = (
        "organisatie__naam",
        "organisatie__oin",
        "aanbieding__naam",
        "aanbieding__softwarepakket__naam",
        "peer_aanbieding__url",
        "softwarepakket_naam",
        "leverancier_naam",
        "contractnummer",
    )
    date_hierarchy = "einddatum"
    fields = (
        "uuid",
        "bron",
        "organisatie",
        "contractnummer",
        "kostenplaats",
        "aanbieding",
        "peer_aanbieding",
        "softwarepakketversie",
        "aantal",
        "status",
        "ingangsdatum",
        "einddatum",
        "automatisch_verlengen",
        "opzegtermijn_dagen",
        "opzegdatum",
        "uiterste_einddatum",
        "aantal_verlengingen",
        "opgezegd_op",
        "bestellingen",
    )

    def get_readonly_fields(self, request, obj=None):
        return self.fields

    @admin.display(description="aanbieding")
    def aanbieding_naam(self, licentie):
        return str(licentie.bron_aanbieding) if licentie.bron_aanbieding is not None else "-"

    @admin.display(description="softwarepakket", ordering="aanbieding__softwarepakket__naam")
    def softwarepakket(self, licentie):
        # A peer's offer names its package by URL only.
        if licentie.softwarepakket_id:
            return licentie.softwarepakket.naam
        if licentie.aanbieding_id:
            return licentie.aanbieding.softwarepakket.naam
        if licentie.peer_aanbieding_id:
            return licentie.peer_aanbieding.gegevens.get("softwarepakket", "-")
        return licentie.softwarepakket_naam or "-"  # an external licence named by text

    @admin.display(description="bestellingen")
    def bestellingen(self, licentie):
        """The orders whose delivered lines made or changed this licence."""
        regels = licentie.bronregels.select_related("bestelling").order_by("bestelling__aangemaakt_op")
        links = [
            (reverse("admin:bestellingen_bestelling_change", args=(regel.bestelling_id,)), regel.bestelling)
            for regel in regels
        ]
        return format_html_join(", ", '<a href="{}">{}</a>', links) if links else "-"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
