"""Scope checks: every operation names the one scope it needs."""

from django.conf import settings
from rest_framework import exceptions, permissions

from .context import Acting
from .scopes import CATALOGUS_LEZEN


def required_scope(view) -> str | tuple[str, ...] | None:
    """The scope of the view's current action (a tuple: any one of them, for an operation
    used by several parties, such as a status change); ``None`` means open to everyone."""
    scopes = getattr(view, "scopes", None)
    if scopes is None:
        return None
    action = getattr(view, "action", None)
    if action in (None, "metadata"):
        return None  # a method this view does not offer (OPTIONS included): the answer is 405
    return scopes[action]  # a KeyError here is a forgotten scope: loud, never open


class ScopePermission(permissions.BasePermission):
    def has_permission(self, request, view):
        scope = required_scope(view)
        if scope is None:
            return True
        acting = request.auth
        if acting is None:
            if scope == CATALOGUS_LEZEN and settings.CATALOGUS_ANONYMOUS_READ:
                request.auth = Acting.anonymous()
                return True
            raise exceptions.NotAuthenticated(
                detail="Deze actie vraagt om authenticatie: 'Authorization: Bearer <JWT>'.",
                code="authorization-missing",
            )
        needed = scope if isinstance(scope, tuple) else (scope,)
        if not acting.scopes.intersection(needed):
            raise exceptions.PermissionDenied(
                detail=f"De applicatie heeft niet de benodigde scope '{' of '.join(needed)}'.",
                code="autorisatie",
            )
        return True
