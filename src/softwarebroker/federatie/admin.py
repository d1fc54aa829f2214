from django.contrib import admin

from .models import PeerCatalogus


@admin.register(PeerCatalogus)
class PeerCatalogusAdmin(admin.ModelAdmin):
    list_display = ("naam", "service", "actief")
    list_filter = ("actief",)
    search_fields = ("naam",)
