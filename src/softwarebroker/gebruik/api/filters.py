from django_filters import rest_framework as filters

from softwarebroker.api.filters import BooleanFilter, FilterSet, ReferenceFilter

from ..constants import GebruikStatus
from ..models import Gebruik


class StatussenFilter(filters.BaseInFilter, filters.ChoiceFilter):
    """One status or several, comma-separated."""


class GebruikFilter(FilterSet):
    organisatie = ReferenceFilter(field_name="organisatie", help_text="URL van de gebruikende organisatie.")
    softwarepakket = ReferenceFilter(field_name="softwarepakket", help_text="URL van het softwarepakket.")
    softwarepakketversie = ReferenceFilter(
        field_name="softwarepakketversie", help_text="URL van de gebruikte versie."
    )
    status = StatussenFilter(
        field_name="status",
        lookup_expr="in",
        choices=GebruikStatus.choices,
        help_text="Eén status of meerdere, komma-gescheiden (bijv. `gepland,in_productie`).",
    )
    referentiecomponent = filters.CharFilter(
        method="filter_referentiecomponent",
        max_length=500,
        help_text="URI van een GEMMA-referentiecomponent waarvoor het pakket wordt gebruikt.",
    )
    attentie = BooleanFilter(
        method="filter_attentie",
        help_text="`true`: alleen gebruik met een open attentie; `false`: alleen zonder.",
    )

    class Meta:
        model = Gebruik
        fields = (
            "organisatie",
            "softwarepakket",
            "softwarepakketversie",
            "status",
            "referentiecomponent",
            "attentie",
        )

    def filter_referentiecomponent(self, queryset, name, value):
        return queryset.filter(referentiecomponenten__contains=[value])

    def filter_attentie(self, queryset, name, value):
        # ``_attentie``: the open-alert annotation of ``selectors.gebruiken``.
        return queryset.filter(_attentie=value)
