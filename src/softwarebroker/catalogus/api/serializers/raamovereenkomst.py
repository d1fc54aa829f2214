from softwarebroker.api.definitions import BESTELLINGEN, CATALOGUS
from softwarebroker.api.fields import ReferenceField
from softwarebroker.api.serializers import Expandable, ExpandField
from softwarebroker.catalogus import rules, services
from softwarebroker.catalogus.models import Leverancier, Raamovereenkomst
from softwarebroker.organisaties.models import Organisatie

from .base import CatalogusSerializer


class RaamovereenkomstSerializer(CatalogusSerializer):
    """Een raamovereenkomst: aanbiedingen eronder zijn alleen voor de deelnemers te bestellen,
    tegen de prijzen van de overeenkomst, tot de maximale waarde."""

    rule = rules.check_raamovereenkomst
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
        return services.create_raamovereenkomst(**validated_data)

    def update(self, instance, validated_data):
        return services.update_raamovereenkomst(raamovereenkomst=instance, **validated_data)
