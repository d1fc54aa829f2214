"""The representation engine's fast conversions give exactly what the serializer fields give."""

from decimal import Decimal

import pytest
from rest_framework import serializers

from softwarebroker.api.representation_converters import fast_converter
from softwarebroker.catalogus.api.serializers import PrijsSerializer
from softwarebroker.catalogus.models import Prijs

STAFFELS = [
    [],
    [{"vanafAantal": 50, "bedragExclBtw": "8.00"}],
    [{"vanafAantal": "10", "bedragExclBtw": "8.5"}, {"vanafAantal": 100, "bedragExclBtw": 7}],
    [{"vanafAantal": 5, "bedragExclBtw": Decimal("1.005")}, {"vanafAantal": 6, "bedragExclBtw": None}],
    [{"vanafAantal": 5}],  # a key missing: through the serializer itself, as before
]


@pytest.mark.parametrize("staffels", STAFFELS)
def test_a_list_of_small_objects_is_shown_as_its_serializer_shows_it(staffels):
    bound = PrijsSerializer(context={}).fields["staffels"]
    convert = fast_converter(bound, Prijs)

    try:
        expected = bound.to_representation(staffels)
    except KeyError as error:  # the serializer's own answer to a missing key
        with pytest.raises(type(error)):
            convert(staffels)
        return
    assert convert(staffels) == expected


def test_a_list_of_anything_else_keeps_its_serializer():
    class Nested(serializers.Serializer):
        items = serializers.ListField(child=serializers.IntegerField())

    class Outer(serializers.Serializer):
        nested = Nested(many=True)

    assert fast_converter(Outer(context={}).fields["nested"], Prijs) is None
