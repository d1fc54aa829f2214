"""Representations of orders and what hangs under them."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from softwarebroker.api.definitions import BESTELLINGEN, CATALOGUS
from softwarebroker.api.fields import ReferenceField, ResourceURLField
from softwarebroker.api.rows import Part, local_or_peer_url_part
from softwarebroker.api.serializers import Expandable, ExpandField, ResourceSerializer
from softwarebroker.bestellingen import aanbiedingen
from softwarebroker.bestellingen.constants import AnnuleringStatus, Besluit, BestellingStatus, LeveringType
from softwarebroker.bestellingen.models import (
    Annuleringsverzoek,
    Beoordeling,
    Bericht,
    Bestelling,
    Bestelregel,
    Levering,
    Licentie,
    Statuswijziging,
)
from softwarebroker.organisaties.models import Organisatie

MONEY = {"max_digits": 14, "decimal_places": 2, "read_only": True, "coerce_to_string": True}


@extend_schema_field(
    {"type": "string", "format": "uri", "description": "URL van de aanbieding in een catalogus."}
)
class AanbiedingURLField(serializers.Field):
    """The offer of a line, by URL; resolved through :mod:`softwarebroker.bestellingen.aanbiedingen`."""

    default_error_messages = {
        "onbekend": "Geen aanbieding gevonden op {url}.",
        "incorrect_type": "Verwacht een URL als tekst.",
    }

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("incorrect_type")
        try:
            return aanbiedingen.resolve(data, self.context["request"])
        except aanbiedingen.UnknownAanbieding:
            self.fail("onbekend", url=data)
        except aanbiedingen.InvalidReference as error:
            raise serializers.ValidationError(error.reason, code=error.code) from None

    def row_part(self, model):
        return local_or_peer_url_part(
            self.field_name, CATALOGUS, "aanbiedingen", "aanbieding__uuid", "peer_aanbieding__url"
        )


class LokaalOfPeerField(ReferenceField):
    """A read-only reference to a catalogue resource of this instance or, for orders of a
    peer's offers, of the peer (its URL kept in ``peer_column``)."""

    def __init__(self, *, peer_column: str, **kwargs):
        self.peer_column = peer_column
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def row_part(self, model):
        return local_or_peer_url_part(
            self.field_name,
            self.api,
            self.collection,
            "__".join(self.source_attrs) + "__uuid",
            self.peer_column,
        )


class BestelregelSerializer(ResourceSerializer):
    url = None
    aanbieding = AanbiedingURLField(help_text="URL van de aanbieding.")
    aantal = serializers.IntegerField(
        min_value=1,
        required=False,
        allow_null=True,
        help_text="Het aantal eenheden; bij licentiemodel per_inwoner het inwonertal van de besteller.",
    )
    licentie = ReferenceField(
        api=BESTELLINGEN,
        collection="licenties",
        queryset=Licentie.objects.select_related("aanbieding"),
        required=False,
        allow_null=True,
        help_text="De licentie die deze regel wijzigt (niet bij actie nieuw).",
    )
    bestelparameters = serializers.JSONField(
        required=False, help_text="Waarden volgens het bestelparametersSchema van de aanbieding."
    )
    prijsMomentopname = serializers.JSONField(
        source="prijs_momentopname",
        read_only=True,
        allow_null=True,
        help_text="De toegepaste prijzen en staffels, vastgelegd bij indienen.",
    )
    bedragEenmaligExclBtw = serializers.DecimalField(source="bedrag_eenmalig_excl_btw", **MONEY)
    bedragPerJaarExclBtw = serializers.DecimalField(source="bedrag_per_jaar_excl_btw", **MONEY)
    btw = serializers.DecimalField(**MONEY)

    class Meta:
        model = Bestelregel
        fields = (
            "volgnummer",
            "aanbieding",
            "aantal",
            "actie",
            "licentie",
            "bestelparameters",
            "prijsMomentopname",
            "bedragEenmaligExclBtw",
            "bedragPerJaarExclBtw",
            "btw",
            "status",
        )
        read_only_fields = ("volgnummer", "status")
        expandable = {}


class BestellingSerializer(ResourceSerializer):
    """Een bestelling van een organisatie bij één leverancier, met haar regels. Bedragen zijn
    decimale teksten; tot het indienen zijn ze een raming, daarna vastgelegd per regel."""

    besteller = ReferenceField(
        api=BESTELLINGEN,
        collection="organisaties",
        queryset=Organisatie.objects.all(),
        help_text="URL van de bestellende organisatie (verandert niet meer na aanmaken).",
    )
    leverancier = LokaalOfPeerField(
        api=CATALOGUS,
        collection="leveranciers",
        peer_column="leverancier_url",
        help_text="De leverancier van de aanbiedingen (bij aanbiedingen van een peer: in diens catalogus).",
    )
    raamovereenkomst = ReferenceField(
        api=CATALOGUS, collection="raamovereenkomsten", read_only=True, allow_null=True
    )
    regels = BestelregelSerializer(many=True, help_text="De bestelregels (alle van één leverancier).")
    totaalEenmaligExclBtw = serializers.DecimalField(source="totaal_eenmalig_excl_btw", **MONEY)
    totaalPerJaarExclBtw = serializers.DecimalField(source="totaal_per_jaar_excl_btw", **MONEY)
    totaalBtw = serializers.DecimalField(source="totaal_btw", **MONEY)
    _expand = ExpandField()

    class Meta:
        model = Bestelling
        api = BESTELLINGEN
        collection = "bestellingen"
        fields = (
            "url",
            "nummer",
            "besteller",
            "aanvrager",
            "aanvragerWeergave",
            "kostenplaats",
            "inkoopordernummer",
            "leverancier",
            "raamovereenkomst",
            "gewensteIngangsdatum",
            "status",
            "regels",
            "totaalEenmaligExclBtw",
            "totaalPerJaarExclBtw",
            "totaalBtw",
            "ingediendOp",
            "aangemaaktOp",
            "gewijzigdOp",
            "_expand",
        )
        read_only_fields = (
            "nummer",
            "aanvrager",
            "aanvragerWeergave",
            "status",
            "ingediendOp",
            "aangemaaktOp",
            "gewijzigdOp",
        )
        expandable = {
            "besteller": Expandable(
                "softwarebroker.organisaties.api.serializers.OrganisatieSerializer", "besteller"
            ),
        }


class SubURLField(ResourceURLField):
    """``{order url}/{collection}/{uuid}``: the URL of a resource under an order."""

    def __init__(self, collection: str, **kwargs):
        self.collection = collection
        super().__init__(**kwargs)

    def row_part(self, model):
        collection = self.collection

        def prepare(context, rows):
            base = context.base(BESTELLINGEN, "bestellingen")
            return lambda row: f"{base}{row['bestelling__uuid']}/{collection}/{row['uuid']}"

        return Part(self.field_name, prepare, columns=("bestelling__uuid", "uuid"))


def sub_serializer(model, collection: str, fields: tuple[str, ...], doc: str, read_only=(), **declared):
    """A serializer for one kind of sub-resource of an order."""
    attrs = {
        "__doc__": doc,
        "url": SubURLField(collection),
        "bestelling": ReferenceField(api=BESTELLINGEN, collection="bestellingen", read_only=True),
        **declared,
        "Meta": type(
            "Meta",
            (),
            {
                "model": model,
                "api": BESTELLINGEN,
                "collection": collection,
                "fields": ("url", "bestelling", *fields),
                "read_only_fields": read_only,
                "expandable": {},
            },
        ),
    }
    return type(f"{model.__name__}Serializer", (ResourceSerializer,), attrs)


StatuswijzigingSerializer = sub_serializer(
    Statuswijziging,
    "statuswijzigingen",
    ("vanStatus", "naarStatus", "toelichting", "actor", "actorWeergave", "tijdstip"),
    "Een statusovergang van een bestelling. Aanmaken vraagt de overgang aan; de lijst is de geschiedenis.",
    read_only=("vanStatus", "actor", "actorWeergave", "tijdstip"),
    naarStatus=serializers.ChoiceField(source="naar_status", choices=BestellingStatus.choices),
)
BeoordelingSerializer = sub_serializer(
    Beoordeling,
    "beoordelingen",
    ("besluit", "toelichting", "beoordelaar", "beoordelaarWeergave", "tijdstip"),
    "Het besluit van een budgethouder over een bestelling ter goedkeuring (vier ogen, binnen mandaat).",
    read_only=("beoordelaar", "beoordelaarWeergave", "tijdstip"),
    besluit=serializers.ChoiceField(choices=Besluit.choices),
)
BerichtSerializer = sub_serializer(
    Bericht,
    "berichten",
    ("auteurRol", "auteur", "zichtbaarheid", "inhoud", "tijdstip"),
    "Een bericht bij een bestelling tussen afnemer, leverancier en broker; `intern` ziet alleen "
    "de eigen kant.",
    read_only=("auteurRol", "auteur", "tijdstip"),
)
AnnuleringsverzoekSerializer = sub_serializer(
    Annuleringsverzoek,
    "annuleringsverzoeken",
    ("reden", "status", "toelichting", "aangevraagdDoor", "tijdstip"),
    "Een verzoek van de afnemer om een lopende bestelling te annuleren; de leverancier besluit "
    "(status uitgevoerd of afgewezen).",
    read_only=("aangevraagdDoor", "tijdstip"),
    status=serializers.ChoiceField(choices=AnnuleringStatus.choices, required=False),
)


class LeveringSerializer(
    sub_serializer(
        Levering,
        "leveringen",
        ("regel", "type", "geleverdOp", "verwijzing", "geheim"),
        "De levering van één bestelregel. Het `geheim` (bijvoorbeeld een licentiesleutel) wordt "
        "versleuteld bewaard, is hier alleen te schrijven en alleen voor de bestellende organisatie "
        "te lezen via `/geheim`.",
        read_only=("geleverdOp",),
        type=serializers.ChoiceField(choices=LeveringType.choices),
        geheim=serializers.CharField(write_only=True, required=False, allow_blank=True, max_length=2000),
    )
):
    regel = serializers.IntegerField(
        source="regel.volgnummer", min_value=1, help_text="Het volgnummer van de geleverde regel."
    )


class LeveringGeheimSerializer(serializers.Serializer):
    geheim = serializers.CharField(
        read_only=True, allow_null=True, help_text="Het geleverde geheim, ontsleuteld."
    )


class LicentieSerializer(ResourceSerializer):
    """Een licentie van een organisatie, ontstaan en gewijzigd door geleverde bestelregels."""

    organisatie = ReferenceField(api=BESTELLINGEN, collection="organisaties", read_only=True)
    aanbieding = LokaalOfPeerField(
        api=CATALOGUS,
        collection="aanbiedingen",
        peer_column="peer_aanbieding__url",
        help_text="De aanbieding waarmee de licentie is gekocht (in deze catalogus of bij een peer).",
    )
    softwarepakketversie = ReferenceField(
        api=CATALOGUS, collection="softwarepakketversies", read_only=True, allow_null=True
    )

    class Meta:
        model = Licentie
        api = BESTELLINGEN
        collection = "licenties"
        fields = (
            "url",
            "organisatie",
            "aanbieding",
            "softwarepakketversie",
            "aantal",
            "ingangsdatum",
            "einddatum",
            "automatischVerlengen",
            "opzegtermijnDagen",
            "status",
            "opzegtermijnGemeldOp",
        )
        read_only_fields = fields
        expandable = {}


__all__ = [
    "AanbiedingURLField",
    "AnnuleringsverzoekSerializer",
    "BeoordelingSerializer",
    "BerichtSerializer",
    "BestellingSerializer",
    "BestelregelSerializer",
    "LeveringGeheimSerializer",
    "LeveringSerializer",
    "LicentieSerializer",
    "StatuswijzigingSerializer",
]
