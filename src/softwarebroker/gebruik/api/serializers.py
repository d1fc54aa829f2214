"""Software use, its status history and its alerts, as the Bestellingen API shows them."""

from __future__ import annotations

from rest_framework import serializers

from softwarebroker.api.definitions import BESTELLINGEN, CATALOGUS
from softwarebroker.api.fields import ReferenceField, ResourceURLField
from softwarebroker.api.representation_engine import Part
from softwarebroker.api.serializers import ResourceSerializer
from softwarebroker.bestellingen.models import Licentie
from softwarebroker.catalogus import selectors as catalogus_selectors
from softwarebroker.catalogus.models import Softwarepakket, Softwarepakketversie
from softwarebroker.organisaties.models import Organisatie

from .. import selectors
from ..constants import GebruikStatus
from ..models import Attentie, Gebruik, GebruikStatuswijziging


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
        )
        extra_kwargs = {
            "bedrijfskritisch": {"required": False},
            "verwerktPersoonsgegevens": {"required": False},
            "vertrouwelijk": {"required": False},
            "toelichting": {"required": False},
        }
        expandable = {}


class _SubURLField(ResourceURLField):
    """``{use url}/{collection}/{uuid}``."""

    def row_part(self, model):
        collection = self.parent.Meta.collection

        def prepare(context, rows):
            base = context.base(BESTELLINGEN, "gebruiken")
            return lambda row: f"{base}{row['gebruik__uuid']}/{collection}/{row['uuid']}"

        return Part(self.field_name, prepare, columns=("gebruik__uuid", "uuid"))


class GebruikStatuswijzigingSerializer(ResourceSerializer):
    """Een stap in het leven van een gebruik, met de datum waarop die inging. Aanmaken zet de
    status; vooruit mag altijd, terug alleen naar de status die het gebruik direct daarvoor had."""

    url = _SubURLField()
    gebruik = ReferenceField(api=BESTELLINGEN, collection="gebruiken", read_only=True)
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


class AttentieSerializer(ResourceSerializer):
    """Een waarschuwing voor één gebruik: de ondersteuning van zijn versie eindigt binnen 12
    maanden, of er is een kwetsbaarheid van die versie gepubliceerd."""

    url = _SubURLField()
    gebruik = ReferenceField(api=BESTELLINGEN, collection="gebruiken", read_only=True)
    softwarepakketversie = ReferenceField(api=CATALOGUS, collection="softwarepakketversies", read_only=True)

    class Meta:
        model = Attentie
        api = BESTELLINGEN
        collection = "attenties"
        fields = (
            "url",
            "gebruik",
            "reden",
            "softwarepakketversie",
            "eindeOndersteuning",
            "aangemaaktOp",
            "afgehandeldOp",
        )
        read_only_fields = fields
        expandable = {}
