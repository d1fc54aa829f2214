"""URLs of the Bestellingen API, relative to /bestellingen/api/v1 (also the schema's urlconf)."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from softwarebroker.api.definitions import BESTELLINGEN
from softwarebroker.api.openapi import documentation_views, openapi_views
from softwarebroker.audit.api.urls import audit_trail_urls
from softwarebroker.bestellingen.api.viewsets import (
    AnnuleringsverzoekViewSet,
    BeoordelingViewSet,
    BerichtViewSet,
    BestellingViewSet,
    BestelregelViewSet,
    LeveringViewSet,
    LicentieViewSet,
    StatuswijzigingViewSet,
)
from softwarebroker.gebruik.api.landschap import ApplicatielandschapViewSet
from softwarebroker.gebruik.api.onderdelen import AttentieViewSet, GebruikStatuswijzigingViewSet
from softwarebroker.gebruik.api.viewsets import GebruikViewSet
from softwarebroker.organisaties.api.viewsets import OrganisatieViewSet
from softwarebroker.rapportages.api.prijsstatistieken import PrijsstatistiekenViewSet
from softwarebroker.rapportages.api.uitgaven import UitgavenViewSet
from softwarebroker.rapportages.api.vergelijking import VergelijkingViewSet
from softwarebroker.vraagbundelingen.api.deelnames import DeelnameStatuswijzigingViewSet, DeelnameViewSet
from softwarebroker.vraagbundelingen.api.viewsets import (
    VraagbundelingStatuswijzigingViewSet,
    VraagbundelingViewSet,
)

router = SimpleRouter(trailing_slash=False)
router.register("organisaties", OrganisatieViewSet, basename="organisatie")
router.register("bestellingen", BestellingViewSet, basename="bestelling")
router.register("licenties", LicentieViewSet, basename="licentie")
router.register("vraagbundelingen", VraagbundelingViewSet, basename="vraagbundeling")
router.register("gebruiken", GebruikViewSet, basename="gebruik")


def under_bestelling(collection: str, viewset, detail_actions=None, *, create: bool = True) -> list:
    """``bestellingen/{bestelling_uuid}/{collection}[/{uuid}]`` (``create``: also POST on the list)."""
    base = f"bestellingen/<uuid:bestelling_uuid>/{collection}"
    list_actions = {"get": "list", **({"post": "create"} if create else {})}
    return [
        path(base, viewset.as_view(list_actions), name=f"bestelling-{collection}-list"),
        path(
            f"{base}/<uuid:uuid>",
            viewset.as_view({"get": "retrieve", **(detail_actions or {})}),
            name=f"bestelling-{collection}-detail",
        ),
    ]


def under_vraagbundeling(base: str, name: str, viewset, detail_actions=None) -> list:
    """``vraagbundelingen/{vraagbundeling_uuid}/{base}[/{uuid}]``, GET and POST on the list."""
    base = f"vraagbundelingen/<uuid:vraagbundeling_uuid>/{base}"
    return [
        path(base, viewset.as_view({"get": "list", "post": "create"}), name=f"vraagbundeling-{name}-list"),
        path(
            f"{base}/<uuid:uuid>",
            viewset.as_view({"get": "retrieve", **(detail_actions or {})}),
            name=f"vraagbundeling-{name}-detail",
        ),
    ]


def under_gebruik(collection: str, viewset, *, create: bool = True) -> list:
    """``gebruiken/{gebruik_uuid}/{collection}[/{uuid}]`` (``create``: also POST on the list)."""
    base = f"gebruiken/<uuid:gebruik_uuid>/{collection}"
    list_actions = {"get": "list", **({"post": "create"} if create else {})}
    return [
        path(base, viewset.as_view(list_actions), name=f"gebruik-{collection}-list"),
        path(
            f"{base}/<uuid:uuid>", viewset.as_view({"get": "retrieve"}), name=f"gebruik-{collection}-detail"
        ),
    ]


openapi_json, openapi_yaml = openapi_views(BESTELLINGEN)
redoc, swagger = documentation_views(BESTELLINGEN)

urlpatterns = [
    path("openapi.json", openapi_json, name="bestellingen-openapi-json"),
    path("openapi.yaml", openapi_yaml, name="bestellingen-openapi-yaml"),
    path("docs", redoc, name="bestellingen-redoc"),
    path("docs/swagger-ui", swagger, name="bestellingen-swagger-ui"),
    *router.urls,
    *under_bestelling("regels", BestelregelViewSet, create=False),
    *under_bestelling("statuswijzigingen", StatuswijzigingViewSet),
    *under_bestelling("beoordelingen", BeoordelingViewSet),
    *under_bestelling("berichten", BerichtViewSet),
    *under_bestelling("leveringen", LeveringViewSet),
    path(
        "bestellingen/<uuid:bestelling_uuid>/leveringen/<uuid:uuid>/geheim",
        LeveringViewSet.as_view({"get": "geheim"}),
        name="bestelling-leveringen-geheim",
    ),
    *under_bestelling("annuleringsverzoeken", AnnuleringsverzoekViewSet, {"patch": "partial_update"}),
    *under_vraagbundeling("statuswijzigingen", "statuswijzigingen", VraagbundelingStatuswijzigingViewSet),
    *under_vraagbundeling("deelnames", "deelnames", DeelnameViewSet, {"patch": "partial_update"}),
    *under_vraagbundeling(
        "deelnames/<uuid:deelname_uuid>/statuswijzigingen",
        "deelname-statuswijzigingen",
        DeelnameStatuswijzigingViewSet,
    ),
    *under_gebruik("statuswijzigingen", GebruikStatuswijzigingViewSet),
    *under_gebruik("attenties", AttentieViewSet, create=False),
    path(
        "gebruiken/<uuid:gebruik_uuid>/attenties/<uuid:uuid>/afhandelen",
        AttentieViewSet.as_view({"post": "afhandelen"}),
        name="gebruik-attenties-afhandelen",
    ),
    path(
        "organisaties/<uuid:uuid>/applicatielandschap",
        ApplicatielandschapViewSet.as_view({"get": "applicatielandschap"}),
        name="organisatie-applicatielandschap",
    ),
    path(
        "rapportages/prijsstatistieken",
        PrijsstatistiekenViewSet.as_view({"get": "prijsstatistieken"}),
        name="rapportages-prijsstatistieken",
    ),
    path("rapportages/uitgaven", UitgavenViewSet.as_view({"get": "uitgaven"}), name="rapportages-uitgaven"),
    path(
        "rapportages/vergelijking",
        VergelijkingViewSet.as_view({"get": "vergelijking"}),
        name="rapportages-vergelijking",
    ),
    *audit_trail_urls("organisaties", OrganisatieViewSet, resource_label="organisatie"),
    *audit_trail_urls("bestellingen", BestellingViewSet, resource_label="bestelling"),
    *audit_trail_urls("vraagbundelingen", VraagbundelingViewSet, resource_label="vraagbundeling"),
    *audit_trail_urls("gebruiken", GebruikViewSet, resource_label="gebruik"),
]
