from django.contrib import admin

from softwarebroker.audit.admin import AuditedAdminMixin
from softwarebroker.organisaties.api.viewsets import OrganisatieViewSet

from .models import Mandaat, Organisatie


class MandaatInline(admin.TabularInline):
    model = Mandaat
    extra = 0


@admin.register(Organisatie)
class OrganisatieAdmin(AuditedAdminMixin, admin.ModelAdmin):
    api_viewset = OrganisatieViewSet
    list_display = ("naam", "oin", "type", "gemeentecode", "inwonertal")
    list_filter = ("type",)
    search_fields = ("naam", "oin", "gemeentecode")
    filter_horizontal = ("deelnemers",)
    inlines = [MandaatInline]
