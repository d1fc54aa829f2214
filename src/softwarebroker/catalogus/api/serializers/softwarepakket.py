from rest_framework import serializers

from softwarebroker.api.definitions import CATALOGUS
from softwarebroker.api.fields import ReferenceField
from softwarebroker.api.serializers import Expandable, ExpandField, ResourceSerializer
from softwarebroker.catalogus import services
from softwarebroker.catalogus.models import Categorie, Leverancier, Softwarepakket

PLATFORMS = ("web", "windows", "mac", "linux", "ios", "android")


class SoftwarepakketSerializer(ResourceSerializer):
    """Een softwareproduct, los van wie het verkoopt; de velden sluiten aan op publiccode.yml
    (zie `/softwarepakketten/{uuid}/publiccode`)."""

    fabrikant = ReferenceField(
        api=CATALOGUS,
        collection="leveranciers",
        queryset=Leverancier.objects.all(),
        required=False,
        allow_null=True,
    )
    categorieen = ReferenceField(
        api=CATALOGUS, collection="categorieen", queryset=Categorie.objects.all(), many=True, required=False
    )
    referentiecomponenten = serializers.ListField(
        child=serializers.URLField(max_length=500),
        required=False,
        help_text="URI's van GEMMA-referentiecomponenten.",
    )
    standaarden = serializers.ListField(child=serializers.CharField(max_length=100), required=False)
    platforms = serializers.ListField(child=serializers.ChoiceField(choices=PLATFORMS), required=False)
    _expand = ExpandField()

    class Meta:
        model = Softwarepakket
        api = CATALOGUS
        collection = "softwarepakketten"
        fields = (
            "url",
            "naam",
            "korteOmschrijving",
            "omschrijving",
            "fabrikant",
            "categorieen",
            "referentiecomponenten",
            "standaarden",
            "softwareType",
            "platforms",
            "openSource",
            "licentie",
            "repositoryUrl",
            "website",
            "documentatieUrl",
            "status",
            "_expand",
        )
        expandable = {
            "fabrikant": Expandable(
                "softwarebroker.catalogus.api.serializers.LeverancierSerializer", "fabrikant"
            ),
            "categorieen": Expandable(
                "softwarebroker.catalogus.api.serializers.CategorieSerializer",
                "categorieen",
                many=True,
            ),
        }

    def create(self, validated_data):
        return services.create_softwarepakket(acting=self.acting, **validated_data)

    def update(self, instance, validated_data):
        return services.update_softwarepakket(
            acting=self.acting, softwarepakket=instance, partial=self.partial, **validated_data
        )
