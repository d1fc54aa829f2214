from django_filters import rest_framework as filters

from softwarebroker.api.filters import FilterSet
from softwarebroker.organisaties.models import Organisatie


class OrganisatieFilter(FilterSet):
    oin = filters.CharFilter(field_name="oin", help_text="Exact OIN.")
    naam = filters.CharFilter(field_name="naam", lookup_expr="icontains", help_text="Deel van de naam.")
    type = filters.ChoiceFilter(field_name="type", choices=Organisatie._meta.get_field("type").choices)
    gemeentecode = filters.CharFilter(field_name="gemeentecode")

    class Meta:
        model = Organisatie
        fields = ("oin", "naam", "type", "gemeentecode")
