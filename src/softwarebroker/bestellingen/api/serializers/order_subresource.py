"""The base of the resources under an order (``/bestellingen/{uuid}/<collection>``)."""

from softwarebroker.api.definitions import BESTELLINGEN
from softwarebroker.api.fields import ReferenceField, ResourceURLField
from softwarebroker.api.representation_engine import Part
from softwarebroker.api.serializers import ResourceSerializer


class SubURLField(ResourceURLField):
    """``{order url}/{collection}/{uuid}``: the URL of a resource under an order (the
    collection named by the serializer's ``Meta``)."""

    def row_part(self, model):
        collection = self.parent.Meta.collection

        def prepare(context, rows):
            base = context.base(BESTELLINGEN, "bestellingen")
            return lambda row: f"{base}{row['bestelling__uuid']}/{collection}/{row['uuid']}"

        return Part(self.field_name, prepare, columns=("bestelling__uuid", "uuid"))


class OrderSubresourceSerializer(ResourceSerializer):
    # A resource under an order: its URL under the order's and the order it belongs to. A
    # subclass names its model, collection, fields (``url`` and ``bestelling`` first) and
    # read-only fields in a ``Meta`` derived from this one.
    #
    # No docstring here: a serializer's docstring is its description in the contract, and
    # each subclass writes its own. Where that description is one long line, the subclass
    # sets ``__doc__`` from adjacent strings (a wrapped docstring would wrap it there too).

    url = SubURLField()
    bestelling = ReferenceField(api=BESTELLINGEN, collection="bestellingen", read_only=True)

    class Meta(ResourceSerializer.Meta):
        api = BESTELLINGEN
        expandable = {}
