from django.views.generic import TemplateView

from softwarebroker import __version__
from softwarebroker.api.definitions import APIS


class LandingPageView(TemplateView):
    template_name = "landing.html"
    http_method_names = ["get", "head"]

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "apis": APIS, "version": __version__}
