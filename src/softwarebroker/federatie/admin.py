from django import forms
from django.contrib import admin

from .models import PeerAanbieding, PeerCatalogus


class PeerCatalogusForm(forms.ModelForm):
    """The webhook's Authorization value is written, never shown again: empty keeps it."""

    new_authorization = forms.CharField(
        label="Authorization van notificaties",
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text=PeerCatalogus._meta.get_field("notificaties_authorization").help_text
        + " Leeg laten houdt de huidige waarde.",
    )
    remove_authorization = forms.BooleanField(label="Geen notificaties meer van deze peer", required=False)

    class Meta:
        model = PeerCatalogus
        fields = ("naam", "service", "actief")

    def save(self, commit=True):
        peer = super().save(commit=False)
        if self.cleaned_data.get("remove_authorization"):
            peer.notificaties_authorization = None
        elif self.cleaned_data.get("new_authorization"):
            peer.notificaties_authorization = self.cleaned_data["new_authorization"]
        if commit:
            peer.save()
        return peer


@admin.register(PeerCatalogus)
class PeerCatalogusAdmin(admin.ModelAdmin):
    form = PeerCatalogusForm
    list_display = ("naam", "service", "actief", "receives_notificaties")
    list_filter = ("actief",)
    search_fields = ("naam",)

    @admin.display(boolean=True, description="notificaties")
    def receives_notificaties(self, peer):
        return bool(peer.notificaties_authorization)


@admin.register(PeerAanbieding)
class PeerAanbiedingAdmin(admin.ModelAdmin):
    """What this instance read of peers' offers; read only (the peer is the source)."""

    list_display = ("__str__", "url", "service", "opgehaald_op", "verouderd")
    list_filter = ("verouderd", "service")
    search_fields = ("url",)
    readonly_fields = ("url", "service", "gegevens", "etag", "opgehaald_op", "verouderd")
    actions = ("mark_stale",)

    def has_add_permission(self, request):
        return False

    @admin.action(description="Bij volgend gebruik opnieuw lezen")
    def mark_stale(self, request, queryset):
        queryset.update(verouderd=True)
