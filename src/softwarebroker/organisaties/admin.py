"""Organisations and their budget holders' mandates, written through the organisation services."""

from django.contrib import admin

from softwarebroker.audit.admin import ServiceAdmin, ServiceInline

from . import rules, services
from .models import Mandaat, Organisatie


def _check_organisatie(values: dict, instance=None) -> list:
    return rules.check_organisatie(values, instance, values.get("deelnemers"))


class MandaatInline(ServiceInline, admin.TabularInline):
    model = Mandaat
    create, update, delete = services.create_mandaat, services.update_mandaat, services.delete_mandaat
    argument, parent = "mandaat", "organisatie"
    rule = rules.check_mandaat
    extra = 0


@admin.register(Organisatie)
class OrganisatieAdmin(ServiceAdmin):
    create, update, delete, argument = (
        services.create_organisatie,
        services.update_organisatie,
        services.delete_organisatie,
        "organisatie",
    )
    rule = _check_organisatie
    list_display = ("naam", "oin", "type", "gemeentecode", "inwonertal")
    list_filter = ("type",)
    search_fields = ("naam", "oin", "gemeentecode")
    filter_horizontal = ("deelnemers",)
    inlines = [MandaatInline]
