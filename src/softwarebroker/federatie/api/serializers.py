"""The answer of a federated search (documentation; the view builds it)."""

from rest_framework import serializers

from softwarebroker.catalogus.api.serializers import AanbiedingSerializer


class FederatiefResultaatSerializer(AanbiedingSerializer):
    """Een aanbieding uit de eigen of een gekoppelde catalogus. Een resultaat van een
    peer-catalogus staat erin zoals de peer het gaf: alleen `url` en `bron` zijn er zeker."""

    bron = serializers.CharField(read_only=True, help_text="`lokaal`, of de naam van de peer-catalogus.")

    class Meta(AanbiedingSerializer.Meta):
        fields = (*(name for name in AanbiedingSerializer.Meta.fields if name != "_expand"), "bron")
        # A peer's results are passed on as the peer sent them (only their url is checked).
        always_sent = ("url", "bron")


class BronverslagSerializer(serializers.Serializer):
    naam = serializers.CharField(help_text="`lokaal`, of de naam van de peer-catalogus.")
    status = serializers.ChoiceField(choices=["ok", "timeout", "fout"])
    duurMs = serializers.IntegerField(
        help_text="Hoe lang deze bron erover deed (ms): van het begin van de zoekvraag tot haar "
        "antwoord of fout compleet was; bij `timeout` de tijdslimiet."
    )
    aantal = serializers.IntegerField(help_text="Aantal resultaten van deze bron.")
    melding = serializers.CharField(
        allow_blank=True, help_text="Bij `timeout` of `fout`: wat er gebeurde (leeg bij `ok`)."
    )


class FederatiefZoekresultaatSerializer(serializers.Serializer):
    results = FederatiefResultaatSerializer(many=True, read_only=True)
    bronnen = BronverslagSerializer(many=True, read_only=True)
