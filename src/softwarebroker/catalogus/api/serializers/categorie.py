from rest_framework.exceptions import ErrorDetail, ValidationError

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
        validators = []  # uniqueness per level is checked below with a clear field name

    def validate(self, attrs):
        parent = attrs.get("bovenliggende_categorie", getattr(self.instance, "bovenliggende_categorie", None))
        naam = attrs.get("naam", getattr(self.instance, "naam", None))
        duplicates = Categorie.objects.filter(bovenliggende_categorie=parent, naam=naam)
        if self.instance is not None:
            duplicates = duplicates.exclude(pk=self.instance.pk)
        if duplicates.exists():
            raise ValidationError(
                {
                    "naam": [
                        ErrorDetail("Er bestaat al een categorie met deze naam op dit niveau.", code="unique")
                    ]
                }
            )
        return attrs

    def create(self, validated_data):
        return services.create_categorie(**validated_data)

    def update(self, instance, validated_data):
        return services.update_categorie(categorie=instance, **validated_data)
