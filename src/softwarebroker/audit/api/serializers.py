from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from softwarebroker.api.fields import ResourceURLField
from softwarebroker.api.representation_engine import Part
from softwarebroker.api.serializers import ResourceSerializer, UTCDateTimeField
from softwarebroker.audit.models import AuditTrail


class AuditTrailURLField(ResourceURLField):
    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", "De unieke URL van deze audittrailregel.")
        super().__init__(**kwargs)

    def row_part(self, model):
        def build(row):
            return f"{row['hoofd_object']}/audittrail/{row['uuid']}"

        return Part(self.field_name, lambda context, rows: build, columns=("hoofd_object", "uuid"))


@extend_schema_field({"type": "object", "additionalProperties": {}})
class SnapshotField(serializers.JSONField):
    """A representation of the main object as it was (an object, or ``null``)."""


class WijzigingenSerializer(serializers.Serializer):
    oud = SnapshotField(allow_null=True, help_text="Het object vóór de wijziging; leeg bij aanmaken.")
    nieuw = SnapshotField(allow_null=True, help_text="Het object na de wijziging; leeg bij verwijderen.")


class AuditTrailSerializer(ResourceSerializer):
    """Eén wijziging van een hoofdobject of een van zijn deelresources: wie, wat, wanneer,
    waarom (`toelichting`) en de inhoud vóór en na."""

    url = AuditTrailURLField()
    aanmaakdatum = UTCDateTimeField(read_only=True)
    wijzigingen = WijzigingenSerializer(source="*", read_only=True)

    class Meta:
        model = AuditTrail
        fields = (
            "url",
            "uuid",
            "bron",
            "applicatieId",
            "applicatieWeergave",
            "gebruikersId",
            "gebruikersWeergave",
            "nlxApplicatieId",
            "nlxGebruikersId",
            "actie",
            "actieWeergave",
            "resultaat",
            "hoofdObject",
            "resource",
            "resourceUrl",
            "resourceWeergave",
            "toelichting",
            "aanmaakdatum",
            "wijzigingen",
            "nlxLogrecordId",
            "fscTransactionId",
            "traceparent",
        )
        read_only_fields = fields
        expandable = {}
