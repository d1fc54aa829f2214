from django import forms
from django.contrib import admin, messages

from .models import Applicatie, ApplicatieSecret
from .models.applicatie import generate_secret
from .scopes import Rol, scopes_for


class ApplicatieSecretInline(admin.TabularInline):
    """Secrets are generated here and shown exactly once, in a message after saving."""

    model = ApplicatieSecret
    fields = ("omschrijving", "aangemaakt_op", "geldig_tot")
    readonly_fields = ("aangemaakt_op",)
    extra = 0


class ApplicatieForm(forms.ModelForm):
    rollen = forms.MultipleChoiceField(
        choices=Rol.choices, widget=forms.CheckboxSelectMultiple, required=False
    )

    class Meta:
        model = Applicatie
        fields = ("client_id", "label", "organisatie", "leverancier", "rollen", "actief")

    def clean(self):
        cleaned = super().clean()
        rollen = set(cleaned.get("rollen") or ())
        if rollen & {Rol.AFNEMER, Rol.BUDGETHOUDER} and not cleaned.get("organisatie"):
            self.add_error("organisatie", "Afnemers en budgethouders handelen voor een organisatie.")
        if Rol.LEVERANCIER in rollen and not cleaned.get("leverancier"):
            self.add_error("leverancier", "De rol leverancier handelt voor een leverancier.")
        return cleaned


@admin.register(Applicatie)
class ApplicatieAdmin(admin.ModelAdmin):
    form = ApplicatieForm
    list_display = ("client_id", "label", "organisatie", "leverancier", "rollen", "actief")
    list_filter = ("actief", "organisatie", "leverancier")
    search_fields = ("client_id", "label")
    readonly_fields = ("scopes",)
    inlines = [ApplicatieSecretInline]

    @admin.display(description="scopes")
    def scopes(self, obj):
        return ", ".join(sorted(scopes_for(obj.rollen))) if obj.pk else "-"

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for instance in instances:
            if isinstance(instance, ApplicatieSecret) and not instance.pk:
                instance.secret = generate_secret()
                instance.save()
                messages.warning(
                    request,
                    f"Nieuw secret voor {form.instance.client_id}: {instance.secret} — "
                    "bewaar het nu; het wordt niet meer getoond.",
                )
            else:
                instance.save()
        for deleted in formset.deleted_objects:
            deleted.delete()
        formset.save_m2m()
