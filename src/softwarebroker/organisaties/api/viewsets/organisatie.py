from drf_spectacular.utils import extend_schema, extend_schema_view

from softwarebroker.api.viewsets import ResourceViewSet
from softwarebroker.autorisaties import scopes
from softwarebroker.organisaties import selectors, services
from softwarebroker.organisaties.api.filters import OrganisatieFilter
from softwarebroker.organisaties.api.serializers import OrganisatieSerializer


@extend_schema_view(
    list=extend_schema(
        summary="Alle organisaties", description="Gemeenten en verbonden partijen die bestellen."
    ),
    retrieve=extend_schema(
        summary="Eén organisatie", description="Eén organisatie, met `fields` en `expand`."
    ),
    create=extend_schema(
        summary="Organisatie registreren",
        description="Maakt een organisatie aan; het antwoord heeft de nieuwe `url` ook in `Location`.",
    ),
    update=extend_schema(
        summary="Organisatie volledig wijzigen",
        description="Vervangt alle wijzigbare velden van de organisatie.",
    ),
    partial_update=extend_schema(
        summary="Organisatie gedeeltelijk wijzigen",
        description="Wijzigt alleen de meegestuurde velden van de organisatie.",
    ),
    destroy=extend_schema(summary="Organisatie verwijderen", description="Verwijdert de organisatie."),
)
@extend_schema(tags=["organisaties"])
class OrganisatieViewSet(ResourceViewSet):
    serializer_class = OrganisatieSerializer
    read_scope = scopes.ORGANISATIES_LEZEN
    write_scope = scopes.ORGANISATIES_BEHEREN
    filterset_class = OrganisatieFilter
    sort_fields = {"naam": "naam", "oin": "oin", "inwonertal": "inwonertal"}
    default_sort = ("naam",)

    @classmethod
    def visible_objects(cls, acting):
        return selectors.organisaties()

    @classmethod
    def tenant_of(cls, instance) -> dict:
        # An organisation's own record is its tenant data (its audit trail, for one).
        return {"organisatie": instance}

    def perform_destroy(self, instance):
        services.delete_organisatie(acting=self.request.auth, organisatie=instance)
