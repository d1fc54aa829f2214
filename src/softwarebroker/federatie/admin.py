from django import forms
from django.contrib import admin

from . import services
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

    def changes(self) -> dict:
        """The form's values for the service; the webhook value only when a new one is given."""
        changes = {name: self.cleaned_data[name] for name in self._meta.fields}
        if self.cleaned_data.get("remove_authorization"):
            changes["notificaties_authorization"] = None
        elif self.cleaned_data.get("new_authorization"):
            changes["notificaties_authorization"] = self.cleaned_data["new_authorization"]
        return changes


@admin.register(PeerCatalogus)
class PeerCatalogusAdmin(admin.ModelAdmin):
    form = PeerCatalogusForm
    list_display = ("naam", "service", "actief", "receives_notificaties")
    list_filter = ("actief",)
    search_fields = ("naam",)

    def save_model(self, request, obj, form, change):
        changes = form.changes()
        saved = (
            services.update_peer_catalogus(peer_catalogus=obj, **changes)
            if change
            else services.save_peer_catalogus(**changes)
        )
        obj.pk = saved.pk  # the admin's log entry and redirect use the object it was given

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
        services.mark_stale(urls=queryset.values_list("url", flat=True))
