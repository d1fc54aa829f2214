from softwarebroker.api.definitions import BESTELLINGEN
from softwarebroker.api.fields import ReferenceField
from softwarebroker.api.serializers import Expandable, ExpandField, ResourceSerializer
from softwarebroker.organisaties import services
from softwarebroker.organisaties.models import Organisatie


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

    def create(self, validated_data):
        return services.create_organisatie(acting=self.acting, **validated_data)

    def update(self, instance, validated_data):
        return services.update_organisatie(
            acting=self.acting, organisatie=instance, partial=self.partial, **validated_data
        )
