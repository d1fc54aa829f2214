from softwarebroker.api.definitions import CATALOGUS
from softwarebroker.api.fields import ReferenceField
from softwarebroker.api.serializers import Expandable, ExpandField, ResourceSerializer
from softwarebroker.catalogus import services
from softwarebroker.catalogus.models import Categorie


class CategorieSerializer(ResourceSerializer):
    """Een categorie in de boom waarmee software wordt ingedeeld (bijvoorbeeld
    "Zaakgericht werken" > "Zaaksystemen")."""

    bovenliggendeCategorie = ReferenceField(
        api=CATALOGUS,
        collection="categorieen",
        source="bovenliggende_categorie",
        queryset=Categorie.objects.all(),
        required=False,
        allow_null=True,
        help_text="URL van de bovenliggende categorie; leeg voor een hoofdcategorie.",
    )
    _expand = ExpandField()

    class Meta:
        model = Categorie
        api = CATALOGUS
        collection = "categorieen"
        fields = ("url", "naam", "omschrijving", "bovenliggendeCategorie", "_expand")
        expandable = {
            "bovenliggendeCategorie": Expandable(
                "softwarebroker.catalogus.api.serializers.CategorieSerializer",
                source="bovenliggende_categorie",
            )
        }
        validators = []  # uniqueness per level is a rule of the service, with a clear field name

    def create(self, validated_data):
        return services.create_categorie(acting=self.acting, **validated_data)

    def update(self, instance, validated_data):
        return services.update_categorie(
            acting=self.acting, categorie=instance, partial=self.partial, **validated_data
        )
