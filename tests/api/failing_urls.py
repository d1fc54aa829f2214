from django.urls import include, path

from softwarebroker.urls import handler500 as handler500


def broken_view(request):
    raise RuntimeError("geheime-interne-fout")


urlpatterns = [
    path("catalogus/api/v1/stuk", broken_view),
    path("stuk", broken_view),
    path("", include("softwarebroker.urls")),
]
