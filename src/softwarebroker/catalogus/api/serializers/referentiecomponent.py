from softwarebroker.api.definitions import CATALOGUS
from softwarebroker.api.serializers import ResourceSerializer
from softwarebroker.catalogus.models import Referentiecomponent


class ReferentiecomponentSerializer(ResourceSerializer):
    """Een GEMMA-referentiecomponent uit het register (gevuld uit de publicatie van GEMMA).
    Softwarepakketten en gebruiken noemen componenten bij hun `uri`, in elke instantie dezelfde."""

    class Meta:
        model = Referentiecomponent
        api = CATALOGUS
        collection = "referentiecomponenten"
        fields = ("url", "gemmaId", "naam", "beschrijving", "status", "uri")
        read_only_fields = fields
        expandable = {}
