from rest_framework import serializers

from softwarebroker.api.bounds import BoundedSerializer
from softwarebroker.api.definitions import CATALOGUS
from softwarebroker.api.fields import ReferenceField
from softwarebroker.api.serializers import Expandable, ExpandField, ResourceSerializer
from softwarebroker.catalogus import selectors, services
from softwarebroker.catalogus.constants import Grondslag
from softwarebroker.catalogus.models import Aanbieding, Prijs


class StaffelSerializer(BoundedSerializer):
    vanafAantal = serializers.IntegerField(min_value=2, help_text="Vanaf dit aantal geldt het staffelbedrag.")
    bedragExclBtw = serializers.DecimalField(
        max_digits=12, decimal_places=2, min_value=0, coerce_to_string=True, help_text="Bedrag per eenheid."
    )

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        return {"vanafAantal": value["vanafAantal"], "bedragExclBtw": f"{value['bedragExclBtw']:.2f}"}


class PrijsSerializer(ResourceSerializer):
    """Een prijs van een aanbieding voor een periode. De grondslag zegt waarover het bedrag telt:
    `per_eenheid` maal het aantal van de bestelregel (bij staffels geldt voor alle eenheden het
    bedrag van de bereikte staffel), `per_bestelling` één keer per bestelregel, ongeacht het
    aantal (een vergoeding zoals implementatie of inrichting; zonder staffels). Bedragen zijn
    decimale teksten met 2 decimalen."""

    aanbieding = ReferenceField(
        api=CATALOGUS,
        collection="aanbiedingen",
        queryset=Aanbieding.objects.all(),
        visible=selectors.aanbiedingen,
    )
    # Required on create and replace (no default in the API): a client says what it means.
    grondslag = serializers.ChoiceField(
        choices=Grondslag.choices,
        help_text="`per_eenheid`: het bedrag telt per eenheid (maal het aantal van de bestelregel, "
        "staffels gelden); `per_bestelling`: het bedrag telt één keer per bestelregel, ongeacht het "
        "aantal (zonder staffels). Een verbruiksprijs is altijd `per_eenheid`.",
    )
    bedragExclBtw = serializers.DecimalField(
        source="bedrag_excl_btw", max_digits=12, decimal_places=2, min_value=0, coerce_to_string=True
    )
    btwPercentage = serializers.DecimalField(
        source="btw_percentage", max_digits=5, decimal_places=2, min_value=0, max_value=100, required=False
    )
    staffels = StaffelSerializer(many=True, required=False)
    _expand = ExpandField()

    class Meta:
        model = Prijs
        api = CATALOGUS
        collection = "prijzen"
        fields = (
            "url",
            "aanbieding",
            "prijstype",
            "grondslag",
            "periode",
            "bedragExclBtw",
            "btwPercentage",
            "staffels",
            "doelgroep",
            "geldigVanaf",
            "geldigTot",
            "_expand",
        )
        expandable = {
            "aanbieding": Expandable(
                "softwarebroker.catalogus.api.serializers.AanbiedingSerializer",
                "aanbieding",
            )
        }

    def create(self, validated_data):
        return services.create_prijs(acting=self.acting, **validated_data)

    def update(self, instance, validated_data):
        return services.update_prijs(
            acting=self.acting, prijs=instance, partial=self.partial, **validated_data
        )
