"""The consumer webhook: notifications of peers about their aanbiedingen.

A peer's Notificaties API calls ``POST /notificaties/webhook`` with the standard message for
every change of its catalogue (kanaal ``aanbiedingen``). The ``Authorization`` header must be
the value configured for that peer (``PeerCatalogus.notificaties_authorization``); the peer it
identifies can only mark copies of its own offers stale (URLs under its Service), so one peer
can never make this instance re-read another's. Marked copies are read again, with their ETag,
the next time an order line uses them. Other kanalen are accepted and ignored.

Answers: 204; 400 (``invalidParams`` lists every invalid field); 401 without Authorization;
403 with a value no active peer has. All errors are ``application/problem+json``.
"""

from __future__ import annotations

import hmac

import structlog
from rest_framework import exceptions, serializers, status
from rest_framework.authentication import BaseAuthentication
from rest_framework.permissions import BasePermission
from rest_framework.response import Response
from rest_framework.views import APIView

from .aanbiedingen import mark_stale
from .models import PeerCatalogus

logger = structlog.get_logger(__name__)
KANAAL = "aanbiedingen"


class Notificatie(serializers.Serializer):
    kanaal = serializers.CharField(max_length=50)
    hoofdObject = serializers.URLField(max_length=1000)
    resource = serializers.CharField(max_length=100)
    resourceUrl = serializers.URLField(max_length=1000)
    actie = serializers.CharField(max_length=100)
    aanmaakdatum = serializers.DateTimeField()
    kenmerken = serializers.DictField(child=serializers.CharField(allow_blank=True), required=False)


class PeerAuthorization(BaseAuthentication):
    """The request's Authorization compared (in constant time) with every active peer's value."""

    def authenticate(self, request):
        given = request.META.get("HTTP_AUTHORIZATION", "")
        if not given:
            raise exceptions.NotAuthenticated("Geef de Authorization-header van het abonnement.")
        for peer in PeerCatalogus.objects.filter(
            actief=True, notificaties_authorization__isnull=False
        ).select_related("service"):
            expected = peer.notificaties_authorization or ""
            if expected and hmac.compare_digest(expected.encode(), given.encode()):
                return (None, peer)
        raise exceptions.PermissionDenied("Deze Authorization hoort bij geen actieve peer-catalogus.")

    def authenticate_header(self, request):
        return 'Bearer realm="notificaties"'


class IsPeer(BasePermission):
    def has_permission(self, request, view):
        return isinstance(request.auth, PeerCatalogus)


class NotificatieWebhook(APIView):
    authentication_classes = [PeerAuthorization]
    permission_classes = [IsPeer]
    schema = None  # not part of the Catalogus or Bestellingen API documents; see the docs

    def post(self, request):
        notificatie = Notificatie(data=request.data)
        notificatie.is_valid(raise_exception=True)
        data = notificatie.validated_data
        peer: PeerCatalogus = request.auth
        marked = 0
        if data["kanaal"] == KANAAL:
            root = peer.service.api_root
            urls = {url for url in (data["hoofdObject"], data["resourceUrl"]) if url.startswith(root)}
            marked = mark_stale(urls)
        logger.info(
            "peer_notification_received",
            peer=peer.naam,
            kanaal=data["kanaal"],
            actie=data["actie"],
            resource_url=data["resourceUrl"],
            marked_stale=marked,
        )
        return Response(status=status.HTTP_204_NO_CONTENT)
