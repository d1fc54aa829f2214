"""The messages about an order between customer, supplier and broker."""

from softwarebroker.bestellingen.models import Bericht

from .order_subresource import OrderSubresourceSerializer


class BerichtSerializer(OrderSubresourceSerializer):
    __doc__ = (
        "Een bericht bij een bestelling tussen afnemer, leverancier en broker; `intern` ziet alleen "
        "de eigen kant."
    )

    class Meta(OrderSubresourceSerializer.Meta):
        model = Bericht
        collection = "berichten"
        fields = ("url", "bestelling", "auteurRol", "auteur", "zichtbaarheid", "inhoud", "tijdstip")
        read_only_fields = ("auteurRol", "auteur", "tijdstip")
