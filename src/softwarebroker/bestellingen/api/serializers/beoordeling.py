"""The decisions of budget holders on orders awaiting approval."""

from rest_framework import serializers

from softwarebroker.bestellingen.constants import Besluit
from softwarebroker.bestellingen.models import Beoordeling

from .order_subresource import OrderSubresourceSerializer


class BeoordelingSerializer(OrderSubresourceSerializer):
    """Het besluit van een budgethouder over een bestelling ter goedkeuring (vier ogen, binnen mandaat)."""

    besluit = serializers.ChoiceField(choices=Besluit.choices)

    class Meta(OrderSubresourceSerializer.Meta):
        model = Beoordeling
        collection = "beoordelingen"
        fields = (
            "url",
            "bestelling",
            "besluit",
            "toelichting",
            "beoordelaar",
            "beoordelaarWeergave",
            "tijdstip",
        )
        read_only_fields = ("beoordelaar", "beoordelaarWeergave", "tijdstip")
