"""Absolute resource URLs built from a per-request prefix, without ``reverse()`` per object."""

from __future__ import annotations

from .definitions import APIDefinition


def api_root_url(request, api: APIDefinition) -> str:
    """``https://host/catalogus/api/v1``, computed once per request."""
    cache = getattr(request, "_api_root_urls", None)
    if cache is None:
        cache = {}
        request._api_root_urls = cache
    if api.slug not in cache:
        cache[api.slug] = request.build_absolute_uri(api.base_path)
    return cache[api.slug]


def collection_url(request, api: APIDefinition, collection: str) -> str:
    return f"{api_root_url(request, api)}/{collection}"
