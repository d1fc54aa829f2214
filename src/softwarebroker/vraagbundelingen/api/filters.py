from django_filters import rest_framework as filters

from softwarebroker.api.filters import FilterSet, ReferenceFilter

from ..constants import VraagbundelingStatus
from ..models import Vraagbundeling


class StatussenFilter(filters.BaseInFilter, filters.ChoiceFilter):
    """One status or several, comma-separated."""


class VraagbundelingFilter(FilterSet):
    status = StatussenFilter(
        field_name="status",
        lookup_expr="in",
        choices=VraagbundelingStatus.choices,
        help_text="Eén status of meerdere, komma-gescheiden (bijv. `open,gesloten`).",
    )
    aanbieding = ReferenceFilter(field_name="aanbieding", help_text="URL van de gebundelde aanbieding.")

    class Meta:
        model = Vraagbundeling
        fields = ("status", "aanbieding")
