"""Joint purchase rounds in the admin, for the broker's functional administrators: a
searchable list and a read-only detail with the deelnames and the status history. Nothing is
added, changed or deleted here: a round changes only through its services (the API and the
periodic close)."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from softwarebroker.bestellingen.admin.bestelling import ReadOnlyInline

from .models import Deelname, DeelnameStatuswijziging, Vraagbundeling, VraagbundelingStatuswijziging


class DeelnameInline(ReadOnlyInline):
    model = Deelname
    fields = (
        "organisatie",
        "aantal",
        "max_eenheidsprijs",
        "kostenplaats",
        "status",
        "aanvrager",
        "beoordelaar",
        "goedgekeurd_op",
        "bestelling",
    )
    related_select = ("organisatie", "bestelling")


class StatuswijzigingInline(ReadOnlyInline):
    model = VraagbundelingStatuswijziging
    verbose_name_plural = "historie (statuswijzigingen)"
    fields = ("tijdstip", "van_status", "naar_status", "toelichting", "actor", "actor_weergave")


@admin.register(Vraagbundeling)
class VraagbundelingAdmin(admin.ModelAdmin):
    list_display = (
        "naam",
        "aanbieding_naam",
        "initiatiefnemer_naam",
        "status",
        "sluitingsdatum",
        "gebundeld_aantal",
        "aangemaakt_op",
    )
    list_select_related = ("aanbieding", "initiatiefnemer")
    list_filter = ("status", ("initiatiefnemer", admin.RelatedOnlyFieldListFilter))
    search_fields = ("naam", "aanbieding__naam", "initiatiefnemer__naam", "initiatiefnemer__oin")
    date_hierarchy = "sluitingsdatum"
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "naam",
                    "uuid",
                    "status",
                    "aanbieding",
                    "initiatiefnemer",
                    "toelichting",
                    "sluitingsdatum",
                    "minimum_aantal",
                    "geschatte_looptijd_maanden",
                )
            },
        ),
        (
            "Bij sluiting",
            {
                "fields": (
                    "gebundeld_aantal",
                    "eenheidsprijs",
                    "bereikte_staffel",
                    "geschatte_waarde",
                    "prijsdatum",
                )
            },
        ),
        (
            "Verloop",
            {
                "fields": (
                    "aangemaakt_op",
                    "gesloten_op",
                    "gegund_op",
                    "gewijzigd_op",
                    "versie",
                    "historie_deelnames",
                    "audittrail",
                )
            },
        ),
    )
    inlines = (DeelnameInline, StatuswijzigingInline)

    def get_readonly_fields(self, request, obj=None):
        return flatten_fieldsets(self.fieldsets)

    @admin.display(description="aanbieding", ordering="aanbieding__naam")
    def aanbieding_naam(self, vraagbundeling):
        return vraagbundeling.aanbieding.naam

    @admin.display(description="initiatiefnemer", ordering="initiatiefnemer__naam")
    def initiatiefnemer_naam(self, vraagbundeling):
        return vraagbundeling.initiatiefnemer.naam

    @admin.display(description="historie (deelnames)")
    def historie_deelnames(self, vraagbundeling):
        """Every status change of the round's deelnames, oldest first (one query)."""
        wijzigingen = (
            DeelnameStatuswijziging.objects.filter(deelname__vraagbundeling=vraagbundeling)
            .select_related("deelname__organisatie")
            .order_by("tijdstip", "id")
        )
        rows = [
            (
                f"{wijziging.tijdstip:%Y-%m-%d %H:%M}",
                wijziging.deelname.organisatie.naam,
                wijziging.van_status or "-",
                wijziging.naar_status,
                wijziging.actor_weergave or wijziging.actor,
                wijziging.toelichting,
            )
            for wijziging in wijzigingen
        ]
        if not rows:
            return "-"
        return format_html_join("", "<div>{} {}: {} &rarr; {} ({}) {}</div>", rows)

    @admin.display(description="audittrail")
    def audittrail(self, vraagbundeling):
        url = reverse("admin:audit_audittrail_changelist")
        return format_html('<a href="{}?hoofd_object_uuid={}">Alle wijzigingen</a>', url, vraagbundeling.uuid)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
