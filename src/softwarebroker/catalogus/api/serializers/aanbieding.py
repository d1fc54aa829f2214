from django.db.models import F
from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from softwarebroker.api import compiled_reads
from softwarebroker.api.compiled_reads import AnyOf
from softwarebroker.api.definitions import CATALOGUS
from softwarebroker.api.fields import BoundedJSONField, ReferenceField
from softwarebroker.api.representation_engine import Part, grouped_by_parent, plan_for
from softwarebroker.api.representation_inline import InlineRelation
from softwarebroker.api.serializers import Expandable, ExpandField, ResourceSerializer
from softwarebroker.catalogus import selectors, services
from softwarebroker.catalogus.constants import Document
from softwarebroker.catalogus.models import Aanbieding, Leverancier, Prijs, Raamovereenkomst, Softwarepakket
from softwarebroker.core import json_limits

from .aanbieding_verklaringen import OntbrekendeVerklaringenField, VerklaringenField
from .indexering import IndexeringSerializer
from .prijs import PrijsSerializer


@extend_schema_field(PrijsSerializer(many=True, read_only=True))
class ActuelePrijzenField(serializers.Field):
    """The prices valid today (or on ``geldigOp`` when the list was filtered by it), each
    exactly as ``/prijzen`` shows it; one query for a whole page."""

    def __init__(self, **kwargs):
        kwargs.update(read_only=True, source="*")
        kwargs.setdefault("help_text", "De prijzen die vandaag gelden (of op `geldigOp`).")
        super().__init__(**kwargs)

    def row_part(self, model):
        def prepare(context, rows):
            day = _day(context)
            pks = [row["pk"] for row in rows]
            grouped = {}
            if pks:
                # One statement for the page, compiled once (the offers' keys and the day vary).
                related = compiled_reads.rows(("actuelePrijzen",), _page_prices, pks, day)
                grouped = grouped_by_parent(plan_for(PrijsSerializer), related, context)
            return lambda row: grouped.get(row["pk"], [])

        return Part(self.field_name, prepare, inline=ACTUELE_PRIJZEN.inline(model))


def _page_prices(keys, day):
    prijzen = Prijs.objects.filter(selectors.valid_on(day), AnyOf(F("aanbieding_id"), keys))
    ordered = prijzen.order_by("prijstype", "geldig_vanaf", "id")
    return plan_for(PrijsSerializer).values(ordered, _parent=F("aanbieding_id"))


def _day(context) -> object:
    return (context.options.get("geldig_op") if context is not None else None) or timezone.localdate()


# One offer (a detail): its prices inside the offer's own statement, in the page query's order.
ACTUELE_PRIJZEN = InlineRelation(
    "actuelePrijzen",
    lambda: plan_for(PrijsSerializer),
    lambda parent, day: Prijs.objects.filter(selectors.valid_on(day), aanbieding_id=parent),
    ("prijstype", "geldig_vanaf", "pk"),
    arguments=lambda context: (_day(context),),
    argument_count=1,
)


class AanbiedingSerializer(ResourceSerializer):
    """Een bestelbaar aanbod van een softwarepakket door een leverancier, met leveringsvorm,
    licentiemodel, looptijd, contractvoorwaarden (opzegtermijn, verlenging, indexering), de
    prijzen die vandaag gelden (`actuelePrijzen`), de verklaringen die haar vandaag dekken
    (`verklaringen`) en de vereiste documenten zonder verklaring (`ontbrekendeVerklaringen`).
    Een licentie neemt de contractvoorwaarden over bij levering: latere wijzigingen van de
    aanbieding raken een lopend contract niet."""

    softwarepakket = ReferenceField(
        api=CATALOGUS,
        collection="softwarepakketten",
        queryset=Softwarepakket.objects.all(),
        visible=selectors.softwarepakketten,
    )
    leverancier = ReferenceField(api=CATALOGUS, collection="leveranciers", queryset=Leverancier.objects.all())
    raamovereenkomst = ReferenceField(
        api=CATALOGUS,
        collection="raamovereenkomsten",
        queryset=Raamovereenkomst.objects.all(),
        required=False,
        allow_null=True,
    )
    bestelparametersSchema = BoundedJSONField(
        source="bestelparameters_schema",
        max_size=json_limits.SCHEMA_MAX_SIZE,
        required=False,
        help_text="JSON Schema (draft 2020-12) voor de bestelparameters van een bestelregel.",
    )
    vereisteDocumenten = serializers.ListField(
        source="vereiste_documenten", child=serializers.ChoiceField(choices=Document.choices), required=False
    )
    indexering = IndexeringSerializer(
        source="*",
        required=False,
        help_text="Prijsindexering bij verlenging (standaard: geen).",
    )
    actuelePrijzen = ActuelePrijzenField()
    verklaringen = VerklaringenField()
    ontbrekendeVerklaringen = OntbrekendeVerklaringenField()
    _expand = ExpandField()

    class Meta:
        model = Aanbieding
        api = CATALOGUS
        collection = "aanbiedingen"
        fields = (
            "url",
            "softwarepakket",
            "leverancier",
            "naam",
            "omschrijving",
            "leveringsvorm",
            "hostinglocatie",
            "licentiemodel",
            "eenheid",
            "minimaleAfname",
            "looptijdMaanden",
            "verlenging",
            "opzegtermijnDagen",
            "verlengingstermijnMaanden",
            "maxVerlengingen",
            "indexering",
            "raamovereenkomst",
            "bestelparametersSchema",
            "vereisteDocumenten",
            "geldigVanaf",
            "geldigTot",
            "status",
            "actuelePrijzen",
            "verklaringen",
            "ontbrekendeVerklaringen",
            "_expand",
        )
        extra_kwargs = {
            "opzegtermijnDagen": {
                "help_text": "Zoveel dagen voor het einde van de looptijd (of een verlenging) moet "
                "uiterlijk zijn opgezegd; korter dan de looptijd."
            },
        }
        expandable = {
            "softwarepakket": Expandable(
                "softwarebroker.catalogus.api.serializers.SoftwarepakketSerializer",
                "softwarepakket",
            ),
            "leverancier": Expandable(
                "softwarebroker.catalogus.api.serializers.LeverancierSerializer", "leverancier"
            ),
            "prijzen": Expandable(
                "softwarebroker.catalogus.api.serializers.PrijsSerializer", "prijzen", many=True
            ),
            "raamovereenkomst": Expandable(
                "softwarebroker.catalogus.api.serializers.RaamovereenkomstSerializer",
                "raamovereenkomst",
            ),
        }

    def create(self, validated_data):
        return services.create_aanbieding(acting=self.acting, **validated_data)

    def update(self, instance, validated_data):
        return services.update_aanbieding(
            acting=self.acting, aanbieding=instance, partial=self.partial, **validated_data
        )
