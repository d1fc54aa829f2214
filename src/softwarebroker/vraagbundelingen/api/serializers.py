"""Joint purchase rounds, their deelnames and status changes, as the Bestellingen API shows them."""

from __future__ import annotations

from collections import defaultdict
from types import SimpleNamespace

from django.db.models import Q
from rest_framework import serializers

from softwarebroker.api.definitions import BESTELLINGEN, CATALOGUS
from softwarebroker.api.fields import ReferenceField, ResourceURLField
from softwarebroker.api.representation_engine import Part
from softwarebroker.api.serializers import ResourceSerializer
from softwarebroker.catalogus import selectors as catalogus_selectors
from softwarebroker.catalogus.models import Aanbieding, Prijs
from softwarebroker.organisaties.models import Organisatie

from .. import prijzen, selectors
from ..constants import DeelnameStatus, VraagbundelingStatus
from ..models import Deelname, DeelnameStatuswijziging, Vraagbundeling, VraagbundelingStatuswijziging

MONEY = {"max_digits": 14, "decimal_places": 2, "coerce_to_string": True}


def _organisaties(acting):
    """The organisations a client acts for here: the broker any, an afnemer its own (any other
    answers as an unknown one)."""
    if acting is not None and acting.is_broker:
        return Organisatie.objects.all()
    if acting is None or acting.organisatie is None or "afnemer" not in acting.roles:
        return Organisatie.objects.none()
    return Organisatie.objects.filter(pk=acting.organisatie.pk)


class _BerekendAantalField(serializers.IntegerField):
    """A count computed by the database for every row of a page (an annotation)."""

    def __init__(self, expression, **kwargs):
        self.expression = expression
        kwargs.update(read_only=True)
        super().__init__(**kwargs)

    def row_part(self, model):
        alias = f"_berekend_{self.field_name}"
        return Part(
            self.field_name,
            lambda context, rows: lambda row: int(row[alias] or 0),
            expressions={alias: self.expression()},
        )


def _live_prices(rows: list[dict]) -> dict:
    """Per open round of a page, the price its pooled quantity reaches now (with the prices
    valid on its closing date): one query for every offer of the page."""
    open_rows = [row for row in rows if row["status"] == VraagbundelingStatus.OPEN]
    if not open_rows:
        return {}
    condition = Q(pk__in=[])
    for row in open_rows:
        day = row["sluitingsdatum"]
        condition |= (
            Q(aanbieding_id=row["aanbieding_id"])
            & Q(geldig_vanaf__lte=day)
            & (Q(geldig_tot__isnull=True) | Q(geldig_tot__gt=day))
        )
    per_aanbieding = defaultdict(list)
    for prijs in Prijs.objects.filter(condition):
        per_aanbieding[prijs.aanbieding_id].append(prijs)
    result = {}
    for row in open_rows:
        day = row["sluitingsdatum"]
        geldig = [
            prijs
            for prijs in per_aanbieding[row["aanbieding_id"]]
            if prijs.geldig_vanaf <= day and (prijs.geldig_tot is None or prijs.geldig_tot > day)
        ]
        aanbieding = SimpleNamespace(raamovereenkomst_id=row["aanbieding__raamovereenkomst_id"])
        result[row["pk"]] = prijzen.rondeprijs(geldig, aanbieding, int(row["_gebundeld"] or 0))
    return result


_PRICE_COLUMNS = (
    "pk",
    "status",
    "sluitingsdatum",
    "aanbieding_id",
    "aanbieding__raamovereenkomst_id",
    "eenheidsprijs",
    "bereikte_staffel",
)


_SCHEMAS = {
    "staffel": {"type": "integer", "minimum": 0, "maximum": 2_147_483_647},
    "eenheidsprijs": {"type": "string", "format": "decimal", "pattern": r"^-?\d{0,12}(?:\.\d{0,2})?$"},
}


class _RondeprijsField(serializers.Field):
    """``verwachteEenheidsprijs`` or ``bereikteStaffel``: while the round is open what the pooled
    quantity reaches now, once it is closed what was fixed then."""

    def __init__(self, attribute: str, **kwargs):
        self.attribute = attribute  # of a Rondeprijs: eenheidsprijs or staffel
        kwargs.update(read_only=True, source="*")
        super().__init__(**kwargs)
        # The contract's type (drf-spectacular reads this per field).
        self._spectacular_annotation = {"field": _SCHEMAS[attribute]}

    def row_part(self, model):
        column = "eenheidsprijs" if self.attribute == "eenheidsprijs" else "bereikte_staffel"

        def prepare(context, rows):
            live = _live_prices(rows)

            def build(row):
                value = getattr(live[row["pk"]], self.attribute) if row["pk"] in live else row[column]
                if value is None or self.attribute != "eenheidsprijs":
                    return value
                return f"{value:.2f}"

            return build

        return Part(
            self.field_name,
            prepare,
            columns=_PRICE_COLUMNS,
            expressions={"_gebundeld": selectors.gebundeld_aantal()},
        )


class VraagbundelingSerializer(ResourceSerializer):
    """Een vraagbundeling: organisaties bundelen hun vraag naar één aanbieding, zodat het
    gebundelde aantal de staffel bepaalt en de prijzen voor vraagbundeling gelden. Deelnemers
    zien de totalen van de ronde en hun eigen deelname, nooit die van een ander."""

    aanbieding = ReferenceField(
        api=CATALOGUS,
        collection="aanbiedingen",
        queryset=Aanbieding.objects.all(),
        visible=catalogus_selectors.aanbiedingen,
        help_text="URL van de gebundelde aanbieding (gepubliceerd, geldig op de sluitingsdatum).",
    )
    initiatiefnemer = ReferenceField(
        api=BESTELLINGEN,
        collection="organisaties",
        queryset=Organisatie.objects.all(),
        visible=_organisaties,
        help_text="URL van de organisatie die de ronde opent (een afnemer: de eigen).",
    )
    totaalAantal = _BerekendAantalField(
        selectors.gebundeld_aantal,
        help_text="Het gebundelde aantal: de som van de goedgekeurde (en bestelde) deelnames.",
    )
    aantalDeelnemers = _BerekendAantalField(
        selectors.aantal_deelnemers, help_text="Het aantal goedgekeurde (en bestelde) deelnames."
    )
    bereikteStaffel = _RondeprijsField(
        "staffel",
        allow_null=True,
        help_text="`vanafAantal` van de staffel die het gebundelde aantal bereikt (`null`: de basisprijs).",
    )
    verwachteEenheidsprijs = _RondeprijsField(
        "eenheidsprijs",
        allow_null=True,
        help_text="De prijs per eenheid (excl. btw) die het gebundelde aantal nu bereikt, met de prijzen "
        "op de sluitingsdatum; na het sluiten de vastgestelde prijs. De eenheidsprijs is die van de "
        "terugkerende prijs per eenheid (per haar periode), zonder die de eenmalige.",
    )
    geschatteWaarde = serializers.DecimalField(
        source="geschatte_waarde",
        max_digits=18,
        decimal_places=2,
        coerce_to_string=True,
        read_only=True,
        allow_null=True,
        help_text="Vastgesteld bij het sluiten: de eenmalige plus de terugkerende kosten over de volledige "
        "looptijd van alle deelnames samen (excl. btw).",
    )

    class Meta:
        model = Vraagbundeling
        api = BESTELLINGEN
        collection = "vraagbundelingen"
        fields = (
            "url",
            "aanbieding",
            "initiatiefnemer",
            "naam",
            "toelichting",
            "sluitingsdatum",
            "minimumAantal",
            "geschatteLooptijdMaanden",
            "status",
            "totaalAantal",
            "aantalDeelnemers",
            "bereikteStaffel",
            "verwachteEenheidsprijs",
            "geschatteWaarde",
            "geslotenOp",
            "gegundOp",
        )
        read_only_fields = ("status", "geslotenOp", "gegundOp")
        extra_kwargs = {
            "toelichting": {"required": False},
            "minimumAantal": {"required": False, "allow_null": True},
            "geschatteLooptijdMaanden": {"required": False, "allow_null": True},
        }
        expandable = {}


class _SubURLField(ResourceURLField):
    """``{round url}/{collection}/{uuid}`` (``parent``: the columns leading to the round)."""

    def __init__(self, *, prefix: str = "vraagbundeling__", middle: str = "", **kwargs):
        self.prefix, self.middle = prefix, middle
        super().__init__(**kwargs)

    def row_part(self, model):
        collection = self.parent.Meta.collection
        prefix, middle = self.prefix, self.middle

        def prepare(context, rows):
            base = context.base(BESTELLINGEN, "vraagbundelingen")
            if middle:
                return lambda row: (
                    f"{base}{row[prefix + 'uuid']}/deelnames/{row[middle + 'uuid']}/"
                    f"{collection}/{row['uuid']}"
                )
            return lambda row: f"{base}{row[prefix + 'uuid']}/{collection}/{row['uuid']}"

        columns = (prefix + "uuid", "uuid") + ((middle + "uuid",) if middle else ())
        return Part(self.field_name, prepare, columns=columns)


class DeelnameSerializer(ResourceSerializer):
    """De deelname van één organisatie aan een vraagbundeling: hoeveel, tegen hoogstens welke
    eenheidsprijs. Telt mee zodra een budgethouder van die organisatie haar goedkeurde."""

    url = _SubURLField()
    vraagbundeling = ReferenceField(api=BESTELLINGEN, collection="vraagbundelingen", read_only=True)
    organisatie = ReferenceField(
        api=BESTELLINGEN,
        collection="organisaties",
        queryset=Organisatie.objects.all(),
        visible=_organisaties,
        help_text="URL van de deelnemende organisatie (een afnemer: de eigen).",
    )
    maxEenheidsprijs = serializers.DecimalField(
        source="max_eenheidsprijs",
        min_value=0,
        required=False,
        allow_null=True,
        help_text="De hoogste eenheidsprijs (excl. btw) die de organisatie accepteert; ligt de prijs bij "
        "het sluiten hoger, dan haakt de deelname af.",
        **MONEY,
    )
    bestelling = ReferenceField(
        api=BESTELLINGEN,
        collection="bestellingen",
        read_only=True,
        allow_null=True,
        help_text="URL van de bestelling die de gunning maakte.",
    )

    class Meta:
        model = Deelname
        api = BESTELLINGEN
        collection = "deelnames"
        fields = (
            "url",
            "vraagbundeling",
            "organisatie",
            "aantal",
            "maxEenheidsprijs",
            "bestelparameters",
            "kostenplaats",
            "status",
            "aanvrager",
            "beoordelaar",
            "goedgekeurdOp",
            "bestelling",
        )
        read_only_fields = ("status", "aanvrager", "beoordelaar", "goedgekeurdOp")
        extra_kwargs = {
            "aantal": {"required": False, "min_value": 1},
            "bestelparameters": {"required": False},
            "kostenplaats": {"required": False},
        }
        expandable = {}


class VraagbundelingStatuswijzigingSerializer(ResourceSerializer):
    """Een statusovergang van een vraagbundeling. Aanmaken vraagt de overgang aan (`gesloten`,
    `gegund`, `geannuleerd`); de lijst is de geschiedenis."""

    url = _SubURLField()
    vraagbundeling = ReferenceField(api=BESTELLINGEN, collection="vraagbundelingen", read_only=True)
    naarStatus = serializers.ChoiceField(source="naar_status", choices=VraagbundelingStatus.choices)

    class Meta:
        model = VraagbundelingStatuswijziging
        api = BESTELLINGEN
        collection = "statuswijzigingen"
        fields = (
            "url",
            "vraagbundeling",
            "vanStatus",
            "naarStatus",
            "toelichting",
            "actor",
            "actorWeergave",
            "tijdstip",
        )
        read_only_fields = ("vanStatus", "actor", "actorWeergave", "tijdstip")
        extra_kwargs = {"toelichting": {"required": False}}
        expandable = {}


class DeelnameStatuswijzigingSerializer(ResourceSerializer):
    """Een statusovergang van een deelname. Aanmaken vraagt de overgang aan (`goedgekeurd` door een
    budgethouder, `ingetrokken`); de lijst is de geschiedenis."""

    url = _SubURLField(prefix="deelname__vraagbundeling__", middle="deelname__")
    naarStatus = serializers.ChoiceField(source="naar_status", choices=DeelnameStatus.choices)

    class Meta:
        model = DeelnameStatuswijziging
        api = BESTELLINGEN
        collection = "statuswijzigingen"
        fields = ("url", "vanStatus", "naarStatus", "toelichting", "actor", "actorWeergave", "tijdstip")
        read_only_fields = ("vanStatus", "actor", "actorWeergave", "tijdstip")
        extra_kwargs = {"toelichting": {"required": False}}
        expandable = {}
