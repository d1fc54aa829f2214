"""An order and its lines (written only through their order; each line also has a URL of its
own, under the order's)."""

from collections.abc import Mapping

from rest_framework import serializers
from rest_framework.exceptions import ErrorDetail
from rest_framework.fields import empty

from softwarebroker.api.definitions import BESTELLINGEN, CATALOGUS
from softwarebroker.api.fields import BoundedJSONField, ReferenceField
from softwarebroker.api.serializers import Expandable, ExpandField, ResourceSerializer
from softwarebroker.bestellingen import selectors, services
from softwarebroker.bestellingen.models import Bestelling, Bestelregel, Licentie
from softwarebroker.organisaties.models import Organisatie

from .fields import MONEY, AanbiedingURLField, LocalOrPeerReferenceField
from .order_subresource import SubURLField
from .prijs_momentopname import prijs_momentopname_field, verklaringen_momentopname_field


class BestelregelSerializer(ResourceSerializer):
    """Een regel van een bestelling: een aanbieding, een aantal en wat er met een licentie
    gebeurt, met haar bedragen. Een regel wordt geschreven via de bestelling; zij heeft een eigen
    URL (onder die van de bestelling), waarmee een licentie haar `bronregels` noemt."""

    url = SubURLField(help_text="De unieke URL van deze bestelregel.")
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
        visible=lambda acting: selectors.licenties(acting).select_related("aanbieding"),
        required=False,
        allow_null=True,
        help_text="De licentie die deze regel wijzigt (niet bij actie nieuw).",
    )
    bestelparameters = BoundedJSONField(
        required=False, help_text="Waarden volgens het bestelparametersSchema van de aanbieding."
    )
    prijsMomentopname = prijs_momentopname_field(
        source="prijs_momentopname",
        help_text="De toegepaste prijzen en staffels, vastgelegd bij indienen; `null` daarvoor.",
    )
    verklaringenMomentopname = verklaringen_momentopname_field(
        source="verklaringen_momentopname",
        help_text="De geldige, goedgekeurde verklaringen die de aanbieding dekten bij indienen (één per "
        "type), vastgelegd met de prijzen; `null` daarvoor, en bij een aanbieding van een peer (haar "
        "verklaringen staan in de catalogus van de peer).",
    )
    bedragEenmaligExclBtw = serializers.DecimalField(source="bedrag_eenmalig_excl_btw", **MONEY)
    bedragPerJaarExclBtw = serializers.DecimalField(source="bedrag_per_jaar_excl_btw", **MONEY)
    btw = serializers.DecimalField(**MONEY)

    class Meta:
        model = Bestelregel
        api = BESTELLINGEN
        collection = "regels"
        fields = (
            "url",
            "volgnummer",
            "aanbieding",
            "aantal",
            "actie",
            "licentie",
            "bestelparameters",
            "prijsMomentopname",
            "verklaringenMomentopname",
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
    leverancier = LocalOrPeerReferenceField(
        api=CATALOGUS,
        collection="leveranciers",
        peer_column="leverancier_url",
        help_text="De leverancier van de aanbiedingen (bij aanbiedingen van een peer: in diens catalogus).",
    )
    raamovereenkomst = ReferenceField(
        api=CATALOGUS, collection="raamovereenkomsten", read_only=True, allow_null=True
    )
    # Read through the relation a round's deelname has with its order: the ordering layer does not
    # import the joint purchase rounds, which sit above it.
    vraagbundeling = ReferenceField(
        api=BESTELLINGEN,
        collection="vraagbundelingen",
        source="deelname.vraagbundeling",
        read_only=True,
        allow_null=True,
        help_text="De vraagbundeling waarvan de gunning deze bestelling maakte; `null` bij een "
        "gewone bestelling.",
    )
    regels = BestelregelSerializer(many=True, help_text="De bestelregels (alle van één leverancier).")
    totaalEenmaligExclBtw = serializers.DecimalField(source="totaal_eenmalig_excl_btw", **MONEY)
    totaalPerJaarExclBtw = serializers.DecimalField(source="totaal_per_jaar_excl_btw", **MONEY)
    totaalBtw = serializers.DecimalField(source="totaal_btw", **MONEY)
    afroepwaardeExclBtw = serializers.DecimalField(
        source="afroepwaarde_excl_btw",
        **{**MONEY, "max_digits": 16},
        help_text="De eenmalige kosten plus de terugkerende kosten over de volledige looptijd van de "
        "aanbiedingen, verlengingen inbegrepen (48 maanden bij een open looptijd of onbeperkt verlengen); "
        "onder een raamovereenkomst telt dit mee voor haar maximale waarde. Een raming tot het "
        "indienen, daarna vastgelegd.",
    )
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
            "vraagbundeling",
            "gewensteIngangsdatum",
            "status",
            "regels",
            "totaalEenmaligExclBtw",
            "totaalPerJaarExclBtw",
            "totaalBtw",
            "afroepwaardeExclBtw",
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

    def to_internal_value(self, data):
        try:
            return super().to_internal_value(data)
        except serializers.ValidationError as error:
            # Refused for other fields before the service could check the lines: the lines'
            # bestelparameters are checked now too, so one answer lists every problem.
            if isinstance(error.detail, dict) and isinstance(data, Mapping):
                _add_bestelparameters_problems(error.detail, data.get("regels"), self.fields["regels"].child)
            raise


def _add_bestelparameters_problems(errors: dict, regels, line: BestelregelSerializer) -> None:
    """Into ``errors`` (DRF's, of the whole order): the problems of each line's
    ``bestelparameters`` against its offer's schema, for the lines whose offer and parameters
    are themselves valid (the service checks them the same way: ``bestelparameters_problems``)."""
    line_errors = errors.get("regels", {})
    # DRF lists the errors of a list's items by index (a dict), or, on a list itself, as a list.
    if not isinstance(regels, list) or not isinstance(line_errors, Mapping):
        return
    line_errors = dict(line_errors)
    for index, regel in enumerate(regels):
        own = line_errors.get(index, {})
        # A line that is no object at all has a list of errors of its own.
        if not isinstance(own, Mapping) or not isinstance(regel, Mapping):
            continue
        if {"aanbieding", "bestelparameters"} & set(own):
            continue
        own = dict(own)
        try:
            aanbieding = line.fields["aanbieding"].run_validation(regel.get("aanbieding", empty))
            raw = regel.get("bestelparameters", empty)
            bestelparameters = {} if raw is empty else line.fields["bestelparameters"].run_validation(raw)
        except serializers.ValidationError:
            continue
        problems = services.bestelparameters_problems(aanbieding, bestelparameters, "bestelparameters")
        for name, code, message in problems:
            own.setdefault(name, []).append(ErrorDetail(message, code=code))
        if problems:
            line_errors[index] = own
    if line_errors:
        errors["regels"] = dict(sorted(line_errors.items()))
