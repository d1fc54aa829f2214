from rest_framework import serializers

from softwarebroker.api.definitions import CATALOGUS
from softwarebroker.api.fields import ReferenceField, ResourceURLField
from softwarebroker.api.representation_engine import Part
from softwarebroker.api.serializers import ResourceSerializer
from softwarebroker.catalogus.models import Kwetsbaarheid


class _KwetsbaarheidURLField(ResourceURLField):
    """``{version url}/kwetsbaarheden/{uuid}``."""

    def row_part(self, model):
        def prepare(context, rows):
            base = context.base(CATALOGUS, "softwarepakketversies")
            return lambda row: f"{base}{row['softwarepakketversie__uuid']}/kwetsbaarheden/{row['uuid']}"

        return Part(self.field_name, prepare, columns=("softwarepakketversie__uuid", "uuid"))


class KwetsbaarheidSerializer(ResourceSerializer):
    """Een gepubliceerde kwetsbaarheid van een versie. Publiceren waarschuwt precies de
    organisaties die deze versie gebruiken (kanaal `gebruiken`, `GET /gebruiken?attentie=true`)."""

    url = _KwetsbaarheidURLField()
    softwarepakketversie = ReferenceField(api=CATALOGUS, collection="softwarepakketversies", read_only=True)
    cveId = serializers.RegexField(
        r"^CVE-\d{4}-\d{4,19}$",
        source="cve_id",
        max_length=30,
        help_text="Het CVE-id, bv. `CVE-2026-12345`.",
    )
    referenties = serializers.ListField(
        child=serializers.URLField(max_length=500), required=False, max_length=50
    )

    class Meta:
        model = Kwetsbaarheid
        api = CATALOGUS
        collection = "kwetsbaarheden"
        fields = (
            "url",
            "softwarepakketversie",
            "cveId",
            "titel",
            "beschrijving",
            "ernst",
            "opgelostIn",
            "referenties",
            "gepubliceerdOp",
        )
        read_only_fields = ("gepubliceerdOp",)
        extra_kwargs = {"beschrijving": {"required": False}, "opgelostIn": {"required": False}}
        expandable = {}
