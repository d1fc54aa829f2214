"""URLs of the Catalogus API, relative to /catalogus/api/v1 (also the schema's urlconf)."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from softwarebroker.api.definitions import CATALOGUS
from softwarebroker.api.openapi import documentation_views, openapi_views
from softwarebroker.audit.api.urls import audit_trail_urls

from .viewsets import CategorieViewSet

router = SimpleRouter(trailing_slash=False)
router.register("categorieen", CategorieViewSet, basename="categorie")

openapi_json, openapi_yaml = openapi_views(CATALOGUS)
redoc, swagger = documentation_views(CATALOGUS)

urlpatterns = [
    path("openapi.json", openapi_json, name="catalogus-openapi-json"),
    path("openapi.yaml", openapi_yaml, name="catalogus-openapi-yaml"),
    path("docs", redoc, name="catalogus-redoc"),
    path("docs/swagger-ui", swagger, name="catalogus-swagger-ui"),
    *router.urls,
    *audit_trail_urls("categorieen", CategorieViewSet, resource_label="categorie"),
]
