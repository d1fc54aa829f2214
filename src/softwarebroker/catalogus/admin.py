"""The admin for the broker's functional administrators: same rules and services as the API."""

from django.contrib import admin, messages
from django.db import transaction
from rest_framework.exceptions import ValidationError

from . import rules, services
from .admin_forms import rules_form
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


def _field_values(form, names_to_skip=()) -> dict:
    return {
        name: value
        for name, value in form.cleaned_data.items()
        if name in {f.name for f in form._meta.model._meta.concrete_fields} and name not in names_to_skip
    }


def status_action(status: str, label: str, update):
    """An admin action that moves the selected objects to ``status`` through the service."""

    def action(modeladmin, request, queryset):
        done, refused = 0, []
        for obj in queryset:
            try:
                with transaction.atomic():
                    update(obj, status)
                done += 1
            except ValidationError as error:
                refused.append(f"{obj}: {'; '.join(str(m) for ms in error.detail.values() for m in ms)}")
        if done:
            modeladmin.message_user(request, f"{done} object(en) zijn nu '{status}'.", messages.SUCCESS)
        for line in refused:
            modeladmin.message_user(request, f"Niet gewijzigd: {line}", messages.ERROR)

    action.short_description = label
    action.__name__ = f"naar_{status}"
    return action


def _checked(rule, update):
    """Apply the shared rule before a status change from an admin action."""

    def apply(obj, status):
        values = {**{f.name: getattr(obj, f.name) for f in obj._meta.concrete_fields}, "status": status}
        rules.raise_problems(rule(values, obj))
        update(obj, status)

    return apply


@admin.register(Categorie)
class CategorieAdmin(admin.ModelAdmin):
    list_display = ("naam", "bovenliggende_categorie")
    search_fields = ("naam", "omschrijving")
    list_filter = ("bovenliggende_categorie",)


@admin.register(Leverancier)
class LeverancierAdmin(admin.ModelAdmin):
    form = rules_form(Leverancier, rules.check_leverancier)
    list_display = ("naam", "kvk_nummer", "status", "website")
    search_fields = ("naam", "kvk_nummer")
    list_filter = ("status",)
    actions = [
        status_action(
            LeverancierStatus.ACTIEF,
            "Activeren",
            _checked(
                rules.check_leverancier, lambda o, s: services.update_leverancier(leverancier=o, status=s)
            ),
        ),
        status_action(
            LeverancierStatus.GESCHORST,
            "Schorsen",
            _checked(
                rules.check_leverancier, lambda o, s: services.update_leverancier(leverancier=o, status=s)
            ),
        ),
    ]

    def save_model(self, request, obj, form, change):
        if change:
            services.update_leverancier(leverancier=obj, **_field_values(form))
        else:
            form.instance = services.create_leverancier(**_field_values(form))


class SoftwarepakketversieInline(admin.TabularInline):
    model = Softwarepakketversie
    form = rules_form(Softwarepakketversie, rules.check_softwarepakketversie)
    extra = 0


_update_pakket = _checked(
    rules.check_softwarepakket, lambda o, s: services.update_softwarepakket(softwarepakket=o, status=s)
)


@admin.register(Softwarepakket)
class SoftwarepakketAdmin(admin.ModelAdmin):
    form = rules_form(Softwarepakket, rules.check_softwarepakket)
    list_display = ("naam", "fabrikant", "status", "open_source", "licentie", "software_type")
    search_fields = ("naam", "korte_omschrijving", "omschrijving", "fabrikant__naam")
    list_filter = ("status", "open_source", "software_type", "categorieen")
    filter_horizontal = ("categorieen",)
    inlines = [SoftwarepakketversieInline]
    actions = [
        status_action(PublicatieStatus.GEPUBLICEERD, "Publiceren", _update_pakket),
        status_action(PublicatieStatus.INGETROKKEN, "Intrekken", _update_pakket),
    ]

    def save_model(self, request, obj, form, change):
        if change:
            services.update_softwarepakket(softwarepakket=obj, **_field_values(form))
        else:
            form.instance = services.create_softwarepakket(**_field_values(form))

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.update_softwarepakket(softwarepakket=form.instance)  # search columns see the categories


class PrijsInline(admin.TabularInline):
    model = Prijs
    form = rules_form(Prijs, rules.check_prijs)
    extra = 0
    fields = (
        "prijstype",
        "periode",
        "bedrag_excl_btw",
        "btw_percentage",
        "staffels",
        "doelgroep",
        "geldig_vanaf",
        "geldig_tot",
    )


_update_aanbieding = _checked(
    rules.check_aanbieding, lambda o, s: services.update_aanbieding(aanbieding=o, status=s)
)


@admin.register(Aanbieding)
class AanbiedingAdmin(admin.ModelAdmin):
    form = rules_form(Aanbieding, rules.check_aanbieding)
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
        status_action(PublicatieStatus.GEPUBLICEERD, "Publiceren", _update_aanbieding),
        status_action(PublicatieStatus.INGETROKKEN, "Intrekken", _update_aanbieding),
    ]

    def save_model(self, request, obj, form, change):
        if change:
            services.update_aanbieding(aanbieding=obj, **_field_values(form))
        else:
            form.instance = services.create_aanbieding(**_field_values(form))

    def save_formset(self, request, form, formset, change):
        if formset.model is not Prijs:
            return super().save_formset(request, form, formset, change)
        # The admin's change message reads these three lists.
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        for deleted in formset.deleted_forms:
            if deleted.instance.pk:
                services.delete_prijs(prijs=deleted.instance)
                formset.deleted_objects.append(deleted.instance)
        for inline_form in formset.forms:
            if not inline_form.has_changed() or inline_form in formset.deleted_forms:
                continue
            fields = _field_values(inline_form, names_to_skip=("aanbieding", "id"))
            if inline_form.instance.pk:
                prijs = services.update_prijs(prijs=inline_form.instance, **fields)
                formset.changed_objects.append((prijs, inline_form.changed_data))
            else:
                formset.new_objects.append(services.create_prijs(aanbieding=form.instance, **fields))
        return None


@admin.register(Raamovereenkomst)
class RaamovereenkomstAdmin(admin.ModelAdmin):
    form = rules_form(Raamovereenkomst, rules.check_raamovereenkomst)
    list_display = ("naam", "kenmerk", "contractant", "status", "ingangsdatum", "einddatum")
    search_fields = ("naam", "kenmerk", "contractant")
    list_filter = ("status",)
    filter_horizontal = ("leveranciers", "deelnemers")
