"""Software use, its status history and its alerts, as the Bestellingen API shows them."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import F
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from softwarebroker.api.definitions import BESTELLINGEN, CATALOGUS
from softwarebroker.api.fields import MAX_URL_LENGTH, ReferenceField, ResourceURLField
from softwarebroker.api.representation_engine import Part, plan_for
from softwarebroker.api.serializers import ResourceSerializer
from softwarebroker.bestellingen.models import Licentie
from softwarebroker.catalogus import selectors as catalogus_selectors
from softwarebroker.catalogus.models import Softwarepakket, Softwarepakketversie
from softwarebroker.organisaties.models import Organisatie

from .. import selectors
from ..constants import GebruikStatus
from ..models import Attentie, Gebruik, GebruikStatuswijziging


def _open_attenties(context, rows: list[dict]) -> dict:
    """The open alerts of a page's uses, represented and grouped per use: one query for the page
    (shared by ``attentie`` and ``attenties``)."""

    def load():
        pks = [row["pk"] for row in rows]
        grouped = defaultdict(list)
        if not pks:
            return grouped
        plan = plan_for(GebruikAttentieSerializer)
        related = list(
            plan.values(
                Attentie.objects.filter(gebruik_id__in=pks, afgehandeld_op__isnull=True).order_by(
                    "-aangemaakt_op", "-id"
                ),
                _parent=F("gebruik_id"),
            )
        )
        for row, result in zip(related, plan.build(related, context), strict=True):
            grouped[row["_parent"]].append(result)
        return grouped

    return context.per_page("gebruik_open_attenties", rows, load)


class _AttentieVlagField(serializers.BooleanField):
    """``true`` while the use has an open alert."""

    def __init__(self, **kwargs):
        kwargs.update(read_only=True)
        super().__init__(**kwargs)

    def row_part(self, model):
        def prepare(context, rows):
            grouped = _open_attenties(context, rows)
            return lambda row: bool(grouped.get(row["pk"]))

        return Part(self.field_name, prepare)


class _OpenAttentiesList(serializers.ListSerializer):
    def row_part(self, model):
        def prepare(context, rows):
            grouped = _open_attenties(context, rows)
            return lambda row: grouped.get(row["pk"], [])

        return Part(self.field_name, prepare)


class _SubURLField(ResourceURLField):
    """``{use url}/{collection}/{uuid}``."""

    def row_part(self, model):
        collection = self.parent.Meta.collection

        def prepare(context, rows):
            base = context.base(BESTELLINGEN, "gebruiken")
            return lambda row: f"{base}{row['gebruik__uuid']}/{collection}/{row['uuid']}"

        return Part(self.field_name, prepare, columns=("gebruik__uuid", "uuid"))


class _VanStatusField(serializers.ChoiceField):
    """The status before the step; ``null`` for the first entry (the registration)."""

    def __init__(self, **kwargs):
        kwargs.update(read_only=True, allow_null=True, choices=GebruikStatus.choices)
        super().__init__(**kwargs)

    def row_part(self, model):
        return Part(
            self.field_name, lambda context, rows: lambda row: row["van_status"] or None, ("van_status",)
        )


class GebruikStatuswijzigingSerializer(ResourceSerializer):
    """Een stap in het leven van een gebruik, met de datum waarop die inging. Aanmaken zet de
    status; vooruit mag altijd, terug alleen naar de status die het gebruik direct daarvoor had."""

    url = _SubURLField()
    gebruik = ReferenceField(api=BESTELLINGEN, collection="gebruiken", read_only=True)
    vanStatus = _VanStatusField(
        source="van_status", help_text="De status voor deze stap; leeg bij de registratie."
    )
    naarStatus = serializers.ChoiceField(source="naar_status", choices=GebruikStatus.choices)
    datum = serializers.DateField(
        required=False, help_text="Datum waarop de status ingaat (standaard vandaag)."
    )

    class Meta:
        model = GebruikStatuswijziging
        api = BESTELLINGEN
        collection = "statuswijzigingen"
        fields = (
            "url",
            "gebruik",
            "vanStatus",
            "naarStatus",
            "datum",
            "toelichting",
            "actor",
            "actorWeergave",
            "geregistreerdOp",
        )
        read_only_fields = ("vanStatus", "actor", "actorWeergave", "geregistreerdOp")
        extra_kwargs = {"toelichting": {"required": False}}
        expandable = {}


@extend_schema_field(
    {
        "type": "string",
        "format": "uri",
        "maxLength": MAX_URL_LENGTH,
        "nullable": True,
        "readOnly": True,
        "description": "URL van de kwetsbaarheid (Catalogus API) bij reden `kwetsbaarheid`; anders leeg.",
    }
)
class _KwetsbaarheidURLField(serializers.Field):
    """``{catalogus}/softwarepakketversies/{versie}/kwetsbaarheden/{uuid}`` or ``None``."""

    def __init__(self, **kwargs):
        kwargs.update(read_only=True, source="*")
        super().__init__(**kwargs)

    def row_part(self, model):
        def prepare(context, rows):
            base = context.base(CATALOGUS, "softwarepakketversies")

            def build(row):
                if row["kwetsbaarheid__uuid"] is None:
                    return None
                versie = row["kwetsbaarheid__softwarepakketversie__uuid"]
                return f"{base}{versie}/kwetsbaarheden/{row['kwetsbaarheid__uuid']}"

            return build

        columns = ("kwetsbaarheid__uuid", "kwetsbaarheid__softwarepakketversie__uuid")
        return Part(self.field_name, prepare, columns=columns)


class AttentieSerializer(ResourceSerializer):
    """Een waarschuwing voor één gebruik: de ondersteuning van zijn versie eindigt binnen 12
    maanden, of er is een kwetsbaarheid van die versie gepubliceerd."""

    url = _SubURLField()
    gebruik = ReferenceField(api=BESTELLINGEN, collection="gebruiken", read_only=True)
    softwarepakketversie = ReferenceField(api=CATALOGUS, collection="softwarepakketversies", read_only=True)
    kwetsbaarheid = _KwetsbaarheidURLField()

    class Meta:
        model = Attentie
        api = BESTELLINGEN
        collection = "attenties"
        fields = (
            "url",
            "gebruik",
            "reden",
            "softwarepakketversie",
            "kwetsbaarheid",
            "eindeOndersteuning",
            "aangemaaktOp",
            "afgehandeldOp",
        )
        read_only_fields = fields
        expandable = {}


class GebruikAttentieSerializer(AttentieSerializer):
    """Een open attentie, zoals het gebruik haar toont (afhandelen: `POST {url}/afhandelen`)."""

    class Meta(AttentieSerializer.Meta):
        fields = (
            "url",
            "reden",
            "softwarepakketversie",
            "kwetsbaarheid",
            "eindeOndersteuning",
            "aangemaaktOp",
        )
        read_only_fields = fields
        list_serializer_class = _OpenAttentiesList


class GebruikSerializer(ResourceSerializer):
    """Welke organisatie welk softwarepakket (en welke versie) gebruikt, voor welke
    GEMMA-referentiecomponenten, en in welke fase. Een geleverde `nieuw`-regel registreert het
    gebruik vanzelf (`in_productie`); software van elders registreert de organisatie zelf."""

    organisatie = ReferenceField(
        api=BESTELLINGEN,
        collection="organisaties",
        queryset=Organisatie.objects.all(),
        visible=selectors.beheerbare_organisaties,
        help_text="URL van de organisatie die de software gebruikt (een afnemer: de eigen).",
    )
    softwarepakket = ReferenceField(
        api=CATALOGUS,
        collection="softwarepakketten",
        queryset=Softwarepakket.objects.all(),
        visible=catalogus_selectors.softwarepakketten,
    )
    softwarepakketversie = ReferenceField(
        api=CATALOGUS,
        collection="softwarepakketversies",
        queryset=Softwarepakketversie.objects.all(),
        required=False,
        allow_null=True,
        help_text="URL van de gebruikte versie (een versie van `softwarepakket`).",
    )
    referentiecomponenten = serializers.ListField(
        child=serializers.URLField(max_length=500),
        required=False,
        max_length=100,
        help_text="URI's van de GEMMA-referentiecomponenten (uit `/referentiecomponenten`) waarvoor deze "
        "organisatie het pakket gebruikt.",
    )
    licentie = ReferenceField(
        api=BESTELLINGEN,
        collection="licenties",
        queryset=Licentie.objects.all(),
        visible=selectors.zichtbare_licenties,
        required=False,
        allow_null=True,
        help_text="URL van de licentie waaronder de organisatie het pakket gebruikt.",
    )
    status = serializers.ChoiceField(
        choices=GebruikStatus.choices,
        required=False,
        help_text="Bij registreren de beginstatus (standaard `in_productie`); daarna alleen via "
        "`/gebruiken/{uuid}/statuswijzigingen`.",
    )
    statusdatum = serializers.DateField(
        required=False, help_text="Sinds wanneer de huidige status geldt (standaard vandaag)."
    )
    attenties = GebruikAttentieSerializer(
        many=True, read_only=True, help_text="De open attenties van dit gebruik, nieuwste eerst."
    )
    attentie = _AttentieVlagField(
        help_text="`true` zolang er een open attentie is (einde ondersteuning of kwetsbaarheid).",
    )

    class Meta:
        model = Gebruik
        api = BESTELLINGEN
        collection = "gebruiken"
        fields = (
            "url",
            "organisatie",
            "softwarepakket",
            "softwarepakketversie",
            "referentiecomponenten",
            "licentie",
            "status",
            "statusdatum",
            "bedrijfskritisch",
            "verwerktPersoonsgegevens",
            "vertrouwelijk",
            "toelichting",
            "attentie",
            "attenties",
        )
        # A duplicate is the service's 409 ``bestaat_al``, not a 400 of the serializer.
        validators = []
        extra_kwargs = {
            "bedrijfskritisch": {"required": False},
            "verwerktPersoonsgegevens": {"required": False},
            "vertrouwelijk": {"required": False},
            "toelichting": {"required": False},
        }
        expandable = {}
