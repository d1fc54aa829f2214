"""URLs of the Catalogus API, relative to /catalogus/api/v1 (also the schema's urlconf).

The API is composed here, above the apps whose views it serves: the catalogue's resources
and their audit trails, the federated search of federatie and who uses a package (gebruik).
"""

from django.urls import path
from rest_framework.routers import SimpleRouter

from softwarebroker.api.definitions import CATALOGUS
from softwarebroker.api.openapi import documentation_views, openapi_views
from softwarebroker.audit.api.urls import audit_trail_urls
from softwarebroker.catalogus.api.viewsets import (
    AanbiedingViewSet,
    CategorieViewSet,
    KwetsbaarheidViewSet,
    LeverancierViewSet,
    PrijsViewSet,
    RaamovereenkomstViewSet,
    ReferentiecomponentViewSet,
    SoftwarepakketversieViewSet,
    SoftwarepakketViewSet,
    VerklaringViewSet,
)
from softwarebroker.federatie.api.viewsets import FederatedSearchViewSet
from softwarebroker.gebruik.api.gebruikers import GebruikersViewSet

federated_search = FederatedSearchViewSet.as_view({"get": "search"})
gebruikers = GebruikersViewSet.as_view({"get": "gebruikers"})

router = SimpleRouter(trailing_slash=False)
router.register("aanbiedingen", AanbiedingViewSet, basename="aanbieding")
router.register("categorieen", CategorieViewSet, basename="categorie")
router.register("leveranciers", LeverancierViewSet, basename="leverancier")
router.register("prijzen", PrijsViewSet, basename="prijs")
router.register("raamovereenkomsten", RaamovereenkomstViewSet, basename="raamovereenkomst")
router.register("referentiecomponenten", ReferentiecomponentViewSet, basename="referentiecomponent")
router.register("softwarepakketten", SoftwarepakketViewSet, basename="softwarepakket")
router.register("softwarepakketversies", SoftwarepakketversieViewSet, basename="softwarepakketversie")
router.register("verklaringen", VerklaringViewSet, basename="verklaring")

KWETSBAARHEDEN = "softwarepakketversies/<uuid:softwarepakketversie_uuid>/kwetsbaarheden"

openapi_json, openapi_yaml = openapi_views(CATALOGUS)
redoc, swagger = documentation_views(CATALOGUS)

urlpatterns = [
    path("openapi.json", openapi_json, name="catalogus-openapi-json"),
    path("openapi.yaml", openapi_yaml, name="catalogus-openapi-yaml"),
    path("docs", redoc, name="catalogus-redoc"),
    path("docs/swagger-ui", swagger, name="catalogus-swagger-ui"),
    path("aanbiedingen/_zoeken", federated_search, name="aanbieding-zoeken"),
    path("softwarepakketten/<uuid:uuid>/gebruikers", gebruikers, name="softwarepakket-gebruikers"),
    *router.urls,
    path(
        KWETSBAARHEDEN,
        KwetsbaarheidViewSet.as_view({"get": "list", "post": "create"}),
        name="softwarepakketversie-kwetsbaarheden-list",
    ),
    path(
        f"{KWETSBAARHEDEN}/<uuid:uuid>",
        KwetsbaarheidViewSet.as_view({"get": "retrieve", "patch": "partial_update"}),
        name="softwarepakketversie-kwetsbaarheden-detail",
    ),
    *audit_trail_urls("aanbiedingen", AanbiedingViewSet, resource_label="aanbieding"),
    *audit_trail_urls("categorieen", CategorieViewSet, resource_label="categorie"),
    *audit_trail_urls("leveranciers", LeverancierViewSet, resource_label="leverancier"),
    *audit_trail_urls("raamovereenkomsten", RaamovereenkomstViewSet, resource_label="raamovereenkomst"),
    *audit_trail_urls("softwarepakketten", SoftwarepakketViewSet, resource_label="softwarepakket"),
    *audit_trail_urls("verklaringen", VerklaringViewSet, resource_label="verklaring"),
]
