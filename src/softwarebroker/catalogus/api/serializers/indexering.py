"""How a contract's recurring price may rise each renewal: one shape for an offer's contract
terms and for the licence that copies them."""

from rest_framework import serializers

from softwarebroker.api.bounds import BoundedSerializer
from softwarebroker.catalogus.constants import Indexering

PERCENTAGE = {
    "max_digits": 5,
    "decimal_places": 2,
    "min_value": 0,
    "max_value": 100,
    "coerce_to_string": True,
}


class IndexeringSerializer(BoundedSerializer):
    """De indexering: methode `geen`, `cpi` (consumentenprijsindex van het CBS) of `vast`
    (met `percentage`); `plafondPercentage` begrenst de stijging per verlenging."""

    methode = serializers.ChoiceField(
        source="indexering",
        choices=Indexering.choices,
        help_text="`geen`, `cpi` (consumentenprijsindex van het CBS) of `vast` (een vast percentage).",
    )
    percentage = serializers.DecimalField(
        source="indexering_percentage",
        required=False,
        allow_null=True,
        help_text="Het vaste percentage per verlenging; alleen (en verplicht) bij `vast`.",
        **PERCENTAGE,
    )
    plafondPercentage = serializers.DecimalField(
        source="indexering_plafond",
        required=False,
        allow_null=True,
        help_text="De hoogste stijging per verlenging in procenten, bij `cpi` of `vast`; leeg: geen plafond.",
        **PERCENTAGE,
    )
