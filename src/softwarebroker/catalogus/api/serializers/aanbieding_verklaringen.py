"""The declarations of an offer, computed: those covering it today and the required types
without one. Both fields of a page share one query (``geldig.geldige_verklaringen``)."""

from __future__ import annotations

from types import SimpleNamespace

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from softwarebroker.api.definitions import CATALOGUS
from softwarebroker.api.fields import MAX_URL_LENGTH, DescribedJSONField
from softwarebroker.api.representation_engine import Part
from softwarebroker.api.representation_inline import InlineRelation
from softwarebroker.catalogus.constants import Document
from softwarebroker.catalogus.verklaringen import geldig, vereist

COLUMNS = ("softwarepakket_id", "leverancier_id", "vereiste_documenten")


def _coverage(context, rows) -> dict:
    """Per offer (pk) per type the declaration covering it today: one query for the page."""

    def load():
        offers = [
            SimpleNamespace(pk=row["pk"], softwarepakket_id=row[COLUMNS[0]], leverancier_id=row[COLUMNS[1]])
            for row in rows
        ]
        return vereist.geldige_verklaringen(offers, timezone.localdate())

    return context.per_page("verklaringen", rows, load)


# One offer (a detail): the same choice, read inside the offer's own statement.
GEKOZEN = InlineRelation(
    "verklaringen",
    geldig.KernLezer,
    geldig.gekozen,
    ("pk",),
    arguments=lambda context: (timezone.localdate(),),
    argument_count=1,
    outer=("pk", *COLUMNS[:2]),
)


def _inline_coverage(context, rows, read) -> dict:
    def load():
        return {
            row["pk"]: {verklaring["type"]: geldig.Kern(**verklaring) for verklaring in read(row)}
            for row in rows
        }

    return context.per_page("verklaringen", rows, load)


class AanbiedingVerklaringSerializer(serializers.Serializer):
    """Een verklaring die de aanbieding vandaag dekt: van de aanbieding zelf, anders van haar
    softwarepakket, anders van haar leverancier."""

    type = serializers.ChoiceField(choices=Document.choices)
    verklaring = serializers.URLField(max_length=MAX_URL_LENGTH, help_text="URL van de verklaring.")
    geldigVanaf = serializers.DateField()
    geldigTot = serializers.DateField(allow_null=True, help_text="`null`: onbepaald geldig.")


class VerklaringenField(DescribedJSONField):
    def __init__(self, **kwargs):
        kwargs.update(source="*", described_by=AanbiedingVerklaringSerializer, many=True)
        kwargs.setdefault(
            "help_text",
            "De geldige, goedgekeurde verklaringen die deze aanbieding vandaag dekken, één per type (de "
            "meest specifieke: van de aanbieding, anders van het softwarepakket, anders van de "
            "leverancier), op type gesorteerd.",
        )
        super().__init__(**kwargs)

    def to_representation(self, value):  # pragma: no cover - built by row_part
        raise NotImplementedError

    def row_part(self, model):
        def build(coverage, context):
            base = context.base(CATALOGUS, "verklaringen")
            return lambda row: vereist.momentopname(coverage.get(row["pk"], {}), base)

        def prepare(context, rows):
            return build(_coverage(context, rows), context)

        def inline(context, rows, read):
            return build(_inline_coverage(context, rows, read), context)

        return Part(self.field_name, prepare, columns=COLUMNS, inline=GEKOZEN.inline(model, inline))


@extend_schema_field(
    serializers.ListField(child=serializers.ChoiceField(choices=Document.choices), read_only=True)
)
class OntbrekendeVerklaringenField(serializers.Field):
    def __init__(self, **kwargs):
        kwargs.update(read_only=True, source="*")
        kwargs.setdefault(
            "help_text",
            "De vereiste documenten (`vereisteDocumenten`) waarvoor vandaag geen geldige, goedgekeurde "
            "verklaring is: zolang er een ontbreekt, kan de aanbieding niet worden besteld.",
        )
        super().__init__(**kwargs)

    def to_representation(self, value):  # pragma: no cover - built by row_part
        raise NotImplementedError

    def row_part(self, model):
        def build(coverage):
            def missing(row):
                gedekt = coverage.get(row["pk"], {})
                return [soort for soort in row[COLUMNS[2]] if soort not in gedekt]

            return missing

        def prepare(context, rows):
            return build(_coverage(context, rows))

        def inline(context, rows, read):
            return build(_inline_coverage(context, rows, read))

        return Part(self.field_name, prepare, columns=COLUMNS, inline=GEKOZEN.inline(model, inline))
