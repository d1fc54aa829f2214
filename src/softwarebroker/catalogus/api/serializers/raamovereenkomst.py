from softwarebroker.api.definitions import BESTELLINGEN, CATALOGUS
from softwarebroker.api.fields import ReferenceField
from softwarebroker.api.serializers import Expandable, ExpandField, ResourceSerializer
from softwarebroker.catalogus import services
from softwarebroker.catalogus.models import Leverancier, Raamovereenkomst
from softwarebroker.organisaties.models import Organisatie


class RaamovereenkomstSerializer(ResourceSerializer):
    """Een raamovereenkomst: aanbiedingen eronder zijn alleen voor de deelnemers te bestellen,
    tegen de prijzen van de overeenkomst, tot de maximale waarde."""

    leveranciers = ReferenceField(
        api=CATALOGUS,
        collection="leveranciers",
        queryset=Leverancier.objects.all(),
        many=True,
        required=False,
    )
    deelnemers = ReferenceField(
        api=BESTELLINGEN,
        collection="organisaties",
        queryset=Organisatie.objects.all(),
        many=True,
        required=False,
    )
    _expand = ExpandField()

    class Meta:
        model = Raamovereenkomst
        api = CATALOGUS
        collection = "raamovereenkomsten"
        fields = (
            "url",
            "naam",
            "kenmerk",
            "contractant",
            "leveranciers",
            "deelnemers",
            "ingangsdatum",
            "einddatum",
            "maximaleWaarde",
            "status",
            "_expand",
        )
        expandable = {
            "leveranciers": Expandable(
                "softwarebroker.catalogus.api.serializers.LeverancierSerializer", "leveranciers", many=True
            ),
            "deelnemers": Expandable(
                "softwarebroker.organisaties.api.serializers.OrganisatieSerializer",
                "deelnemers",
                many=True,
            ),
        }

    def create(self, validated_data):
        return services.create_raamovereenkomst(acting=self.acting, **validated_data)

    def update(self, instance, validated_data):
        return services.update_raamovereenkomst(
            acting=self.acting, raamovereenkomst=instance, partial=self.partial, **validated_data
        )
