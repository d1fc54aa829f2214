"""The licences of an organisation: from delivered order lines, or registered when bought
elsewhere; and the two things done with one (changing its own fields, cancelling it)."""

from collections.abc import Mapping

from rest_framework import serializers
from rest_framework.exceptions import ErrorDetail
from rest_framework.fields import SkipField

from softwarebroker.api.bounds import BoundedSerializer
from softwarebroker.api.definitions import BESTELLINGEN, CATALOGUS
from softwarebroker.api.fields import ReferenceField
from softwarebroker.api.serializers import ResourceSerializer
from softwarebroker.bestellingen import services
from softwarebroker.bestellingen.models import Licentie
from softwarebroker.catalogus import selectors as catalogus_selectors
from softwarebroker.catalogus.api.serializers.indexering import IndexeringSerializer
from softwarebroker.catalogus.models import Aanbieding, Leverancier, Softwarepakket, Softwarepakketversie
from softwarebroker.organisaties.models import Organisatie

from .fields import BestelregelURLsField, LocalOrPeerReferenceField

AMOUNT = {
    "max_digits": 14,
    "decimal_places": 2,
    "min_value": 0,
    "coerce_to_string": True,
    "required": False,
}


def _manageable_organisaties(acting):
    """The organisations a client registers licences for: the broker any, an afnemer its own
    (any other answers as an unknown one)."""
    if acting is not None and acting.is_broker:
        return Organisatie.objects.all()
    if acting is None or acting.organisatie is None or "afnemer" not in acting.roles:
        return Organisatie.objects.none()
    return Organisatie.objects.filter(pk=acting.organisatie.pk)


class LicentieSerializer(ResourceSerializer):
    """Een licentie van een organisatie: via de broker (`bron` `broker`: aangevraagd bij het
    indienen van de bestelling, actief na levering, met de contractvoorwaarden van de aanbieding
    op dat moment) of buiten de broker gekocht en hier geregistreerd (`bron` `extern`).
    `opzegdatum` is de laatste dag om op te zeggen vóór de einddatum; `uitersteEinddatum` de
    laatste einddatum die het contract met alle verlengingen toestaat (`null`: open)."""

    organisatie = ReferenceField(
        api=BESTELLINGEN,
        collection="organisaties",
        queryset=Organisatie.objects.all(),
        visible=_manageable_organisaties,
        help_text="URL van de organisatie die de licentie heeft (een afnemer: de eigen).",
    )
    aanbieding = LocalOrPeerReferenceField(
        api=CATALOGUS,
        collection="aanbiedingen",
        peer_column="peer_aanbieding__url",
        queryset=Aanbieding.objects.all(),
        visible=catalogus_selectors.aanbiedingen,
        required=False,
        allow_null=True,
        help_text="De aanbieding waarmee de licentie is gekocht (in deze catalogus of bij een peer).",
    )
    leverancier = LocalOrPeerReferenceField(
        api=CATALOGUS,
        collection="leveranciers",
        peer_column="peer_aanbieding__gegevens__leverancier",
        queryset=Leverancier.objects.all(),
        required=False,
        allow_null=True,
        help_text="URL van de leverancier (bij een aanbieding van een peer: in diens catalogus).",
    )
    softwarepakket = LocalOrPeerReferenceField(
        api=CATALOGUS,
        collection="softwarepakketten",
        peer_column="peer_aanbieding__gegevens__softwarepakket",
        queryset=Softwarepakket.objects.all(),
        visible=catalogus_selectors.softwarepakketten,
        required=False,
        allow_null=True,
        help_text="URL van het softwarepakket (bij een aanbieding van een peer: in diens catalogus).",
    )
    softwarepakketversie = ReferenceField(
        api=CATALOGUS,
        collection="softwarepakketversies",
        queryset=Softwarepakketversie.objects.all(),
        visible=catalogus_selectors.softwarepakketversies,
        required=False,
        allow_null=True,
        help_text="URL van de softwarepakketversie, als die bekend is.",
    )
    bedragEenmaligExclBtw = serializers.DecimalField(source="bedrag_eenmalig_excl_btw", **AMOUNT)
    bedragPerJaarExclBtw = serializers.DecimalField(source="bedrag_per_jaar_excl_btw", **AMOUNT)
    indexering = IndexeringSerializer(source="*", required=False)
    bronregels = BestelregelURLsField(
        help_text="URL's van de bestelregels die de licentie aanmaakten of wijzigden (elk onder de "
        "URL van haar bestelling), in volgorde van bestelling en regel."
    )

    class Meta:
        model = Licentie
        api = BESTELLINGEN
        collection = "licenties"
        fields = (
            "url",
            "bron",
            "organisatie",
            "aanbieding",
            "leverancier",
            "leverancierNaam",
            "softwarepakket",
            "softwarepakketNaam",
            "softwarepakketversie",
            "contractnummer",
            "kostenplaats",
            "aantal",
            "bedragEenmaligExclBtw",
            "bedragPerJaarExclBtw",
            "ingangsdatum",
            "einddatum",
            "automatischVerlengen",
            "looptijdMaanden",
            "opzegtermijnDagen",
            "verlengingstermijnMaanden",
            "maxVerlengingen",
            "aantalVerlengingen",
            "indexering",
            "indexeringBovenPlafond",
            "opzegdatum",
            "uitersteEinddatum",
            "opgezegdOp",
            "status",
            "bronregels",
        )
        read_only_fields = (
            "bron",
            "aantalVerlengingen",
            "indexeringBovenPlafond",
            "opzegdatum",
            "uitersteEinddatum",
            "opgezegdOp",
            "status",
        )
        extra_kwargs = {
            "aantal": {"min_value": 1},
            "einddatum": {"required": False, "allow_null": True},
            "leverancierNaam": {"required": False},
            "softwarepakketNaam": {"required": False},
            "contractnummer": {"required": False},
            "kostenplaats": {"required": False},
            "automatischVerlengen": {"required": False},
            "opzegtermijnDagen": {"required": False},
            "looptijdMaanden": {"required": False, "allow_null": True, "min_value": 1},
            "verlengingstermijnMaanden": {"required": False, "allow_null": True},
            "maxVerlengingen": {"required": False, "allow_null": True},
        }
        expandable = {}

    def to_internal_value(self, data):
        try:
            return super().to_internal_value(data)
        except serializers.ValidationError as error:
            # Refused for fields of their own: the rules across fields are checked on the rest
            # too, so one answer lists every problem (the service checks them the same way).
            if isinstance(error.detail, dict) and isinstance(data, Mapping):
                values = self._valid_values(data, set(error.detail))
                problems = services.registration_problems(values, invalid=set(error.detail))
                _add_problems(error.detail, problems)
            raise

    def _valid_values(self, data, failed: set[str]) -> dict:
        values = {}
        for field in self._writable_fields:
            if field.field_name in failed:
                continue
            try:
                value = field.run_validation(field.get_value(data))
            except (serializers.ValidationError, SkipField):
                continue
            self.set_value(values, field.source_attrs, value)
        return values


def _add_problems(detail: dict, problems) -> None:
    """Into DRF's ``detail``: each problem at its path (``indexering.percentage``), where that
    field has no error of its own yet."""
    for path, code, message in problems:
        *parents, name = path.split(".")
        node = detail
        for parent in parents:
            existing = node.get(parent)
            if existing is not None and not isinstance(existing, dict):
                break
            node = node.setdefault(parent, {})
        else:
            if name not in node:
                node[name] = [ErrorDetail(message, code=code)]


class LicentieWijzigingSerializer(BoundedSerializer):
    """De velden van een actieve licentie die haar organisatie zelf wijzigt; andere velden
    worden geweigerd."""

    automatischVerlengen = serializers.BooleanField(
        source="automatisch_verlengen", required=False, help_text="Verlengt het contract automatisch?"
    )
    contractnummer = serializers.CharField(
        max_length=100, required=False, allow_blank=True, help_text="Het eigen contractnummer."
    )
    kostenplaats = serializers.CharField(
        max_length=100, required=False, allow_blank=True, help_text="De kostenplaats."
    )

    def to_internal_value(self, data):
        if isinstance(data, Mapping):
            unknown = sorted(set(data) - set(self.fields))
            if unknown:
                raise serializers.ValidationError(
                    {
                        name: [
                            ErrorDetail(
                                "Dit gegeven van een licentie kan niet worden gewijzigd; wel: "
                                + ", ".join(self.fields)
                                + ".",
                                code="niet_wijzigbaar",
                            )
                        ]
                        for name in unknown
                    }
                )
        return super().to_internal_value(data)


class OpzeggingSerializer(BoundedSerializer):
    """Een opzegging van een licentie, met een optionele toelichting (in de audittrail)."""

    toelichting = serializers.CharField(
        max_length=1000, required=False, allow_blank=True, help_text="Waarom de licentie wordt opgezegd."
    )
