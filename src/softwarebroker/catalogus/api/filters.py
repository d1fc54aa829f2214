from django_filters import rest_framework as filters

from softwarebroker.api.filters import FilterSet
from softwarebroker.catalogus.models import Categorie


class CategorieFilter(FilterSet):
    naam = filters.CharFilter(field_name="naam", lookup_expr="icontains", help_text="Deel van de naam.")
    hoofdcategorie = filters.BooleanFilter(
        field_name="bovenliggende_categorie",
        lookup_expr="isnull",
        help_text="`true`: alleen hoofdcategorieën; `false`: alleen subcategorieën.",
    )

    class Meta:
        model = Categorie
        fields = ("naam", "hoofdcategorie")
