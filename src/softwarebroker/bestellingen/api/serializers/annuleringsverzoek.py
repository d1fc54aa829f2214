"""The requests of a customer to cancel an order, and the supplier's decision on them."""

from rest_framework import serializers

from softwarebroker.bestellingen.constants import AnnuleringStatus
from softwarebroker.bestellingen.models import Annuleringsverzoek

from .order_subresource import OrderSubresourceSerializer


class AnnuleringsverzoekSerializer(OrderSubresourceSerializer):
    __doc__ = (
        "Een verzoek van de afnemer om een lopende bestelling te annuleren; de leverancier besluit "
        "(status uitgevoerd of afgewezen)."
    )

    status = serializers.ChoiceField(choices=AnnuleringStatus.choices, required=False)

    class Meta(OrderSubresourceSerializer.Meta):
        model = Annuleringsverzoek
        collection = "annuleringsverzoeken"
        fields = ("url", "bestelling", "reden", "status", "toelichting", "aangevraagdDoor", "tijdstip")
        read_only_fields = ("aangevraagdDoor", "tijdstip")
