from django_filters import rest_framework as filters

from softwarebroker.api.filters import FilterSet, LocalOrPeerReferenceFilter, ReferenceFilter
from softwarebroker.bestellingen.constants import BestellingStatus, LicentieBron, LicentieStatus
from softwarebroker.bestellingen.models import Bestelling, Licentie
from softwarebroker.federatie.models import PeerAanbieding


class StatussenFilter(filters.BaseInFilter, filters.ChoiceFilter):
    """One status or several, comma-separated."""


class BestellingFilter(FilterSet):
    status = StatussenFilter(
        field_name="status",
        lookup_expr="in",
        choices=BestellingStatus.choices,
        help_text="Eén status of meerdere, komma-gescheiden (bijv. `ingediend,geaccepteerd`).",
    )
    nummer = filters.CharFilter(help_text="Het bestelnummer.")
    besteller = ReferenceFilter(field_name="besteller", help_text="URL van de bestellende organisatie.")
    leverancier = LocalOrPeerReferenceFilter(
        field_name="leverancier",
        peer_field_name="leverancier_url",
        help_text="URL van de leverancier (ook die van een peer-catalogus).",
    )
    aanbieding = LocalOrPeerReferenceFilter(
        field_name="regels__aanbieding",
        peer_field_name="regels__peer_aanbieding",
        peer_model=PeerAanbieding,
        distinct=True,
        help_text="URL van een aanbieding op een van de regels (ook die van een peer-catalogus).",
    )
    aangemaaktVanaf = filters.DateFilter(
        field_name="aangemaakt_op", lookup_expr="date__gte", help_text="Aangemaakt op of na deze datum."
    )
    aangemaaktTot = filters.DateFilter(
        field_name="aangemaakt_op", lookup_expr="date__lt", help_text="Aangemaakt vóór deze datum."
    )
    ingediendVanaf = filters.DateFilter(field_name="ingediend_op", lookup_expr="date__gte")
    ingediendTot = filters.DateFilter(field_name="ingediend_op", lookup_expr="date__lt")

    class Meta:
        model = Bestelling
        fields = (
            "status",
            "nummer",
            "besteller",
            "leverancier",
            "aanbieding",
            "aangemaaktVanaf",
            "aangemaaktTot",
            "ingediendVanaf",
            "ingediendTot",
        )


class LicentieFilter(FilterSet):
    organisatie = ReferenceFilter(field_name="organisatie", help_text="URL van de organisatie.")
    status = filters.ChoiceFilter(choices=LicentieStatus.choices)
    bron = filters.ChoiceFilter(
        choices=LicentieBron.choices, help_text="`broker` (via een bestelling) of `extern` (geregistreerd)."
    )
    leverancier = LocalOrPeerReferenceFilter(
        field_name="leverancier",
        peer_field_name="peer_aanbieding__gegevens__leverancier",
        help_text="URL van de leverancier (ook die van een peer-catalogus).",
    )
    softwarepakket = LocalOrPeerReferenceFilter(
        field_name="softwarepakket",
        peer_field_name="peer_aanbieding__gegevens__softwarepakket",
        help_text="URL van het softwarepakket (ook dat van een peer-catalogus).",
    )
    verlooptVoor = filters.DateFilter(
        field_name="einddatum",
        lookup_expr="lt",
        help_text="Alleen licenties met een einddatum vóór deze datum.",
    )

    class Meta:
        model = Licentie
        fields = ("organisatie", "status", "bron", "leverancier", "softwarepakket", "verlooptVoor")
