"""The admin for the broker's functional administrators: every write goes through the
catalogue services (same rules, audit entries and events as the API)."""

from django.contrib import admin

from softwarebroker.audit.admin import ServiceAdmin, ServiceInline, service_action

from . import rules, services
from .constants import PublicatieStatus
from .models import (
    Aanbieding,
    Categorie,
    Leverancier,
    LeverancierStatus,
    Prijs,
    Raamovereenkomst,
    Softwarepakket,
    Softwarepakketversie,
)
from .register import admin as register_admin  # noqa: F401 (the GEMMA register, vulnerabilities: read only)
from .verklaringen import admin as verklaringen_admin  # noqa: F401 (registers the review queue)


def status_action(status: str, label: str, update, argument: str):
    """Move the selected objects to ``status`` through the service's update."""
    return service_action(
        f"naar_{status}", label, lambda acting, obj: update(acting=acting, **{argument: obj}, status=status)
    )


@admin.register(Categorie)
class CategorieAdmin(ServiceAdmin):
    create, update, delete, argument = (
        services.create_categorie,
        services.update_categorie,
        services.delete_categorie,
        "categorie",
    )
    rule = rules.check_categorie
    list_display = ("naam", "bovenliggende_categorie")
    search_fields = ("naam", "omschrijving")
    list_filter = ("bovenliggende_categorie",)


@admin.register(Leverancier)
class LeverancierAdmin(ServiceAdmin):
    create, update, delete, argument = (
        services.create_leverancier,
        services.update_leverancier,
        services.delete_leverancier,
        "leverancier",
    )
    rule = rules.check_leverancier
    list_display = ("naam", "kvk_nummer", "status", "website")
    search_fields = ("naam", "kvk_nummer")
    list_filter = ("status",)
    actions = [
        status_action(LeverancierStatus.ACTIEF, "Activeren", services.update_leverancier, "leverancier"),
        status_action(LeverancierStatus.GESCHORST, "Schorsen", services.update_leverancier, "leverancier"),
    ]


class SoftwarepakketversieInline(ServiceInline, admin.TabularInline):
    model = Softwarepakketversie
    create, update, delete = (
        services.create_softwarepakketversie,
        services.update_softwarepakketversie,
        services.delete_softwarepakketversie,
    )
    argument, parent = "softwarepakketversie", "softwarepakket"
    rule = rules.check_softwarepakketversie
    extra = 0


@admin.register(Softwarepakket)
class SoftwarepakketAdmin(ServiceAdmin):
    create, update, delete, argument = (
        services.create_softwarepakket,
        services.update_softwarepakket,
        services.delete_softwarepakket,
        "softwarepakket",
    )
    rule = rules.check_softwarepakket
    list_display = ("naam", "fabrikant", "status", "open_source", "licentie", "software_type")
    search_fields = ("naam", "korte_omschrijving", "omschrijving", "fabrikant__naam")
    list_filter = ("status", "open_source", "software_type", "categorieen")
    filter_horizontal = ("categorieen",)
    inlines = [SoftwarepakketversieInline]
    actions = [
        status_action(
            PublicatieStatus.GEPUBLICEERD, "Publiceren", services.update_softwarepakket, "softwarepakket"
        ),
        status_action(
            PublicatieStatus.INGETROKKEN, "Intrekken", services.update_softwarepakket, "softwarepakket"
        ),
    ]


class PrijsInline(ServiceInline, admin.TabularInline):
    model = Prijs
    create, update, delete = services.create_prijs, services.update_prijs, services.delete_prijs
    argument, parent = "prijs", "aanbieding"
    rule = rules.check_prijs
    extra = 0
    fields = (
        "prijstype",
        "grondslag",
        "periode",
        "bedrag_excl_btw",
        "btw_percentage",
        "staffels",
        "doelgroep",
        "geldig_vanaf",
        "geldig_tot",
    )


@admin.register(Aanbieding)
class AanbiedingAdmin(ServiceAdmin):
    create, update, delete, argument = (
        services.create_aanbieding,
        services.update_aanbieding,
        services.delete_aanbieding,
        "aanbieding",
    )
    rule = rules.check_aanbieding
    list_display = (
        "naam",
        "softwarepakket",
        "leverancier",
        "licentiemodel",
        "leveringsvorm",
        "status",
        "geldig_vanaf",
    )
    search_fields = ("naam", "softwarepakket__naam", "leverancier__naam")
    list_filter = ("status", "licentiemodel", "leveringsvorm", "hostinglocatie", "leverancier")
    autocomplete_fields = ("softwarepakket", "leverancier")
    inlines = [PrijsInline]
    actions = [
        status_action(PublicatieStatus.GEPUBLICEERD, "Publiceren", services.update_aanbieding, "aanbieding"),
        status_action(PublicatieStatus.INGETROKKEN, "Intrekken", services.update_aanbieding, "aanbieding"),
    ]


@admin.register(Raamovereenkomst)
class RaamovereenkomstAdmin(ServiceAdmin):
    create, update, delete, argument = (
        services.create_raamovereenkomst,
        services.update_raamovereenkomst,
        services.delete_raamovereenkomst,
        "raamovereenkomst",
    )
    rule = rules.check_raamovereenkomst
    list_display = ("naam", "kenmerk", "contractant", "status", "ingangsdatum", "einddatum")
    search_fields = ("naam", "kenmerk", "contractant")
    list_filter = ("status",)
    filter_horizontal = ("leveranciers", "deelnemers")
