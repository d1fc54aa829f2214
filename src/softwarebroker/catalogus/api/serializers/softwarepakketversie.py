from softwarebroker.api.definitions import CATALOGUS
from softwarebroker.api.fields import ReferenceField
from softwarebroker.api.serializers import Expandable, ExpandField, ResourceSerializer
from softwarebroker.catalogus import selectors, services
from softwarebroker.catalogus.models import Softwarepakket, Softwarepakketversie


class SoftwarepakketversieSerializer(ResourceSerializer):
    """Een versie (semver) van een softwarepakket, met releasedatum en einde van de ondersteuning."""

    softwarepakket = ReferenceField(
        api=CATALOGUS,
        collection="softwarepakketten",
        queryset=Softwarepakket.objects.all(),
        visible=selectors.softwarepakketten,
    )
    _expand = ExpandField()

    class Meta:
        model = Softwarepakketversie
        api = CATALOGUS
        collection = "softwarepakketversies"
        fields = (
            "url",
            "softwarepakket",
            "versie",
            "releasedatum",
            "eindeOndersteuning",
            "status",
            "_expand",
        )
        expandable = {
            "softwarepakket": Expandable(
                "softwarebroker.catalogus.api.serializers.SoftwarepakketSerializer",
                "softwarepakket",
            )
        }

    def create(self, validated_data):
        return services.create_softwarepakketversie(acting=self.acting, **validated_data)

    def update(self, instance, validated_data):
        return services.update_softwarepakketversie(
            acting=self.acting, softwarepakketversie=instance, partial=self.partial, **validated_data
        )
