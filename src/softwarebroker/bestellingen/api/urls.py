"""URLs of the Bestellingen API, relative to /bestellingen/api/v1 (also the schema's urlconf)."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from softwarebroker.api.definitions import BESTELLINGEN
from softwarebroker.api.openapi import documentation_views, openapi_views
from softwarebroker.audit.api.urls import audit_trail_urls
from softwarebroker.organisaties.api.viewsets import OrganisatieViewSet

router = SimpleRouter(trailing_slash=False)
router.register("organisaties", OrganisatieViewSet, basename="organisatie")

openapi_json, openapi_yaml = openapi_views(BESTELLINGEN)
redoc, swagger = documentation_views(BESTELLINGEN)

urlpatterns = [
    path("openapi.json", openapi_json, name="bestellingen-openapi-json"),
    path("openapi.yaml", openapi_yaml, name="bestellingen-openapi-yaml"),
    path("docs", redoc, name="bestellingen-redoc"),
    path("docs/swagger-ui", swagger, name="bestellingen-swagger-ui"),
    *router.urls,
    *audit_trail_urls("organisaties", OrganisatieViewSet, resource_label="organisatie"),
]
