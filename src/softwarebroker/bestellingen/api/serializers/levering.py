"""The delivery of an order line, and its secret (readable only on its own)."""

from rest_framework import serializers

from softwarebroker.bestellingen.constants import LeveringType
from softwarebroker.bestellingen.models import Levering

from .order_subresource import OrderSubresourceSerializer


class LeveringSerializer(OrderSubresourceSerializer):
    __doc__ = (
        "De levering van één bestelregel. Het `geheim` (bijvoorbeeld een licentiesleutel) wordt "
        "versleuteld bewaard, is hier alleen te schrijven en alleen voor de bestellende organisatie "
        "te lezen via `/geheim`."
    )

    regel = serializers.IntegerField(
        source="regel.volgnummer", min_value=1, help_text="Het volgnummer van de geleverde regel."
    )
    type = serializers.ChoiceField(choices=LeveringType.choices)
    geheim = serializers.CharField(write_only=True, required=False, allow_blank=True, max_length=2000)

    class Meta(OrderSubresourceSerializer.Meta):
        model = Levering
        collection = "leveringen"
        fields = ("url", "bestelling", "regel", "type", "geleverdOp", "verwijzing", "geheim")
        read_only_fields = ("geleverdOp",)


class LeveringGeheimSerializer(serializers.Serializer):
    geheim = serializers.CharField(
        read_only=True, allow_null=True, help_text="Het geleverde geheim, ontsleuteld."
    )
