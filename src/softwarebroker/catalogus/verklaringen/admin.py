"""The broker's review queue in the admin: the declarations, by default those waiting for a
review (``ter_beoordeling``), read only. Approving and rejecting are actions that call the same
service as the API (``review_verklaring``, as the administrator): the same rules (never one of
the broker's own supplier, only one under review, a rejection names its reason), the same audit
entry and notification. A rejection asks for its reason on a confirmation page first; an empty
one is refused by the service, with its message.

The document itself is not offered here (every read of it is audited through the API); its
name, size and checksum are shown.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.admin.utils import flatten_fieldsets
from django.contrib.auth import get_permission_codename
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html

from softwarebroker.audit.admin import service_action

from ..constants import VerklaringStatus
from ..models import Verklaring
from . import services

CONFIRMED = "bevestigd"
TEMPLATE = "admin/catalogus/verklaring/afwijzen.html"
ALLE = "alle"


class WachtrijFilter(admin.SimpleListFilter):
    """The status, ``ter_beoordeling`` unless another (or all) is chosen: the queue first."""

    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [*VerklaringStatus.choices, (ALLE, "Alle")]

    def value(self):
        return super().value() or VerklaringStatus.TER_BEOORDELING

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == str(lookup),
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        return queryset if self.value() == ALLE else queryset.filter(status=self.value())


class ToelichtingForm(forms.Form):
    # Not required here: the service refuses an empty one with the same message as the API.
    toelichting = forms.CharField(
        label="Reden van de afwijzing", widget=forms.Textarea(attrs={"rows": 5}), required=False
    )


def _review(besluit: str, toelichting: str = ""):
    return lambda acting, verklaring: services.review_verklaring(
        acting=acting, verklaring=verklaring, besluit=besluit, toelichting=toelichting
    )


@admin.action(description="Goedkeuren", permissions=("review",))
def goedkeuren(modeladmin, request, queryset):
    return service_action("goedkeuren", "Goedkeuren", _review(VerklaringStatus.GOEDGEKEURD))(
        modeladmin, request, queryset
    )


@admin.action(description="Afwijzen (met reden)", permissions=("review",))
def afwijzen(modeladmin, request, queryset):
    if CONFIRMED not in request.POST:
        request.current_app = modeladmin.admin_site.name
        context = {
            **modeladmin.admin_site.each_context(request),
            "title": "Afwijzen",
            "subtitle": None,
            "explanation": "De reden gaat met de afwijzing naar de leverancier.",
            "opts": modeladmin.model._meta,
            "queryset": queryset,
            "form": ToelichtingForm(),
            "action": "afwijzen",
            "bevestigd": CONFIRMED,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": modeladmin.media,
        }
        return TemplateResponse(request, TEMPLATE, context)
    reden = request.POST.get("toelichting", "")
    return service_action("afwijzen", "Afwijzen", _review(VerklaringStatus.AFGEWEZEN, reden))(
        modeladmin, request, queryset
    )


@admin.register(Verklaring)
class VerklaringAdmin(admin.ModelAdmin):
    list_display = ("uuid", "type", "onderwerp_weergave", "eigenaar", "status", "geldig_vanaf", "geldig_tot")
    list_select_related = ("eigenaar", "leverancier", "softwarepakket", "softwarepakketversie", "aanbieding")
    list_filter = (
        WachtrijFilter,
        "type",
        "vertrouwelijkheid",
        ("eigenaar", admin.RelatedOnlyFieldListFilter),
    )
    search_fields = ("uuid", "eigenaar__naam", "omschrijving", "standaard")
    ordering = ("aangemaakt_op", "id")  # the queue: oldest first
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "uuid",
                    "type",
                    "standaard",
                    "standaard_versie",
                    "omschrijving",
                    "onderwerp_weergave",
                    "eigenaar",
                    "status",
                    "geldig_vanaf",
                    "geldig_tot",
                    "vertrouwelijkheid",
                )
            },
        ),
        ("Bewijs", {"fields": ("bewijs", "document_naam", "document_grootte", "document_sha256")}),
        (
            "Beoordeling",
            {"fields": ("beoordelaar", "beoordelaar_weergave", "beoordeeld_op", "beoordeling_toelichting")},
        ),
        (
            "Verloop",
            {"fields": ("aangemaakt_op", "gewijzigd_op", "verloop_gemeld_op", "versie", "audittrail")},
        ),
    )
    actions = (goedkeuren, afwijzen)

    def get_readonly_fields(self, request, obj=None):
        return flatten_fieldsets(self.fieldsets)

    @admin.display(description="onderwerp")
    def onderwerp_weergave(self, verklaring):
        onderwerp = verklaring.onderwerp
        return f"{onderwerp._meta.verbose_name}: {onderwerp}"

    @admin.display(description="bewijs (URL)")
    def bewijs(self, verklaring):
        if not verklaring.bewijs_url:
            return "-"
        return format_html('<a href="{0}" rel="noopener noreferrer">{0}</a>', verklaring.bewijs_url)

    @admin.display(description="audittrail")
    def audittrail(self, verklaring):
        url = reverse("admin:audit_audittrail_changelist")
        return format_html('<a href="{}?hoofd_object_uuid={}">Alle wijzigingen</a>', url, verklaring.uuid)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_review_permission(self, request):
        """Reviewing is for who may change declarations, although no field can be changed."""
        opts = self.opts
        return request.user.has_perm(f"{opts.app_label}.{get_permission_codename('change', opts)}")
