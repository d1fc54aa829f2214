from rest_framework import serializers

from softwarebroker.api.definitions import BESTELLINGEN, CATALOGUS
from softwarebroker.api.fields import ReferenceField
from softwarebroker.api.representation_engine import Part
from softwarebroker.api.serializers import Expandable, ExpandField, ResourceSerializer
from softwarebroker.catalogus import selectors, services
from softwarebroker.catalogus.models import Leverancier, Raamovereenkomst
from softwarebroker.organisaties.models import Organisatie


class BerekendBedragField(serializers.DecimalField):
    """A read-only amount computed by the database for every row of a page (an annotation in
    the query that reads the page, never a query per row)."""

    def __init__(self, expression, **kwargs):
        self.expression = expression
        kwargs.update(max_digits=16, decimal_places=2, coerce_to_string=True, read_only=True)
        super().__init__(**kwargs)

    def row_part(self, model):
        alias = f"_berekend_{self.field_name}"

        def build(row):
            value = row[alias]
            return None if value is None else f"{value:.2f}"

        return Part(self.field_name, lambda context, rows: build, expressions={alias: self.expression()})


class RaamovereenkomstSerializer(ResourceSerializer):
    """Een raamovereenkomst: aanbiedingen eronder zijn alleen voor de deelnemers te bestellen,
    tegen de prijzen van de overeenkomst, tot de maximale waarde. Een bestelling telt vanaf het
    indienen mee met haar afroepwaarde: de eenmalige kosten plus de terugkerende kosten over de
    volledige looptijd van de aanbieding, met de verlengingen die het contract toestaat."""

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
    afgeroepenWaarde = BerekendBedragField(
        selectors.afgeroepen_waarde,
        help_text="De som van de afroepwaarden (excl. btw) van de bestellingen onder deze "
        "raamovereenkomst, vanaf het indienen tot intrekken, afwijzen, weigeren, annuleren of mislukken.",
    )
    resterendeWaarde = BerekendBedragField(
        selectors.resterende_waarde,
        allow_null=True,
        help_text="`maximaleWaarde` min `afgeroepenWaarde`; leeg zonder maximale waarde.",
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
            "afgeroepenWaarde",
            "resterendeWaarde",
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
