"""The prices of an order line as frozen at submission (``bestellingen.pricing``): its shape in
the contract. The snapshot is shown as stored; these serializers only describe it."""

from rest_framework import serializers

from softwarebroker.api.fields import MAX_URL_LENGTH, DescribedJSONField
from softwarebroker.catalogus.constants import Document, Doelgroep, Grondslag, Periode, Prijstype

AMOUNT = {"max_digits": 14, "decimal_places": 2, "min_value": 0, "coerce_to_string": True}


class MomentopnamePrijsSerializer(serializers.Serializer):
    """Eén toegepaste prijs van de aanbieding, zoals vastgelegd bij indienen."""

    prijs = serializers.URLField(max_length=MAX_URL_LENGTH, help_text="URL van de prijs in de catalogus.")
    prijstype = serializers.ChoiceField(choices=Prijstype.choices)
    grondslag = serializers.ChoiceField(
        choices=Grondslag.choices,
        help_text="`per_eenheid`: het bedrag telt per eenheid van de regel (staffels gelden); "
        "`per_bestelling`: het bedrag telt één keer voor de regel, ongeacht het aantal.",
    )
    periode = serializers.ChoiceField(
        choices=Periode.choices,
        allow_null=True,
        help_text="Bij een terugkerende prijs de periode waarvoor het bedrag geldt, anders `null`.",
    )
    doelgroep = serializers.ChoiceField(choices=Doelgroep.choices)
    staffelVanafAantal = serializers.IntegerField(
        allow_null=True,
        help_text="De bereikte staffel (vanaf dit aantal); `null` als het basisbedrag gold "
        "(altijd bij `per_bestelling`).",
    )
    eenheidsprijsExclBtw = serializers.DecimalField(
        **AMOUNT, help_text="Het bedrag per eenheid; bij `per_bestelling` het bedrag voor de regel."
    )
    aantal = serializers.IntegerField(
        help_text="Het aantal waarmee het bedrag is vermenigvuldigd: het aantal eenheden van de regel "
        "bij `per_eenheid`, 1 bij `per_bestelling`."
    )
    bedragExclBtw = serializers.DecimalField(
        **AMOUNT, help_text="Eenheidsprijs maal aantal, in centen afgerond."
    )
    btwPercentage = serializers.DecimalField(
        max_digits=5, decimal_places=2, min_value=0, coerce_to_string=True
    )
    btw = serializers.DecimalField(**AMOUNT, help_text="De btw over wat dit bedrag aan de regel bijdraagt.")


class PrijsMomentopnameSerializer(serializers.Serializer):
    """De toegepaste prijzen en staffels van een bestelregel, vastgelegd bij indienen: latere
    prijswijzigingen in de catalogus veranderen hem niet."""

    datum = serializers.DateField(help_text="De dag waarvan de prijzen zijn toegepast.")
    prijzen = MomentopnamePrijsSerializer(many=True)
    eenmaligExclBtw = serializers.DecimalField(**AMOUNT, help_text="Het eenmalige bedrag van de regel.")
    perJaarExclBtw = serializers.DecimalField(
        **AMOUNT, help_text="Het terugkerende bedrag van de regel per jaar (verbruik telt niet mee)."
    )
    btw = serializers.DecimalField(**AMOUNT, help_text="De btw van de regel.")


def prijs_momentopname_field(**kwargs) -> DescribedJSONField:
    """The stored snapshot as it is (a JSON column), described by :class:`PrijsMomentopnameSerializer`."""
    return DescribedJSONField(described_by=PrijsMomentopnameSerializer, allow_null=True, **kwargs)


class MomentopnameVerklaringSerializer(serializers.Serializer):
    """Een verklaring die de aanbieding dekte bij indienen, zoals vastgelegd."""

    type = serializers.ChoiceField(choices=Document.choices)
    verklaring = serializers.URLField(
        max_length=MAX_URL_LENGTH, help_text="URL van de verklaring in de catalogus."
    )
    geldigVanaf = serializers.DateField()
    geldigTot = serializers.DateField(allow_null=True, help_text="`null`: onbepaald geldig.")


def verklaringen_momentopname_field(**kwargs) -> DescribedJSONField:
    """The frozen declarations (a JSON column), described by :class:`MomentopnameVerklaringSerializer`."""
    return DescribedJSONField(
        described_by=MomentopnameVerklaringSerializer, many=True, allow_null=True, **kwargs
    )
