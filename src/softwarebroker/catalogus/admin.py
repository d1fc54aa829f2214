from django.contrib import admin

from .models import Categorie, Leverancier


@admin.register(Categorie)
class CategorieAdmin(admin.ModelAdmin):
    list_display = ("naam", "bovenliggende_categorie")
    search_fields = ("naam", "omschrijving")
    list_filter = ("bovenliggende_categorie",)


@admin.register(Leverancier)
class LeverancierAdmin(admin.ModelAdmin):
    list_display = ("naam", "kvk_nummer", "status")
    search_fields = ("naam", "kvk_nummer")
    list_filter = ("status",)
