"""The OpenAPI documents, served at ``{base}/openapi.json`` and ``{base}/openapi.yaml``, and
their documentation pages (Redoc, Swagger UI), served from local assets."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import etag, require_safe
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


class RendersOnce:
    """The documents cannot change at run time (:func:`generate_schema` makes each once), so
    each is rendered once too: YAML rendering takes a noticeable fraction of a second."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        cached = getattr(type(self), "_rendered", {})
        key = (id(data), accepted_media_type)
        if key in cached and cached[key][0] is data:
            return cached[key][1]
        rendered = super().render(data, accepted_media_type, renderer_context)
        if isinstance(data, dict) and data.get("openapi"):  # a document, not an error
            type(self)._rendered = {**cached, key: (data, rendered)}
        return rendered


class JSONDocumentRenderer(RendersOnce, OpenApiJsonRenderer2):
    media_type = "application/json"
    format = "json"


class YAMLDocumentRenderer(RendersOnce, OpenApiYamlRenderer):
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


# Redoc's bundle loads one thing from elsewhere: its maker's logo under the sidebar, from their
# CDN. The bundle is served from here with an empty image inside the page in its place.
REDOC_BUNDLE = "drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js"
REDOC_LOGO = b"https://cdn.redoc.ly/redoc/logo-mini.svg"
EMPTY_IMAGE = b"data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 1 1'/%3E"


@functools.cache
def redoc_bundle() -> tuple[bytes, str]:
    """Redoc's standalone bundle without requests to elsewhere, and its ETag."""
    script = Path(finders.find(REDOC_BUNDLE)).read_bytes().replace(REDOC_LOGO, EMPTY_IMAGE)
    return script, f'"{hashlib.sha256(script).hexdigest()}"'


@require_safe
@etag(lambda request: redoc_bundle()[1])
def redoc_script(request):
    response = HttpResponse(redoc_bundle()[0], content_type="text/javascript; charset=utf-8")
    patch_cache_control(response, public=True, max_age=24 * 60 * 60)
    return response


class RedocView(SpectacularRedocView):
    @staticmethod
    def _redoc_standalone():
        return reverse("redoc-script")


def documentation_views(api: APIDefinition):
    """Redoc and Swagger UI pages, served from local assets (no CDN)."""
    schema_url = f"{api.base_path}/openapi.yaml"
    redoc = RedocView.as_view(url=schema_url, title=f"{api.title} – documentatie")
    swagger = SpectacularSwaggerView.as_view(url=schema_url, title=f"{api.title} – Swagger UI")
    return redoc, swagger
