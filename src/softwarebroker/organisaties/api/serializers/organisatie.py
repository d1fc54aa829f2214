from rest_framework.exceptions import ErrorDetail, ValidationError

from softwarebroker.api.definitions import BESTELLINGEN
from softwarebroker.api.fields import ReferenceField
from softwarebroker.api.serializers import Expandable, ExpandField, ResourceSerializer
from softwarebroker.organisaties import services
from softwarebroker.organisaties.models import Organisatie, OrganisatieType


class OrganisatieSerializer(ResourceSerializer):
    """Een organisatie die software bestelt: een gemeente, samenwerkingsverband,
    gemeentelijke deelneming of andere overheidsorganisatie."""

    deelnemers = ReferenceField(
        api=BESTELLINGEN,
        collection="organisaties",
        queryset=Organisatie.objects.all(),
        many=True,
        required=False,
        help_text="URL's van de deelnemende organisaties (voor samenwerkingsverbanden).",
    )
    _expand = ExpandField()

    class Meta:
        model = Organisatie
        api = BESTELLINGEN
        collection = "organisaties"
        fields = ("url", "oin", "naam", "type", "gemeentecode", "inwonertal", "deelnemers", "_expand")
        expandable = {
            "deelnemers": Expandable(
                "softwarebroker.organisaties.api.serializers.OrganisatieSerializer",
                source="deelnemers",
                many=True,
            )
        }

    def validate(self, attrs):
        errors = {}
        type_ = attrs.get("type", getattr(self.instance, "type", None))
        gemeentecode = attrs.get("gemeentecode", getattr(self.instance, "gemeentecode", ""))
        if gemeentecode and type_ != OrganisatieType.GEMEENTE:
            errors["gemeentecode"] = [
                ErrorDetail("Alleen een gemeente heeft een gemeentecode.", code="not_allowed")
            ]
        deelnemers = attrs.get("deelnemers")
        if deelnemers and (problems := services.deelnemers_errors(self.instance, deelnemers)):
            errors["deelnemers"] = problems
        if errors:
            raise ValidationError(errors)
        return attrs

    def create(self, validated_data):
        return services.create_organisatie(**validated_data)

    def update(self, instance, validated_data):
        return services.update_organisatie(organisatie=instance, **validated_data)
