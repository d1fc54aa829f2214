"""The root urlconf. It and the two APIs' urlconfs beside it (catalogus, bestellingen) sit
above every app: they compose the apps' views into the published URLs."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from softwarebroker.api.definitions import BESTELLINGEN, CATALOGUS
from softwarebroker.api.openapi import redoc_script
from softwarebroker.federatie.webhook import NotificatieWebhook
from softwarebroker.views import LandingPageView

admin.site.site_header = "Open Softwarebroker – beheer"
admin.site.site_title = "Open Softwarebroker"
admin.site.index_title = "Functioneel beheer"

urlpatterns = [
    path("", LandingPageView.as_view(), name="landing"),
    path("admin", RedirectView.as_view(url="/admin/", permanent=False)),
    path("admin/", admin.site.urls),
    path("_healthz/", include("softwarebroker.health.urls")),
    # Redoc's script for the documentation pages of both APIs (api.openapi.redoc_script).
    path("_docs/redoc.standalone.js", redoc_script, name="redoc-script"),
    path("notificaties/webhook", NotificatieWebhook.as_view(), name="notificaties-webhook"),
    # The kanalen page: the documentation link of every kanaal registered at the Notificaties API.
    path("notificaties/", include("notifications_api_common.urls")),
    path(CATALOGUS.base_path.lstrip("/") + "/", include(CATALOGUS.urlconf)),
    path(BESTELLINGEN.base_path.lstrip("/") + "/", include(BESTELLINGEN.urlconf)),
]

handler400 = "softwarebroker.api.views.bad_request"
handler403 = "softwarebroker.api.views.permission_denied"
handler404 = "softwarebroker.api.views.page_not_found"
handler500 = "softwarebroker.api.views.server_error"
