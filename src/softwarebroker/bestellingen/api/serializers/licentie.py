"""The licences of an organisation, created and changed by delivered order lines."""

from softwarebroker.api.definitions import BESTELLINGEN, CATALOGUS
from softwarebroker.api.fields import ReferenceField
from softwarebroker.api.serializers import ResourceSerializer
from softwarebroker.bestellingen.models import Licentie

from .fields import LocalOrPeerReferenceField


class LicentieSerializer(ResourceSerializer):
    """Een licentie van een organisatie, ontstaan en gewijzigd door geleverde bestelregels."""

    organisatie = ReferenceField(api=BESTELLINGEN, collection="organisaties", read_only=True)
    aanbieding = LocalOrPeerReferenceField(
        api=CATALOGUS,
        collection="aanbiedingen",
        peer_column="peer_aanbieding__url",
        help_text="De aanbieding waarmee de licentie is gekocht (in deze catalogus of bij een peer).",
    )
    softwarepakketversie = ReferenceField(
        api=CATALOGUS, collection="softwarepakketversies", read_only=True, allow_null=True
    )

    class Meta:
        model = Licentie
        api = BESTELLINGEN
        collection = "licenties"
        fields = (
            "url",
            "organisatie",
            "aanbieding",
            "softwarepakketversie",
            "aantal",
            "ingangsdatum",
            "einddatum",
            "automatischVerlengen",
            "opzegtermijnDagen",
            "status",
            "opzegtermijnGemeldOp",
        )
        read_only_fields = fields
        expandable = {}
