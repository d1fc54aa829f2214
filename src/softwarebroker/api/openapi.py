"""The OpenAPI documents, served at ``{base}/openapi.json`` and ``{base}/openapi.yaml``."""

from __future__ import annotations

import functools

from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer2, OpenApiYamlRenderer
from drf_spectacular.settings import patched_settings
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from drf_spectacular.views import SpectacularRedocView, SpectacularSwaggerView
from rest_framework.response import Response
from rest_framework.views import APIView

from .definitions import APIDefinition, schema_settings
from .query_parameters import check_query_parameters


class JSONDocumentRenderer(OpenApiJsonRenderer2):
    media_type = "application/json"
    format = "json"


class YAMLDocumentRenderer(OpenApiYamlRenderer):
    media_type = "application/yaml"
    format = "yaml"


@functools.cache
def generate_schema(api: APIDefinition) -> dict:
    """The document for one API. The code cannot change at run time, so generate once."""
    with patched_settings(schema_settings(api)):
        generator = SchemaGenerator(urlconf=api.urlconf)
        return generator.get_schema(request=None, public=True)


class OpenAPIDocumentView(APIView):
    api: APIDefinition
    http_method_names = ["get", "head"]
    authentication_classes: list = []
    permission_classes: list = []

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        check_query_parameters(self, request)

    def get(self, request, *args, **kwargs):
        return Response(generate_schema(self.api))


def openapi_views(api: APIDefinition):
    """The JSON and YAML document views for ``api``, documented in its own contract."""

    def document_view(renderer, name: str, media: str):
        decorate = extend_schema(
            operation_id=f"openapi_{name}",
            summary=f"Het OpenAPI-document van deze API ({media})",
            description="Het contract van deze API. Vrij op te vragen, zonder authenticatie, "
            "vanaf elke origin. JSON en YAML hebben dezelfde inhoud.",
            tags=["openapi"],
            responses={200: OpenApiResponse(OpenApiTypes.OBJECT, description="Het OpenAPI-document.")},
        )

        class View(OpenAPIDocumentView):
            @decorate
            def get(self, request, *args, **kwargs):
                return super().get(request, *args, **kwargs)

        View.api = api
        View.renderer_classes = [renderer]
        View.__name__ = View.__qualname__ = f"{api.slug.title()}OpenAPI{name.upper()}View"
        return View.as_view()

    return document_view(JSONDocumentRenderer, "json", "JSON"), document_view(
        YAMLDocumentRenderer, "yaml", "YAML"
    )


def documentation_views(api: APIDefinition):
    """Redoc and Swagger UI pages, served from local assets (no CDN)."""
    schema_url = f"{api.base_path}/openapi.yaml"
    redoc = SpectacularRedocView.as_view(url=schema_url, title=f"{api.title} – documentatie")
    swagger = SpectacularSwaggerView.as_view(url=schema_url, title=f"{api.title} – Swagger UI")
    return redoc, swagger
