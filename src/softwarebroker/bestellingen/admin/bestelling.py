"""Orders in the admin: a searchable list and a read-only detail with everything recorded on
the order. Nothing is added, changed or deleted here; status changes are the actions of
:mod:`.transitions`, through the services.

A delivery's ``geheim`` is never shown, searched or even read: the deliveries are loaded
without it.
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets
from django.contrib.auth import get_permission_codename
from django.urls import reverse
from django.utils.html import format_html

from ..models import (
    Annuleringsverzoek,
    Beoordeling,
    Bericht,
    Bestelling,
    Bestelregel,
    Levering,
    Statuswijziging,
)
from .transitions import ACTIONS


class ReadOnlyInline(admin.TabularInline):
    """Rows shown as they were recorded: never added, changed or deleted here."""

    extra = 0
    max_num = 0
    can_delete = False
    show_change_link = False
    related_select: tuple[str, ...] = ()

    def get_readonly_fields(self, request, obj=None):
        return self.fields

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset.select_related(*self.related_select) if self.related_select else queryset

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class BestelregelInline(ReadOnlyInline):
    model = Bestelregel
    fields = (
        "volgnummer",
        "aanbieding",
        "peer_aanbieding",
        "aantal",
        "actie",
        "licentie",
        "bestelparameters",
        "bedrag_eenmalig_excl_btw",
        "bedrag_per_jaar_excl_btw",
        "btw",
        "status",
    )
    related_select = ("aanbieding", "peer_aanbieding", "licentie")


class StatuswijzigingInline(ReadOnlyInline):
    model = Statuswijziging
    verbose_name_plural = "historie (statuswijzigingen)"
    fields = ("tijdstip", "van_status", "naar_status", "toelichting", "actor", "actor_weergave", "applicatie")


class BeoordelingInline(ReadOnlyInline):
    model = Beoordeling
    fields = ("tijdstip", "besluit", "toelichting", "beoordelaar", "beoordelaar_weergave")


class BerichtInline(ReadOnlyInline):
    model = Bericht
    fields = ("tijdstip", "auteur_rol", "auteur", "zichtbaarheid", "inhoud")


class LeveringInline(ReadOnlyInline):
    model = Levering
    # Never "geheim": only the ordering organisation reads it, through the API (audited).
    fields = ("geleverd_op", "regel_volgnummer", "type", "verwijzing")
    related_select = ("regel",)

    def get_queryset(self, request):
        return super().get_queryset(request).defer("geheim")

    @admin.display(description="regel")
    def regel_volgnummer(self, levering):
        return levering.regel.volgnummer


class AnnuleringsverzoekInline(ReadOnlyInline):
    model = Annuleringsverzoek
    fields = ("tijdstip", "reden", "aangevraagd_door", "status", "toelichting")


@admin.register(Bestelling)
class BestellingAdmin(admin.ModelAdmin):
    list_display = (
        "nummer",
        "besteller_naam",
        "besteller_oin",
        "leverancier_naam",
        "status",
        "aangemaakt_op",
        "ingediend_op",
    )
    list_select_related = ("besteller", "leverancier")
    list_filter = (
        "status",
        ("leverancier", admin.RelatedOnlyFieldListFilter),
        ("besteller", admin.RelatedOnlyFieldListFilter),
    )
    search_fields = ("nummer", "besteller__naam", "besteller__oin", "leverancier__naam", "inkoopordernummer")
    date_hierarchy = "aangemaakt_op"
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "nummer",
                    "uuid",
                    "status",
                    "besteller",
                    "aanvrager",
                    "aanvrager_weergave",
                    "kostenplaats",
                    "inkoopordernummer",
                )
            },
        ),
        (
            "Leverancier",
            {"fields": ("leverancier", "leverancier_url", "raamovereenkomst", "gewenste_ingangsdatum")},
        ),
        (
            "Bedragen",
            {
                "fields": (
                    "totaal_eenmalig_excl_btw",
                    "totaal_per_jaar_excl_btw",
                    "totaal_btw",
                    "afroepwaarde_excl_btw",
                )
            },
        ),
        (
            "Verloop",
            {
                "fields": (
                    "aangemaakt_op",
                    "ingediend_op",
                    "verzonden_op",
                    "gewijzigd_op",
                    "status_voor_annulering",
                    "versie",
                    "audittrail",
                )
            },
        ),
    )
    inlines = (
        BestelregelInline,
        StatuswijzigingInline,
        BeoordelingInline,
        BerichtInline,
        LeveringInline,
        AnnuleringsverzoekInline,
    )
    actions = ACTIONS

    def get_readonly_fields(self, request, obj=None):
        return flatten_fieldsets(self.fieldsets)

    @admin.display(description="besteller", ordering="besteller__naam")
    def besteller_naam(self, bestelling):
        return bestelling.besteller.naam

    @admin.display(description="OIN besteller", ordering="besteller__oin")
    def besteller_oin(self, bestelling):
        return bestelling.besteller.oin

    @admin.display(description="leverancier", ordering="leverancier__naam")
    def leverancier_naam(self, bestelling):
        # A peer's supplier is known here by its URL only.
        return bestelling.leverancier.naam if bestelling.leverancier_id else bestelling.leverancier_url or "-"

    @admin.display(description="audittrail")
    def audittrail(self, bestelling):
        url = reverse("admin:audit_audittrail_changelist")
        return format_html('<a href="{}?hoofd_object_uuid={}">Alle wijzigingen</a>', url, bestelling.uuid)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_transition_permission(self, request):
        """The transitions are for who may change orders, although no field can be changed."""
        opts = self.opts
        return request.user.has_perm(f"{opts.app_label}.{get_permission_codename('change', opts)}")
