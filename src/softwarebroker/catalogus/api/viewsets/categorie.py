from drf_spectacular.utils import extend_schema, extend_schema_view

from softwarebroker.api.viewsets import ResourceViewSet
from softwarebroker.autorisaties import scopes
from softwarebroker.catalogus import selectors, services
from softwarebroker.catalogus.api.filters import CategorieFilter
from softwarebroker.catalogus.api.serializers import CategorieSerializer


@extend_schema_view(
    list=extend_schema(
        summary="Alle categorieën",
        description="De categorieën van de catalogus, als boom via `bovenliggendeCategorie`.",
    ),
    retrieve=extend_schema(summary="Eén categorie", description="Eén categorie, met `fields` en `expand`."),
    create=extend_schema(
        summary="Categorie aanmaken",
        description="Maakt een categorie aan; het antwoord heeft de nieuwe `url` ook in `Location`.",
    ),
    update=extend_schema(
        summary="Categorie volledig wijzigen", description="Vervangt alle wijzigbare velden van de categorie."
    ),
    partial_update=extend_schema(
        summary="Categorie gedeeltelijk wijzigen",
        description="Wijzigt alleen de meegestuurde velden van de categorie.",
    ),
    destroy=extend_schema(
        summary="Categorie verwijderen",
        description="Alleen een categorie zonder subcategorieën kan worden verwijderd; anders 409.",
    ),
)
@extend_schema(tags=["categorieen"])
class CategorieViewSet(ResourceViewSet):
    serializer_class = CategorieSerializer
    read_scope = scopes.CATALOGUS_LEZEN
    write_scope = scopes.CATALOGUS_BEHEREN
    filterset_class = CategorieFilter
    sort_fields = {"naam": "naam"}
    default_sort = ("naam",)

    @classmethod
    def visible_objects(cls, acting):
        return selectors.categorieen()

    def perform_destroy(self, instance):
        services.delete_categorie(acting=self.request.auth, categorie=instance)
