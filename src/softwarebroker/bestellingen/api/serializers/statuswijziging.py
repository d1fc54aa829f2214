"""The status changes of an order: creating one asks for the transition."""

from rest_framework import serializers

from softwarebroker.bestellingen.constants import BestellingStatus
from softwarebroker.bestellingen.models import Statuswijziging

from .order_subresource import OrderSubresourceSerializer


class StatuswijzigingSerializer(OrderSubresourceSerializer):
    """Een statusovergang van een bestelling. Aanmaken vraagt de overgang aan; de lijst is de geschiedenis."""

    naarStatus = serializers.ChoiceField(source="naar_status", choices=BestellingStatus.choices)

    class Meta(OrderSubresourceSerializer.Meta):
        model = Statuswijziging
        collection = "statuswijzigingen"
        fields = (
            "url",
            "bestelling",
            "vanStatus",
            "naarStatus",
            "toelichting",
            "actor",
            "actorWeergave",
            "tijdstip",
        )
        read_only_fields = ("vanStatus", "actor", "actorWeergave", "tijdstip")
